import type ExcelJS from 'exceljs';
import { foldDiacritics } from '../../server/contract/text.ts';
import { decodeCsv, parseCsv } from '../sheet/csv-text.ts';
import { readCatalogue } from '../sheet/task-import.ts';
import type { CellValue } from '../sheet/types.ts';
import { plainValue, readXlsx } from './file.ts';

/** An e-office export's cells (dates kept as dates) and its optional "Danh mục sản phẩm" catalogue. */
export interface TaskExport {
  cells: (CellValue | Date)[][];
  catalogue: Map<string, number>;
}

const CATALOGUE = 'danh muc san pham';

function sheetCells(ws: ExcelJS.Worksheet): (CellValue | Date)[][] {
  const rows: (CellValue | Date)[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: (CellValue | Date)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = cell.value instanceof Date ? cell.value : plainValue(cell.value);
    });
    rows[n - 1] = Array.from(cells, (v) => v ?? null);
  });
  return Array.from(rows, (r) => r ?? []);
}

/**
 * The export a user picked (pane) or named (command line): a .csv (UTF-8 or Windows-1258), else an .xlsx
 * whose first visible sheet other than "Danh mục sản phẩm" holds the documents.
 */
export async function readTaskExport(fileName: string, bytes: Uint8Array): Promise<TaskExport> {
  if (/\.csv$/i.test(fileName)) return { cells: parseCsv(decodeCsv(bytes)), catalogue: new Map() };
  const wb = await readXlsx(bytes, fileName);
  const sheets = wb.worksheets.filter((w) => w.state === 'visible');
  const catalogueSheet = sheets.find((w) => foldDiacritics(w.name) === CATALOGUE);
  const exportSheet = sheets.find((w) => w !== catalogueSheet);
  if (!exportSheet) throw new RangeError(`Tệp "${fileName}" không có trang tính nào để nhập`);
  return { cells: sheetCells(exportSheet), catalogue: catalogueSheet ? readCatalogue(sheetCells(catalogueSheet)) : new Map() };
}
