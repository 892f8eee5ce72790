import type { z } from 'zod';
import { PERSON_FIELD_LABELS, personRowCrossField, personRowSchema } from '../../server/contract/person-row.ts';
import { STUDENT_FIELD_LABELS, studentRowCrossField, studentRowSchema } from '../../server/contract/students.ts';
import { TASK_FIELD_LABELS, taskRowCrossField, taskRowSchema } from '../../server/contract/task-row.ts';
import { UNIT_FIELD_LABELS, unitRowCrossField, unitRowSchema } from '../../server/contract/unit-row.ts';
import { INITIATIVE_FIELD_LABELS, initiativeRowCrossField, initiativeRowSchema } from '../../server/contract/year-initiative-row.ts';
import { PERSON_YEAR_FIELD_LABELS, personYearRowCrossField, personYearRowSchema } from '../../server/contract/year-person-row.ts';
import { INITIATIVE_ALIASES, MONTH_ALIASES, STUDENT_ALIASES, TASK_ALIASES, YEAR_ALIASES, type AliasRule } from './alias-rules.ts';
import { initiativeKey, personKey, studentKey, taskKey, textOf, unitKey } from './row-key.ts';
import type { ComputedColumn, InputField, SheetKind } from './types.ts';

/**
 * Every kind of sheet as data: the contract row it becomes (validation and messages are the service's own),
 * the columns it reads and their aliases, the columns it must have, what keys a row, the computed columns it
 * gets back, and what its period is. The engine's modules read this table; none of them knows a kind by name.
 */

/** A column the sheet must have: the field's, or (`or`) all of these instead. */
export interface Requirement {
  field: InputField;
  or?: readonly InputField[];
}

export interface ComputedSpec {
  column: ComputedColumn;
  /** Written exactly so; recognised after folding case and diacritics. */
  header: string;
}

/** What the period of a sheet is: a month (`YYYY-MM`), a year (`YYYY`) or a class (its name). */
export type PeriodKind = 'month' | 'year' | 'class';

export interface KindSpec {
  schema: z.ZodType;
  labels: Readonly<Record<string, string>>;
  /** Contract fields read from columns, in the order of the familiar sheet. */
  fields: readonly InputField[];
  required: readonly Requirement[];
  aliases: readonly AliasRule[];
  computed: readonly ComputedSpec[];
  period: PeriodKind;
  /** A row is data when one group of fields is all present; `notFooter`'s cell must not read as a footer. */
  dataRow: { any: readonly (readonly InputField[])[]; notFooter?: InputField; otherInput?: boolean };
  key(input: Record<string, unknown>): string | null;
  /** The field and message naming a row whose key another row has (`others`: their Excel rows). */
  duplicate(input: Record<string, unknown>, others: string): { field: InputField; message: string };
  /** A cross-field rule of the contract may apply to this parsed row: check it whole (the contract's predicate). */
  crossField(row: Record<string, unknown>): boolean;
  /** Rows without a staff code get one from the roster, by name within the unit. */
  rosterCodes: boolean;
}

const PEOPLE_COMPUTED: readonly ComputedSpec[] = [
  { column: 'classification', header: 'Xếp loại' },
  { column: 'rankInUnit', header: 'Hạng trong đơn vị' },
  { column: 'rankInOrg', header: 'Hạng toàn trường' },
  { column: 'explanation', header: 'Giải thích' },
  { column: 'syncStatus', header: 'Trạng thái đồng bộ' },
];
const SYNC_STATUS: ComputedSpec = { column: 'syncStatus', header: 'Trạng thái đồng bộ' };
const EXPLANATION: ComputedSpec = { column: 'explanation', header: 'Giải thích' };

const RATING_FIELDS = ['selfScore', 'general', 'results', 'score', 'allTasksDone', 'exceededPct', 'latePct', 'discipline', 'note'] as const;
const IDENTITY_FIELDS = ['code', 'name', 'title', 'unit', 'dutyGroup', 'sex', 'recruitedOn'] as const;
const SCORE: Requirement = { field: 'score', or: ['general', 'results'] };

function personDuplicate(input: Record<string, unknown>, others: string): { field: InputField; message: string } {
  const code = textOf(input.code);
  return code
    ? { field: 'code', message: `Mã CB "${code}" bị trùng với dòng ${others}` }
    : { field: 'name', message: `Trùng họ tên và đơn vị với dòng ${others}, cần thêm cột Mã CB để phân biệt` };
}

const PEOPLE_ROWS = { any: [['name', 'unit'], ['name', 'code']] } as const;

export const SHEET_KINDS: Readonly<Record<SheetKind, KindSpec>> = {
  person: {
    schema: personRowSchema,
    labels: PERSON_FIELD_LABELS,
    fields: [...IDENTITY_FIELDS, 'leave', ...RATING_FIELDS, 'leaderOrganisePct', 'leaderOtherPct'],
    required: [{ field: 'name' }, { field: 'unit' }, SCORE],
    aliases: MONTH_ALIASES,
    computed: PEOPLE_COMPUTED,
    period: 'month',
    dataRow: PEOPLE_ROWS,
    key: personKey,
    duplicate: personDuplicate,
    crossField: personRowCrossField,
    rosterCodes: true,
  },
  unit: {
    schema: unitRowSchema,
    labels: UNIT_FIELD_LABELS,
    fields: ['unit', ...RATING_FIELDS],
    required: [{ field: 'unit' }, SCORE],
    aliases: MONTH_ALIASES,
    computed: PEOPLE_COMPUTED,
    period: 'month',
    dataRow: { any: [['unit']], notFooter: 'unit', otherInput: true },
    key: unitKey,
    duplicate: (input, others) => ({ field: 'unit', message: `Đơn vị "${textOf(input.unit)}" bị trùng với dòng ${others}` }),
    crossField: unitRowCrossField,
    rosterCodes: false,
  },
  year: {
    schema: personYearRowSchema,
    labels: PERSON_YEAR_FIELD_LABELS,
    fields: [
      ...IDENTITY_FIELDS, 'allTasksDone', 'exceededPct', 'latePct', 'discipline', 'pendingDisciplineCase',
      'voteAgree', 'voteTotal', 'priorTitles', 'note',
    ],
    required: [{ field: 'name' }, { field: 'unit' }],
    aliases: YEAR_ALIASES,
    computed: [{ column: 'classification', header: 'Xếp loại năm' }, EXPLANATION, SYNC_STATUS],
    period: 'year',
    dataRow: PEOPLE_ROWS,
    key: personKey,
    duplicate: personDuplicate,
    crossField: personYearRowCrossField,
    rosterCodes: true,
  },
  initiative: {
    schema: initiativeRowSchema,
    labels: INITIATIVE_FIELD_LABELS,
    fields: ['code', 'name', 'unit', 'kind', 'title', 'level', 'recognisedOn', 'note'],
    required: [{ field: 'code', or: ['name', 'unit'] }, { field: 'kind' }, { field: 'title' }, { field: 'recognisedOn' }],
    aliases: INITIATIVE_ALIASES,
    computed: [SYNC_STATUS],
    period: 'year',
    dataRow: { any: [['title', 'code'], ['title', 'name']] },
    key: initiativeKey,
    duplicate: (input, others) => ({
      field: 'title',
      message: `Cùng người, cùng loại và cùng tên «${textOf(input.title)}» với dòng ${others}`,
    }),
    crossField: initiativeRowCrossField,
    rosterCodes: false,
  },
  student: {
    schema: studentRowSchema,
    labels: STUDENT_FIELD_LABELS,
    fields: ['class', 'code', 'name', 'gpa', 'conduct', 'discipline', 'note'],
    required: [{ field: 'name' }, { field: 'gpa' }],
    aliases: STUDENT_ALIASES,
    computed: [
      { column: 'band', header: 'Xếp loại học tập' },
      { column: 'commended', header: 'Khen thưởng' },
      EXPLANATION,
      SYNC_STATUS,
    ],
    period: 'class',
    dataRow: { any: [['name']], notFooter: 'name' },
    key: studentKey,
    duplicate: (input, others) => {
      const code = textOf(input.code);
      return code
        ? { field: 'code', message: `Mã HV "${code}" bị trùng với dòng ${others}` }
        : { field: 'name', message: `Trùng họ tên với dòng ${others}, cần thêm cột Mã HV để phân biệt` };
    },
    crossField: studentRowCrossField,
    rosterCodes: false,
  },
  tasks: {
    schema: taskRowSchema,
    labels: TASK_FIELD_LABELS,
    fields: [
      'code', 'name', 'unit', 'taskRef', 'taskName', 'source', 'role', 'k', 'g', 'h', 'dueOn', 'doneOn', 'qFails',
      'dFails', 'exceeded', 'objective', 'confirmedBy', 'note',
    ],
    required: [{ field: 'code', or: ['name', 'unit'] }, { field: 'taskName' }],
    aliases: TASK_ALIASES,
    // Per row what it adds and loses, then per person (on each of their rows) the axes, the result and the month's level.
    computed: [
      { column: 'taskPoints', header: 'Quy đổi hoàn thành/giao' },
      { column: 'taskDeductions', header: 'Trừ điểm' },
      { column: 'taskAxes', header: 'Số lượng/Chất lượng/Tiến độ (%)' },
      { column: 'taskResults', header: 'Điểm kết quả tính từ nhiệm vụ' },
      { column: 'classification', header: 'Xếp loại tháng' },
      EXPLANATION,
      SYNC_STATUS,
    ],
    period: 'month',
    dataRow: { any: [['taskName', 'code'], ['taskName', 'name']] },
    key: taskKey,
    duplicate: (input, others) => {
      const ref = textOf(input.taskRef);
      return ref
        ? { field: 'taskRef', message: `Cùng người và cùng Mã nhiệm vụ "${ref}" với dòng ${others}` }
        : { field: 'taskName', message: `Cùng người và cùng tên nhiệm vụ «${textOf(input.taskName)}» với dòng ${others}` };
    },
    crossField: taskRowCrossField,
    rosterCodes: false,
  },
};

export const SHEET_KIND_IDS = Object.keys(SHEET_KINDS) as SheetKind[];

export function isSheetKind(value: string): value is SheetKind {
  return Object.hasOwn(SHEET_KINDS, value);
}

/** The row's key on a sheet of this kind (see `row-key.ts`). */
export function rowKey(kind: SheetKind, input: Record<string, unknown>): string | null {
  return SHEET_KINDS[kind].key(input);
}
