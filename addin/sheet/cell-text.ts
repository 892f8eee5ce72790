import { cleanText, parseVnNumber } from '../../server/contract/text.ts';
import type { CellValue } from './types.ts';

/** Small readers of one cell's value, shared by the header finder and the row reader. */

const BLANK = /^[\s\u00a0]*$/;

export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value !== 'string') return false;
  if (value.length === 0) return true;
  const first = value.charCodeAt(0);
  // Most cells start with a visible character: no need for the pattern.
  if (first > 0x20 && first !== 0xa0 && first < 0x1680) return false;
  return BLANK.test(value);
}

/** The text a person sees in the cell (no formatting applied). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** A number, or text that reads as one ("85,5"): never a header. */
export function isNumberLike(value: unknown): boolean {
  return typeof value === 'number' || (typeof value === 'string' && parseVnNumber(value) !== undefined);
}

/** The cell of a grid row, tolerating ragged rows. */
export function cellAt(row: readonly CellValue[] | undefined, index: number): CellValue {
  return row?.[index] ?? null;
}

// Excel's day 0 is 1899-12-30 once its 1900 leap-year bug is accounted for (serials from 61 on).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A date from an Excel serial day number, or null outside 1900–2199. */
export function excelSerialToDate(serial: number): Date | null {
  if (!Number.isFinite(serial) || serial < 61 || serial > 109_574) return null;
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000);
}

/**
 * What `tidyText` leaves to `cleanText`: a space at either end or after another, a control character or
 * no-break space, or a character NFC might change (from U+0300 on, except precomposed Vietnamese U+1E00–U+1EFF).
 */
const UNTIDY = /^ | $| {2}|[\u0000-\u001f\u00a0\u0300-\u1dff\u1f00-\uffff]/;

/**
 * `cleanText` of the contract (NFC, spaces collapsed, trimmed), skipping the work for text that is already
 * clean, as nearly every cell is: measured at a third of reading 20,000 rows otherwise. The look is one
 * pattern rather than a loop over char codes: a sheet's cells mix one-byte and two-byte strings, and the
 * loop measured three times slower on them. test/addin/sheet/cell-text.test.ts holds it equal to that loop.
 */
export function tidyText(value: string): string {
  return UNTIDY.test(value) ? cleanText(value) : value;
}

/** Text compared as typed by any keyboard: the contract's `matchKey` (lower case is the same in Vietnamese). */
export function lowerKey(value: string): string {
  return tidyText(value).toLowerCase();
}
