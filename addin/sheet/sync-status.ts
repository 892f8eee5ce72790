import type { RowResult } from '../../server/contract/push.ts';
import { lowerKey } from './cell-text.ts';
import { parsedField } from './contract-check.ts';
import { fieldLabel } from './sheet-fields.ts';
import { SHEET_KINDS } from './sheet-kinds.ts';
import type { HeaderInfo, InputField, SheetKind, SheetRow } from './types.ts';

/** The words of the "Trạng thái đồng bộ" column. */

/** Excel holds 32,767 characters in a cell; a status longer than a screenful helps nobody. */
const MAX_STATUS = 1000;
const MAX_CONFLICT_FIELDS = 3;

export const NOT_SYNCED = 'Chưa đồng bộ';
export const EDITED_SINCE_SYNC = 'Chưa đồng bộ (đã sửa sau lần đồng bộ trước)';

function clip(text: string): string {
  return text.length <= MAX_STATUS ? text : `${text.slice(0, MAX_STATUS - 1)}…`;
}

export function syncedStatus(version: number): string {
  return `Đã đồng bộ (phiên bản ${version})`;
}

export function errorStatus(messages: readonly string[]): string {
  return clip(`Lỗi: ${messages.join('; ')}`);
}

// What two officers disagree about first (the scores), then who; the code keys the row, so it never differs.
const ORDER: readonly InputField[] = [
  'score', 'selfScore', 'general', 'results', 'allTasksDone', 'exceededPct', 'latePct', 'discipline', 'note',
  'name', 'unit', 'dutyGroup', 'title', 'sex', 'recruitedOn', 'leave',
];
const compared = (kind: SheetKind): InputField[] => {
  const fields = SHEET_KINDS[kind].fields;
  return [...ORDER.filter((f) => fields.includes(f)), ...fields.filter((f) => !ORDER.includes(f) && f !== 'code')];
};

function display(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(trống)';
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function same(a: unknown, b: unknown): boolean {
  const blankA = a === undefined || a === null || a === '';
  const blankB = b === undefined || b === null || b === '';
  if (blankA || blankB) return blankA === blankB;
  if (typeof a === 'string' && typeof b === 'string') return lowerKey(a) === lowerKey(b);
  return a === b;
}

const WHAT_TO_DO = 'Bấm Làm mới rồi Đồng bộ để gửi giá trị của bạn thay bản đã lưu, hoặc sửa ô theo bản đã lưu';

/**
 * "Xung đột: Điểm đánh giá đã lưu 85, bạn nhập 90 (phiên bản 3). Bấm Làm mới…": what the stored record says
 * against the row, and the ways out.
 */
export function conflictStatus(header: HeaderInfo, row: SheetRow, result: RowResult): string {
  return openConflictStatus(conflictDifferences(header, row, result), result.version);
}

/** A conflict not cleared yet, from what differed and the stored version. */
export function openConflictStatus(differences: string, version: number | null): string {
  const at = version === null ? '' : ` (phiên bản ${version})`;
  if (differences === '') return `Xung đột: người khác đã sửa dòng này${at}. ${WHAT_TO_DO}`;
  return clip(`Xung đột: ${differences}${at}. ${WHAT_TO_DO}`);
}

/** After Làm mới: the stored version is taken as the row's base, and the row's own values go over it next. */
export function takenStatus(differences: string, version: number): string {
  const what = differences === '' ? '' : ` (${differences})`;
  return clip(`Đã lấy bản đã lưu, phiên bản ${version}${what}. Bấm Đồng bộ để gửi giá trị của bạn thay bản đã lưu`);
}

/** "Điểm đánh giá đã lưu 85, bạn nhập 90"; empty when the row shows no field that differs. */
export function conflictDifferences(header: HeaderInfo, row: SheetRow, result: RowResult): string {
  const { kind } = header;
  const stored = result.stored ?? {};
  const differences: string[] = [];
  for (const field of compared(kind)) {
    // Only what both sides show: a column the sheet lacks, or a value not sent back, is no disagreement.
    if (header.fields[field] === undefined || !(field in stored)) continue;
    const yours = parsedField(kind, field, row.input[field]);
    if (same(stored[field], yours)) continue;
    differences.push(`${fieldLabel(field, kind)} đã lưu ${display(stored[field])}, bạn nhập ${display(yours)}`);
  }
  const shown = differences.slice(0, MAX_CONFLICT_FIELDS).join('; ');
  const hidden = differences.length - MAX_CONFLICT_FIELDS;
  return hidden > 0 ? `${shown}; và ${hidden} cột khác` : shown;
}
