/** Cell values between the sheet engine's plain data and what Office.js reads and writes. */
import { xmlSafeText } from '../../server/contract/text.ts';
import type { CellValue } from '../sheet/types.ts';

/**
 * A value as Office.js must be given it. Strings get a leading apostrophe, Excel's own "this is text" mark: the
 * values setter parses input as if typed, so "=HYPERLINK(…)" would become a formula and "001", "10/2021" or "TRUE"
 * a number, date or boolean; the apostrophe is not stored (reading gives the string back), and unlike the text
 * number format '@' it leaves the cell's format alone, so a later number in the same cell stays a number.
 * null becomes '' because a null inside a 2-D array means "leave this cell unchanged" to Office.js.
 */
export function toExcelValue(value: CellValue): string | number | boolean {
  if (value === null) return '';
  // Stripped of what XML cannot hold: Excel would store the workbook unreadable.
  if (typeof value === 'string') return value === '' ? '' : `'${xmlSafeText(value)}`;
  if (typeof value === 'number' && !Number.isFinite(value)) return '';
  return value;
}

/** Office.js reports an empty cell as ''; the engine calls it null. */
export function fromExcelValue(value: unknown): CellValue {
  if (value === '' || value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** Rows padded with null to the widest row: Office.js takes rectangular arrays only. */
export function rectangular(values: readonly (readonly CellValue[])[]): CellValue[][] {
  const width = Math.max(0, ...values.map((row) => row.length));
  return values.map((row) => [...row, ...Array<CellValue>(width - row.length).fill(null)]);
}

/**
 * The values without empty rows and columns around them, and where they now start. Without ExcelApi 1.2 the used
 * range also counts cells that only have a format (our highlights), so both paths end up with the same grid.
 */
export function trimGrid(
  values: CellValue[][],
  top: number,
  left: number,
): { values: CellValue[][]; top: number; left: number } {
  const filled = (value: CellValue): boolean => value !== null;
  const rows = values.map((row) => row.some(filled));
  const first = rows.indexOf(true);
  if (first === -1) return { values: [], top, left };
  const last = rows.lastIndexOf(true);
  let from = Number.POSITIVE_INFINITY;
  let to = -1;
  for (let r = first; r <= last; r++) {
    const row = values[r] ?? [];
    const start = row.findIndex(filled);
    if (start === -1) continue;
    from = Math.min(from, start);
    to = Math.max(to, row.findLastIndex(filled));
  }
  const unchanged = first === 0 && last === values.length - 1 && from === 0 && to === (values[0]?.length ?? 0) - 1;
  if (unchanged) return { values, top, left };
  return {
    values: values.slice(first, last + 1).map((row) => row.slice(from, to + 1)),
    top: top + first,
    left: left + from,
  };
}
