import type ExcelJS from 'exceljs';
import type { CellValue } from '../../../addin/sheet/types.ts';
import { plainValue } from '../../../addin/workbook/file.ts';

/**
 * What a sync wrote back, read from a sheet by its header texts (never by position): one helper for the tests
 * of the file page, the chunked sync and the year's sheets. Rows and columns are Excel's (1-based).
 */
export interface ReadBackSheet {
  rowCount: number;
  /** The header texts of a row, each at its column's index (index 0 unused). */
  headers(row: number): unknown[];
  cell(row: number, col: number): unknown;
}

/** A worksheet of exceljs, its cells as plain values. */
export function excelSheet(wb: ExcelJS.Workbook, name: string): ReadBackSheet {
  const ws = wb.getWorksheet(name)!;
  return {
    rowCount: ws.rowCount,
    headers: (row) => (ws.getRow(row).values as unknown[]).map((v) => plainValue(v as never)),
    cell: (row, col) => plainValue(ws.getCell(row, col).value),
  };
}

/** A grid of values as read (`grid[0]` is row 1, `grid[r][0]` column A). */
export function gridSheet(grid: readonly (readonly CellValue[])[]): ReadBackSheet {
  return {
    rowCount: grid.length,
    headers: (row) => [undefined, ...(grid[row - 1] ?? [])],
    cell: (row, col) => grid[row - 1]?.[col - 1],
  };
}

/** The values under a header, by row. */
export function columnBack(sheet: ReadBackSheet, headerRow: number, header: string): Record<number, unknown> {
  const col = sheet.headers(headerRow).indexOf(header);
  const out: Record<number, unknown> = {};
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) out[r] = sheet.cell(r, col);
  return out;
}

export interface WrittenPerson {
  label: unknown;
  rankInUnit: unknown;
  rankInOrg: unknown;
  status: unknown;
}

/** A month's computed columns and sync status by staff code (a column the sheet lacks reads null). */
export function computedByCode(sheet: ReadBackSheet, headerRow: number): Map<string, WrittenPerson> {
  const headers = sheet.headers(headerRow);
  const at = (r: number, header: string) => (headers.includes(header) ? (sheet.cell(r, headers.indexOf(header)) ?? null) : null);
  const out = new Map<string, WrittenPerson>();
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const code = at(r, 'Mã CB');
    if (typeof code !== 'string') continue;
    out.set(code, { label: at(r, 'Xếp loại'), rankInUnit: at(r, 'Hạng trong đơn vị'), rankInOrg: at(r, 'Hạng toàn trường'), status: at(r, 'Trạng thái đồng bộ') });
  }
  return out;
}

/** The header row of a month's sheet: the first holding "Mã CB" (1-based). */
export function codeHeaderRow(sheet: ReadBackSheet): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.headers(r).includes('Mã CB')) return r;
  throw new Error('no "Mã CB" header');
}
