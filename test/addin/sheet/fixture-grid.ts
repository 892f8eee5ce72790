import ExcelJS from 'exceljs';
import type { CellValue, SheetGrid } from '../../../addin/sheet/types.ts';

export const FIXTURE = new URL('../../fixtures/danh-gia-thang-10-2021.xlsx', import.meta.url);

/** A cell's value as Office.js gives it: rich text, hyperlinks and formulas flattened to what they show. */
export function flatten(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return flatten((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value) return flatten(value.text as ExcelJS.CellValue);
  if ('error' in value) return String(value.error);
  return null;
}

/** The first sheet of a workbook as the engine reads it; merged cells hold their value in the top-left only. */
export async function readFixtureGrid(path: URL = FIXTURE): Promise<SheetGrid> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.pathname);
  const sheet = workbook.worksheets[0]!;
  const values: CellValue[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: CellValue[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c);
      cells.push(cell.isMerged && cell.master !== cell ? null : flatten(cell.value));
    }
    values.push(cells);
  }
  return { name: sheet.name, values, top: 0, left: 0 };
}
