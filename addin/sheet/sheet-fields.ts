import { SHEET_KINDS } from './sheet-kinds.ts';
import type { ComputedColumn, InputField, SheetKind } from './types.ts';

/** Fields and computed columns of each kind of sheet, as the rest of the engine and the pane ask for them. */

/** The contract fields a person sheet may carry, in the order of the familiar sheet. */
export const PERSON_INPUT_FIELDS = SHEET_KINDS.person.fields;

/** RULES.md §2: a unit's month has its name, the score and its parts, the gates, discipline and a note. */
export const UNIT_INPUT_FIELDS = SHEET_KINDS.unit.fields;

const ALLOWED: Record<SheetKind, ReadonlySet<InputField>> = Object.fromEntries(
  Object.entries(SHEET_KINDS).map(([kind, spec]) => [
    kind,
    new Set<InputField>([...spec.fields, ...(spec.period === 'month' ? (['period'] as const) : [])]),
  ]),
) as unknown as Record<SheetKind, ReadonlySet<InputField>>;

/** Whether a column of this field is read on a sheet of this kind ("Tháng" is read on monthly sheets). */
export function fieldAllowed(kind: SheetKind, field: InputField): boolean {
  return ALLOWED[kind].has(field);
}

/** Fields sent to the service (the month is not a row field: it names the push). */
export function contractFields(kind: SheetKind): readonly InputField[] {
  return SHEET_KINDS[kind].fields;
}

/** The columns each kind must have (a score may be given as its two parts, a staff code as name and unit). */
export const REQUIRED_FIELDS: Record<SheetKind, readonly InputField[]> = Object.fromEntries(
  Object.entries(SHEET_KINDS).map(([kind, spec]) => [kind, spec.required.map((r) => r.field)]),
) as unknown as Record<SheetKind, readonly InputField[]>;

/** A column's name in messages, as the kind's contract names it ("title" is Chức vụ, or Tên sáng kiến). */
export function fieldLabel(field: string, kind: SheetKind = 'person'): string {
  if (field === 'period') return 'Tháng';
  return SHEET_KINDS[kind].labels[field] ?? SHEET_KINDS.person.labels[field] ?? field;
}

/** The computed columns of a person's month, in their order. */
export const COMPUTED_COLUMNS = SHEET_KINDS.person.computed.map((c) => c.column);

/** Headers of every computed column, as the people's sheets write them (other kinds: `computedHeader`). */
export const COMPUTED_HEADERS: Record<ComputedColumn, string> = {
  classification: 'Xếp loại',
  rankInUnit: 'Hạng trong đơn vị',
  rankInOrg: 'Hạng toàn trường',
  band: 'Xếp loại học tập',
  commended: 'Khen thưởng',
  explanation: 'Giải thích',
  syncStatus: 'Trạng thái đồng bộ',
  taskPoints: 'Quy đổi hoàn thành/giao',
  taskDeductions: 'Trừ điểm',
  taskAxes: 'Số lượng/Chất lượng/Tiến độ (%)',
  taskResults: 'Điểm kết quả tính từ nhiệm vụ',
};

export function computedColumns(kind: SheetKind): readonly ComputedColumn[] {
  return SHEET_KINDS[kind].computed.map((c) => c.column);
}

/** The header a kind writes for one of its computed columns ("Xếp loại năm" on the yearly sheet). */
export function computedHeader(kind: SheetKind, column: ComputedColumn): string {
  return SHEET_KINDS[kind].computed.find((c) => c.column === column)?.header ?? COMPUTED_HEADERS[column];
}

export function isInputField(value: string): value is InputField {
  return Object.values(ALLOWED).some((set) => set.has(value as InputField));
}

export function isComputedColumn(value: string): value is ComputedColumn {
  return Object.hasOwn(COMPUTED_HEADERS, value);
}
