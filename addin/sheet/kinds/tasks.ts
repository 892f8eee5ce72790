import type { MonthPushMinimal } from '../../../server/contract/push.ts';
import { TASK_FIELD_LABELS, taskRowCrossField, taskRowSchema } from '../../../server/contract/task-row.ts';
import type { ComputedTask, TaskMonth, TaskPerson, TaskPushResponse } from '../../../server/contract/task-sheet.ts';
import { lowerKey } from '../cell-text.ts';
import { comments, has, note, oneOf, personName, rule, staffCode, unit, type AliasRule } from './alias-parts.ts';
import { nameUnitKey, personKey, textOf } from './keys.ts';
import { EXPLANATION, SYNC_STATUS, codeOf } from './shared.ts';
import { apiPath, type KindSpec, type PeriodAnswer } from './spec.ts';

/**
 * The tasks sheet of a month (research §3.3 TASK-1): whose, the task (Mã nhiệm vụ or Số, ký hiệu; Tên or
 * Trích yếu), its quantities, dates, failed checks and delays, and an objective cause with who confirmed it.
 */

/** A task row of the service's answer with its person's figures, which every row of that person shows. */
export type TaskRowView = ComputedTask & { person: TaskPerson | null };

const TASK_ALIASES: readonly AliasRule[] = [
  note,
  rule('confirmedBy', has('nguoixacnhan', 'xacnhan')),
  rule('objective', has('khachquan')),
  rule('qFails', has('chatluong', 'loicl')),
  rule('dFails', has('chamtiendo', 'loitd')),
  rule('exceeded', (k) => k === 'vuot' || has('vuotmuc')(k)),
  rule('doneOn', has('ngayhoanthanh', 'ngayxulyxong', 'ngayxong')),
  rule('dueOn', (k) => k.startsWith('han') || has('thoihan')(k)),
  rule('g', has('soluonggiao', 'slgiao')),
  rule('h', has('soluonghoanthanh', 'slhoanthanh', 'soluongdat')),
  rule('k', has('heso')),
  rule('source', has('nguongiao')),
  rule('role', has('vaitro')),
  rule('taskRef', (k) => has('manhiemvu', 'sokyhieu', 'masanpham')(k)),
  rule('taskName', has('tennhiemvu', 'trichyeu', 'noidungcongviec', 'tensanpham', 'nhiemvu', 'sanpham', 'congviec')),
  rule('period', oneOf('thang', 'thangnam', 'thangdanhgia', 'kydanhgia')),
  staffCode,
  personName,
  unit,
  comments,
];

/** "|ref:mã nhiệm vụ" or "|name:tên nhiệm vụ": what follows the person in a task's key, as the service keys it. */
export function taskSuffix(taskRef: unknown, taskName: unknown): string | null {
  const ref = textOf(taskRef);
  if (ref.trim()) return `|ref:${lowerKey(ref)}`;
  const name = textOf(taskName);
  return name.trim() ? `|name:${lowerKey(name)}` : null;
}

/** A task of a month: its person (code, or name and unit) and its Mã nhiệm vụ, else its name. */
export function taskKey(input: Record<string, unknown>): string | null {
  const who = personKey(input);
  const suffix = taskSuffix(input.taskRef, input.taskName);
  return who && suffix ? who + suffix : null;
}

const withTask = (who: string | null, input: Record<string, unknown>) => {
  const suffix = taskSuffix(input.taskRef, input.taskName);
  return who && suffix ? who + suffix : null;
};
const pct = (value: number | null) => (value === null ? '–' : String(value).replace('.', ','));

/** A tasks answer as rows: each task row carries its person's figures (written on every row of theirs). */
function taskRows(answer: Pick<TaskMonth, 'rows' | 'people'>): PeriodAnswer<TaskRowView> {
  const people = new Map(answer.people.map((p) => [p.code, p]));
  return { rows: answer.rows.map((r) => Object.assign({}, r, { person: people.get(r.code) ?? null })) };
}

export const tasks: KindSpec<TaskRowView, TaskMonth, TaskPushResponse, MonthPushMinimal> = {
  title: { vi: 'Nhiệm vụ (NĐ 335)', en: 'Tasks (Decree 335)' },
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
  match: {
    key: (c) => c.code + taskSuffix(c.taskRef, c.taskName),
    altKey: (c) => {
      const who = nameUnitKey(c.name, c.unit);
      return who && who + taskSuffix(c.taskRef, c.taskName);
    },
    rowKey: (input) => withTask(codeOf(input), input),
    resultKey: (input, key) => withTask(key, input),
    rowAltKey: (input) => withTask(nameUnitKey(input.name, input.unit), input),
    values: (c) => {
      const p = c.person;
      const explanation = [...(c.warning ? [c.warning] : []), ...(p ? p.reasons : [])].join('; ');
      return {
        taskPoints: `${pct(c.done)}/${pct(c.assigned)}`,
        taskDeductions: c.deductions ?? '',
        taskAxes: p && p.quantityPct !== null ? `${pct(p.quantityPct)} / ${pct(p.qualityPct)} / ${pct(p.progressPct)}` : '',
        taskResults: p?.results ?? '',
        classification: p?.label ?? '',
        explanation,
      };
    },
    version: (c) => c.version,
  },
  endpoint: { path: apiPath('months', 'tasks'), answer: taskRows },
};
