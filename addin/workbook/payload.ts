/**
 * Sizes of Office.js requests. Excel on the web refuses a request or response over 5 MB
 * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded) and every platform refuses reading more than
 * 5 million cells at once, so reads and writes go in pieces, one round trip per piece.
 */
import type { CellValue, WriteBlock } from '../sheet/types.ts';

/** What one request may carry: 1 MB under the 5 MB limit for Office.js's own envelope and our estimate's error. */
export const REQUEST_BUDGET_BYTES = 4_000_000;
/** Cells per read or written piece: a 15-column sheet reads 13,333 rows a time. */
export const CELLS_PER_REQUEST = 200_000;
/** What an operation on one range costs in the request besides its values (object path, action, address). */
export const OPERATION_BYTES = 400;

/** Bytes of a value's JSON in UTF-8 (escapes included), counted without building the string. */
export function jsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).length : 4;
  if (typeof value === 'boolean') return value ? 4 : 5;
  if (typeof value === 'string') {
    let bytes = 2;
    for (let i = 0; i < value.length; i++) {
      const code = value.charCodeAt(i);
      if (code === 0x22 || code === 0x5c) bytes += 2;
      else if (code < 0x20) bytes += code >= 8 && code <= 13 && code !== 11 ? 2 : 6;
      else if (code < 0x80) bytes += 1;
      else if (code < 0x800) bytes += 2;
      else bytes += 3;
    }
    return bytes;
  }
  if (Array.isArray(value)) {
    let bytes = 2 + Math.max(0, value.length - 1);
    for (const item of value) bytes += jsonBytes(item);
    return bytes;
  }
  return JSON.stringify(value)?.length ?? 4;
}

/**
 * A block cut into pieces that each fit the budget: bands of whole rows, and a row too big on its own cut into
 * column segments (the workbook state is one long row of 30,000-character cells).
 */
export function splitBlock(
  block: WriteBlock,
  budget = REQUEST_BUDGET_BYTES,
  maxCells = CELLS_PER_REQUEST,
): WriteBlock[] {
  const pieces: WriteBlock[] = [];
  let band: CellValue[][] = [];
  let bandTop = block.row;
  let bandBytes = 2;
  let bandCells = 0;
  const flush = (): void => {
    if (band.length > 0) pieces.push({ row: bandTop, col: block.col, values: band });
    band = [];
    bandBytes = 2;
    bandCells = 0;
  };
  block.values.forEach((row, index) => {
    const bytes = jsonBytes(row) + 1;
    if (bytes + 2 > budget || row.length > maxCells) {
      flush();
      pieces.push(...splitRow(row, block.row + index, block.col, budget, maxCells));
      bandTop = block.row + index + 1;
      return;
    }
    if (band.length > 0 && (bandBytes + bytes > budget || bandCells + row.length > maxCells)) {
      flush();
      bandTop = block.row + index;
    }
    band.push(row);
    bandBytes += bytes;
    bandCells += row.length;
  });
  flush();
  return pieces;
}

function splitRow(row: CellValue[], rowIndex: number, col: number, budget: number, maxCells: number): WriteBlock[] {
  const pieces: WriteBlock[] = [];
  let start = 0;
  let bytes = 4;
  row.forEach((value, index) => {
    const size = jsonBytes(value) + 1;
    if (index > start && (bytes + size > budget || index - start >= maxCells)) {
      pieces.push({ row: rowIndex, col: col + start, values: [row.slice(start, index)] });
      start = index;
      bytes = 4;
    }
    bytes += size;
  });
  if (start < row.length) pieces.push({ row: rowIndex, col: col + start, values: [row.slice(start)] });
  return pieces;
}

/** Items grouped in order so that each group's cost fits the budget; an item over budget goes alone. */
export function batchBySize<T extends { bytes: number }>(items: readonly T[], budget = REQUEST_BUDGET_BYTES): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    if (current.length > 0 && used + item.bytes > budget) {
      batches.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += item.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Rows for the next read piece: the cell limit, tightened by the bytes per row seen so far (a sheet of long
 * messages gets shorter pieces after its first one).
 */
export function rowsPerRead(columns: number, bytesPerRow: number | null): number {
  const byCells = Math.floor(CELLS_PER_REQUEST / Math.max(1, columns));
  const byBytes = bytesPerRow === null ? byCells : Math.floor(REQUEST_BUDGET_BYTES / Math.max(1, bytesPerRow));
  return Math.max(1, Math.min(byCells, byBytes));
}
