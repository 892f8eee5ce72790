import type { CellArea, CellValue, SheetGrid } from './types.ts';

/**
 * Merged cells as a reader sees them. Excel keeps a merged area's value in its top-left cell and reports the
 * others blank, yet a unit written once over three people's rows belongs to each of them.
 */

/**
 * The grid's rows with every area merged down over several rows, from `fromRow` on (sheet row), giving its
 * value to each row it covers, in its first column. Rows are copied only where a value is filled in; the
 * header above is left alone (a title merged over two header rows reads as one title). Merges across
 * columns stay in their first cell: one value, one column.
 */
export function fillMergedRows(grid: SheetGrid, fromRow: number): CellValue[][] {
  const merges = grid.merges ?? [];
  let values = grid.values;
  let copied: Set<number> | null = null;
  for (const area of merges) {
    if (area.rows < 2 || area.row < fromRow) continue;
    const i = area.row - grid.top;
    const j = area.col - grid.left;
    const value = values[i]?.[j];
    if (i < 0 || j < 0 || value === null || value === undefined || value === '') continue;
    if (copied === null) {
      values = [...values];
      copied = new Set();
    }
    for (let r = i + 1; r < i + area.rows && r < values.length; r++) {
      if (!copied.has(r)) {
        values[r] = [...(values[r] ?? [])];
        copied.add(r);
      }
      const line = values[r]!;
      while (line.length <= j) line.push(null);
      line[j] = value;
    }
  }
  return values;
}

/** Sheet rows holding an area merged across two or more columns (a heading spread over the table). */
export function rowsMergedAcross(merges: readonly CellArea[] | undefined): Set<number> {
  const rows = new Set<number>();
  for (const area of merges ?? []) {
    if (area.cols >= 2) for (let r = area.row; r < area.row + area.rows; r++) rows.add(r);
  }
  return rows;
}

/** "B7:B9" → the area (A1 style, as exceljs and Office.js write merges); null for anything else. */
export function parseArea(address: string): CellArea | null {
  const m = /^(?:.*!)?\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(address.trim());
  if (!m) return null;
  const col = letterIndex(m[1]!);
  const row = Number(m[2]) - 1;
  const endCol = m[3] ? letterIndex(m[3]) : col;
  const endRow = m[4] ? Number(m[4]) - 1 : row;
  if (row < 0 || endRow < row || endCol < col) return null;
  return { row, col, rows: endRow - row + 1, cols: endCol - col + 1 };
}

function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}
