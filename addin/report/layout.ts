import type { CellValue } from '../sheet/types.ts';
import type { ChartSpec, ReportSheet, SheetRange } from '../workbook/report-sheet.ts';

/** Where a table landed on the sheet, for charts and tests. */
export interface PlacedTable {
  headerRow: number;
  /** First row under the header. */
  firstRow: number;
  /** Rows under the header, the total row excluded. */
  bodyRows: number;
  /** The total row, if the table has one. */
  totalRow: number | null;
  col: number;
  cols: number;
}

/**
 * Lays a report out from the top: titles, headings and tables one under the other, starting in column A.
 * Tables' headers, headings and totals are bold; `finish` pads the rows into a rectangle.
 */
export function reportLayout() {
  const values: CellValue[][] = [];
  const bold: number[] = [];
  const wrap: SheetRange[] = [];

  function line(cells: readonly CellValue[], isBold = false): number {
    values.push([...cells]);
    if (isBold) bold.push(values.length - 1);
    return values.length - 1;
  }

  return {
    /** The next row to be written. */
    get nextRow(): number {
      return values.length;
    },
    line,
    heading: (text: string) => line([text], true),
    blank: () => line([]),
    /** `wrapColumns`: the table's columns whose cells (header and rows) wrap: names, units, reasons. */
    table(
      header: readonly string[],
      body: readonly (readonly CellValue[])[],
      total?: readonly CellValue[],
      wrapColumns: readonly number[] = [],
    ): PlacedTable {
      const headerRow = line(header, true);
      for (const row of body) line(row);
      const totalRow = total ? line(total, true) : null;
      const rows = values.length - headerRow;
      for (const col of wrapColumns) wrap.push({ row: headerRow, col, rows, cols: 1 });
      return { headerRow, firstRow: headerRow + 1, bodyRows: body.length, totalRow, col: 0, cols: header.length };
    },
    /** Free-standing text under a table with no rows ("Không có …"). */
    note: (text: string) => line([text]),
    finish(name: string, columnWidths: readonly number[], charts: readonly ChartSpec[] = []): ReportSheet {
      const width = Math.max(1, columnWidths.length, ...values.map((row) => row.length));
      return {
        name,
        values: values.map((row) => [...row, ...Array<CellValue>(width - row.length).fill(null)]),
        headerRows: bold,
        columnWidths: [...columnWidths, ...Array<number>(Math.max(0, width - columnWidths.length)).fill(12)],
        charts: [...charts],
        ...(wrap.length > 0 ? { wrap: [...wrap] } : {}),
      };
    },
  };
}

export type ReportLayout = ReturnType<typeof reportLayout>;
