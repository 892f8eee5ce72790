import type { CellArea, CellValue, SheetGrid } from '../../sheet/types.ts';
import type { CellRect } from '../a1.ts';
import { fromExcelValue, trimGrid } from '../cell-values.ts';
import { explainExcelError, isPayloadTooLarge } from '../errors.ts';
import { jsonBytes, rowsPerRead } from '../payload.ts';
import { STATE_SHEET } from '../state-cells.ts';
import type { Batch } from './batch.ts';
import { areasOf, mergedAreasInBands } from './merges.ts';
import type { OfficeHost, OfficeWorkbookSession } from './types.ts';

/** What a session reads: the sheets' names, the active one, and a sheet's values with its merged areas. */
export function officeReads(b: Batch, host: OfficeHost): Pick<OfficeWorkbookSession, 'sheetNames' | 'activeSheetName' | 'readSheet'> {
  const { context, features, worksheets } = b;

  /**
   * Values of a block read in pieces: the cell limit first, then the bytes per row seen so far; a piece Excel
   * still finds too large is read again in halves.
   */
  async function readValues(sheet: Excel.Worksheet, name: string, rect: CellRect): Promise<CellValue[][]> {
    const values: CellValue[][] = [];
    let bytesPerRow: number | null = null;
    let cap = Number.POSITIVE_INFINITY;
    for (let done = 0; done < rect.rows;) {
      const rows = Math.min(rect.rows - done, rowsPerRead(rect.cols, bytesPerRow), cap);
      const range = b.rangeOf(sheet, { ...rect, row: rect.row + done, rows }).load('values');
      try {
        await context.sync();
      } catch (error) {
        if (isPayloadTooLarge(error) && rows > 1) {
          cap = Math.ceil(rows / 2);
          continue;
        }
        throw explainExcelError(error, name);
      }
      const piece = range.values;
      bytesPerRow = Math.max(bytesPerRow ?? 0, jsonBytes(piece) / rows);
      for (const row of piece) values.push(row.map(fromExcelValue));
      done += rows;
    }
    return values;
  }

  function readMerges(sheet: Excel.Worksheet, name: string, rect: CellRect): Promise<CellArea[]> {
    return mergedAreasInBands(context, features, (band) => b.rangeOf(sheet, band), name, rect);
  }

  /**
   * Before ExcelApi 1.13 Excel cannot list merged areas: they are read from the document itself, once per
   * action. Without it (a host that cannot hand the file over) a merged cell reads as Excel shows it, blank
   * below its first row, and the engine names those cells.
   */
  let documentMerges: Promise<Uint8Array | null> | null = null;
  async function mergesFromDocument(name: string): Promise<CellArea[]> {
    if (!host.documentFile) return [];
    documentMerges ??= host.documentFile().catch(() => null);
    const bytes = await documentMerges;
    if (!bytes) return [];
    const { mergesInPackage } = await import('../xlsx-merges.ts');
    return mergesInPackage(bytes, name).catch(() => []);
  }

  return {
    async sheetNames() {
      await b.flush();
      worksheets.load('items/name');
      await b.sync();
      return worksheets.items.map((sheet) => sheet.name).filter((name) => name !== STATE_SHEET);
    },

    async activeSheetName() {
      await b.flush();
      const sheet = worksheets.getActiveWorksheet().load('name');
      await b.sync();
      return sheet.name;
    },

    async readSheet(name): Promise<SheetGrid> {
      await b.flush();
      const sheet = worksheets.getItem(name);
      // valuesOnly needs ExcelApi 1.2; before it, formatted empty cells count as used and trimGrid drops them.
      const usedRange = () => (features.api12 ? sheet.getUsedRange(true) : sheet.getUsedRange());
      let used = usedRange().load('rowIndex, columnIndex, rowCount, columnCount');
      // The merged areas ride along with the used range's size (no round trip of their own) while they fit
      // one answer (512 areas); otherwise they are asked for in bands below.
      let merges: CellArea[] | null = null;
      const mergedHere = features.mergedAreas ? used.getMergedAreasOrNullObject().load('isNullObject, address') : null;
      try {
        await context.sync();
        if (mergedHere) merges = mergedHere.isNullObject ? [] : areasOf(mergedHere.address);
      } catch (error) {
        if (!mergedHere) throw explainExcelError(error, name);
        used = usedRange().load('rowIndex, columnIndex, rowCount, columnCount');
        await b.sync(name);
      }
      const rect = { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
      const values = await readValues(sheet, name, rect);
      const grid: SheetGrid = { name, ...trimGrid(values, rect.row, rect.col) };
      if (grid.values.length > 0) {
        merges ??= features.mergedAreas ? await readMerges(sheet, name, rect) : await mergesFromDocument(name);
        if (merges.length > 0) grid.merges = merges;
      }
      return grid;
    },
  };
}
