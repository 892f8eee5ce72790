import type { CellArea, HeaderLook, SheetTable, WritePlan } from './types.ts';

/**
 * Columns the add-in appends should look like the sheet's own: each new header cell takes the look of the
 * header cell at the right end of the sheet's header, row by row (a two-row header keeps its two styles).
 */

/** Characters of width for a new column: its header on one or two lines; the explanation reads long. */
function minWidth(header: string): number {
  if (header.length > 0 && /giải thích/i.test(header)) return 45;
  return Math.min(24, Math.max(12, Math.ceil(header.length / 2) + 2));
}

export function appendedLooks(table: SheetTable, plan: WritePlan): HeaderLook[] {
  const { header } = table;
  if (header.headerRows.length === 0 || header.lastColumn < 0) return [];
  const known = new Set(header.columns.map((c) => c.col));
  const rows = new Set(header.headerRows);
  // New header cells: written in a header row, right of the header, where the sheet had no header text.
  const cells = new Map<number, Map<number, string>>();
  for (const block of plan.blocks) {
    block.values.forEach((line, i) => {
      const row = block.row + i;
      if (!rows.has(row)) return;
      line.forEach((value, j) => {
        const col = block.col + j;
        if (col <= header.lastColumn || known.has(col)) return;
        const inRow = cells.get(row) ?? new Map<number, string>();
        inRow.set(col, typeof value === 'string' ? value : '');
        cells.set(row, inRow);
      });
    });
  }
  const looks: HeaderLook[] = [];
  const top = header.headerRows[0]!;
  for (const row of header.headerRows) {
    const texts = cells.get(top);
    if (!texts || texts.size === 0) continue;
    const cols = [...texts.keys()].sort((a, b) => a - b);
    const to: CellArea = { row, col: cols[0]!, rows: 1, cols: cols[cols.length - 1]! - cols[0]! + 1 };
    const minWidths = Array.from({ length: to.cols }, (_, k) => minWidth(texts.get(to.col + k) ?? ''));
    looks.push({ from: { row, col: header.lastColumn }, to, minWidths });
  }
  return looks;
}
