import { PERSON_FIELD_LABELS } from '../../server/contract/person-row.ts';
import type { ComputedColumn, InputField, SheetKind } from './types.ts';

/** The contract fields a person sheet may carry, in the order of the familiar sheet. */
export const PERSON_INPUT_FIELDS = [
  'code',
  'name',
  'title',
  'unit',
  'dutyGroup',
  'sex',
  'recruitedOn',
  'leave',
  'selfScore',
  'general',
  'results',
  'score',
  'allTasksDone',
  'exceededPct',
  'latePct',
  'discipline',
  'note',
] as const satisfies readonly InputField[];

/** RULES.md §2: a unit's month has its name, the score and its parts, the gates, discipline and a note. */
export const UNIT_INPUT_FIELDS = [
  'unit',
  'selfScore',
  'general',
  'results',
  'score',
  'allTasksDone',
  'exceededPct',
  'latePct',
  'discipline',
  'note',
] as const satisfies readonly InputField[];

const PERSON_SET: ReadonlySet<InputField> = new Set([...PERSON_INPUT_FIELDS, 'period']);
const UNIT_SET: ReadonlySet<InputField> = new Set([...UNIT_INPUT_FIELDS, 'period']);

/** Whether a column of this field is read on a sheet of this kind ("Tháng" is read on both). */
export function fieldAllowed(kind: SheetKind, field: InputField): boolean {
  return (kind === 'person' ? PERSON_SET : UNIT_SET).has(field);
}

/** Fields sent to the service (the month is not a row field: it names the push). */
export function contractFields(kind: SheetKind): readonly InputField[] {
  return kind === 'person' ? PERSON_INPUT_FIELDS : UNIT_INPUT_FIELDS;
}

export const REQUIRED_FIELDS: Record<SheetKind, readonly InputField[]> = {
  person: ['name', 'unit', 'score'],
  unit: ['unit', 'score'],
};

export function fieldLabel(field: string): string {
  if (field === 'period') return 'Tháng';
  return (PERSON_FIELD_LABELS as Record<string, string>)[field] ?? field;
}

export const COMPUTED_COLUMNS = [
  'classification',
  'rankInUnit',
  'rankInOrg',
  'explanation',
  'syncStatus',
] as const satisfies readonly ComputedColumn[];

/** Written exactly so; recognised after folding case and diacritics. */
export const COMPUTED_HEADERS: Record<ComputedColumn, string> = {
  classification: 'Xếp loại',
  rankInUnit: 'Hạng trong đơn vị',
  rankInOrg: 'Hạng toàn trường',
  explanation: 'Giải thích',
  syncStatus: 'Trạng thái đồng bộ',
};

export function isInputField(value: string): value is InputField {
  return PERSON_SET.has(value as InputField);
}

export function isComputedColumn(value: string): value is ComputedColumn {
  return Object.hasOwn(COMPUTED_HEADERS, value);
}
