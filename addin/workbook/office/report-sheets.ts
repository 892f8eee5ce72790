import { columnLetters } from '../a1.ts';
import { rectangular } from '../cell-values.ts';
import { jsonBytes, OPERATION_BYTES } from '../payload.ts';
import type { Batch, Operation } from './batch.ts';
import { addChart } from './charts.ts';
import type { OfficeWorkbookSession } from './types.ts';

/**
 * A sheet the service owns, written whole (values, bold header rows, widths, charts, a printed form's page
 * layout), replacing its namesake.
 */
export function officeReportSheets(b: Batch): Pick<OfficeWorkbookSession, 'addSheet'> {
  const { features, worksheets } = b;

  /**
   * A report sheet of that name (Excel compares names without case), renamed out of the way so the new one can
   * take its name; deleted once the new one exists, so the workbook never loses its last visible sheet.
   */
  async function sheetToReplace(name: string): Promise<{ sheet: Excel.Worksheet; position: number } | null> {
    await b.flush();
    worksheets.load('items/name,items/position');
    await b.sync(name);
    const taken = new Set(worksheets.items.map((s) => s.name.toLocaleLowerCase()));
    const found = worksheets.items.find((s) => s.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (!found) return null;
    let n = 1;
    while (taken.has(`~bx${n}`)) n += 1;
    const sheet = worksheets.getItem(found.name);
    sheet.name = `~bx${n}`;
    return { sheet, position: found.position };
  }

  return {
    async addSheet(name, values, options = {}) {
      await b.flush();
      const old = options.replace ? await sheetToReplace(name) : null;
      const sheet = worksheets.add(name);
      if (old) {
        old.sheet.delete();
        sheet.position = old.position;
      }
      const grid = rectangular(values);
      const width = grid[0]?.length ?? 0;
      const headerRows = width === 0 ? [] : (options.headerRows ?? []);
      const widths = options.columnWidths ?? [];
      const operations: Operation[] = [
        ...b.writeOperations(sheet, { row: 0, col: 0, values: grid }),
        ...headerRows.map((row) => ({
          bytes: OPERATION_BYTES,
          queue: () => {
            b.rangeOf(sheet, { row, col: 0, rows: 1, cols: width }).format.font.bold = true;
          },
        })),
        // Wrapping is ExcelApi 1.1: even Excel 2016 shows a long name on several lines rather than cut.
        ...(width === 0 ? [] : (options.wrap ?? [])).map((range) => ({
          bytes: OPERATION_BYTES,
          queue: () => {
            const format = b.rangeOf(sheet, range).format;
            format.wrapText = true;
            format.verticalAlignment = 'Top';
          },
        })),
        // Column widths need ExcelApi 1.2: Excel 2016 keeps its default widths.
        ...(features.api12
          ? widths.map((characters, col) => ({
            bytes: OPERATION_BYTES,
            queue: () => {
              sheet.getRange(`${columnLetters(col)}:${columnLetters(col)}`).format.columnWidth = pointsFor(characters);
            },
          }))
          : []),
        // After the values: Excel reads the header row and the categories' column from the cells.
        ...(options.charts ?? []).map((spec) => ({
          bytes: OPERATION_BYTES * 4 + jsonBytes(spec.title),
          queue: () => addChart(b, sheet, spec),
        })),
        // The .xlsx's page setup for a form to print; before ExcelApi 1.9 the column widths alone fit it to A4.
        ...(options.printA4Portrait && features.pageLayout
          ? [{
            bytes: OPERATION_BYTES,
            queue: () => {
              const layout = sheet.pageLayout;
              layout.paperSize = 'A4';
              layout.orientation = 'Portrait';
              // One page wide, as many pages down as it takes (0, as the file's fitToHeight).
              layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
            },
          }]
          : []),
      ];
      if (operations.length === 0) await b.sync(name);
      else await b.runBatches(operations, name);
    },
  };
}

/**
 * Column widths arrive in characters (as in exceljs and Excel's own dialog); Office.js wants points. A character
 * of the default font is 7 pixels, plus 5 pixels of padding, at 0.75 points per pixel.
 */
function pointsFor(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}
