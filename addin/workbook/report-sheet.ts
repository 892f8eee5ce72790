/**
 * A report sheet as plain data: what the month summary and the year's sheets (`report/`) give the workbook
 * adapters to write. Coordinates are 0-based sheet rows and columns (row 0 is Excel's row 1, column 0 is A).
 */
import type { CellValue } from '../sheet/types.ts';

export interface SheetRange {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export type ChartType = 'columnClustered' | 'columnStacked';

/**
 * A native column chart over a table of the sheet. The categories are one column; each series is one column of
 * the same rows, named by the cell just above it (the table's header). The categories' column and the series'
 * columns are side by side, so header row + categories + series form one rectangle: Office.js (ExcelApi 1.1)
 * builds a chart from one range, and the .xlsx writer refers to the same cells.
 */
export interface ChartSpec {
  type: ChartType;
  title: string;
  categoriesRange: SheetRange;
  seriesRanges: SheetRange[];
  /** The cells the chart covers: it is drawn over them, right of the tables. */
  placement: SheetRange;
}

/** A sheet the service owns: written whole, replacing a sheet of the same name, never touching the others. */
export interface ReportSheet {
  /** At most 31 characters, none of : \ / ? * [ ] (Excel's rules for sheet names). */
  name: string;
  /** Rectangular, starting at A1. */
  values: CellValue[][];
  /** Rows to set in bold: titles, table headers, totals. */
  headerRows: number[];
  /** Widths in characters, one per column. */
  columnWidths: number[];
  charts: ChartSpec[];
  /**
   * Cells whose text wraps inside the column's width (names, units, reasons of the printed lists): a long unit
   * name is written whole and shown on several lines, never cut at the column's edge (DOC-8.8).
   */
  wrap?: SheetRange[];
}
