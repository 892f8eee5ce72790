/** A1-style addresses from 0-based sheet indexes, and highlight cells merged into few rectangles. */
import type { CellRef } from '../sheet/types.ts';

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** `B3` for one cell, `B3:D9` for a block (0-based row and column). */
export function rangeAddress(row: number, col: number, rows = 1, cols = 1): string {
  const start = `${columnLetters(col)}${row + 1}`;
  return rows === 1 && cols === 1 ? start : `${start}:${columnLetters(col + cols - 1)}${row + rows}`;
}

export interface CellRect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * Cells merged into vertical runs per column (a column of invalid cells becomes one range), so highlighting a
 * thousand cells of one column is one operation, not a thousand.
 */
export function cellRuns(cells: readonly CellRef[]): CellRect[] {
  const unique = new Map(cells.map((cell) => [`${cell.col}:${cell.row}`, cell]));
  const sorted = [...unique.values()].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: CellRect[] = [];
  for (const cell of sorted) {
    const last = runs.at(-1);
    if (last && last.col === cell.col && last.row + last.rows === cell.row) last.rows += 1;
    else runs.push({ row: cell.row, col: cell.col, rows: 1, cols: 1 });
  }
  return runs;
}
