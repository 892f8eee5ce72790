import { SHEET_KINDS } from './kinds/index.ts';
import type { ComputedColumn, InputField, SheetKind } from './types.ts';

/** Fields and computed columns of each kind of sheet, as the rest of the engine and the pane ask for them. */

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

/** A column's name in messages, as the kind's contract names it ("title" is Chức vụ, or Tên sáng kiến). */
export function fieldLabel(field: string, kind: SheetKind = 'person'): string {
  if (field === 'period') return 'Tháng';
  return SHEET_KINDS[kind].labels[field] ?? SHEET_KINDS.person.labels[field] ?? field;
}

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
  registrationCheck: 'Kiểm tra đăng ký',
  registrationOutcome: 'Kết quả so với đăng ký',
  pledgeRate: 'Tỷ lệ đạt',
  voteRate: 'Tỷ lệ đồng ý',
  voteResult: 'Kết quả',
};

/** The header a kind writes for one of its computed columns ("Xếp loại năm" on the yearly sheet). */
export function computedHeader(kind: SheetKind, column: ComputedColumn): string {
  return SHEET_KINDS[kind].computed.find((c) => c.column === column)?.header ?? COMPUTED_HEADERS[column];
}
