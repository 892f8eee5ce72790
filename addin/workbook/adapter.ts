import type { ChartSpec, SheetRange } from '../workbook/report-sheet.ts';
import type { CellValue, SheetGrid, WritePlan } from '../sheet/types.ts';

export interface AddSheetOptions {
  /** 0-based rows set in bold. */
  headerRows?: number[];
  /** Widths in characters, one per column. */
  columnWidths?: number[];
  /** Native charts over the sheet's own cells (see ChartSpec). */
  charts?: readonly ChartSpec[];
  /** Cells whose text wraps, top-aligned (ExcelApi 1.1 `format.wrapText`; `alignment.wrapText` in the file). */
  wrap?: readonly SheetRange[];
  /**
   * The sheet is a report the service owns: one of the same name is replaced (values, formats, charts), at its
   * place among the sheets. Without it, an existing name is an error. Other sheets are never touched.
   */
  replace?: boolean;
  /**
   * A form to print (the Phiếu): A4 portrait, one page wide. Excel sets a page layout only from ExcelApi 1.9;
   * before that the sheet's column widths alone fit it to the page.
   */
  printA4Portrait?: boolean;
}

/**
 * What the add-in needs from a workbook. Two implementations: `office/` (Excel through Office.js) and
 * `file.ts` (an .xlsx file, for the browser file mode and the command line). One `session` is one user
 * action: the Office implementation runs it as a single Excel batch (one run).
 */
export interface WorkbookSession {
  sheetNames(): Promise<string[]>;
  activeSheetName(): Promise<string>;
  /** The used range's values of a sheet. */
  readSheet(name: string): Promise<SheetGrid>;
  /** Writes a plan's blocks as whole 2-D ranges (strings as text), and sets or clears highlights. */
  applyPlan(name: string, plan: WritePlan): Promise<void>;
  /** Adds a sheet with values starting at A1, bold header rows, column widths and charts. */
  addSheet(name: string, values: CellValue[][], options?: AddSheetOptions): Promise<void>;
  /** Small JSON state kept in the workbook (never secrets). */
  loadState(key: string): Promise<unknown>;
  saveState(key: string, value: unknown): Promise<void>;
  selectCell(sheet: string, address: string): Promise<void>;
  /**
   * In-cell drop-down lists (Excel with ExcelApi 1.8); absent where the workbook cannot keep them. A list is a
   * convenience, never a check: the engine and the service validate every cell.
   */
  setChoices?(sheet: string, lists: readonly { row: number; col: number; rows: number; values: string[] }[]): Promise<boolean>;
}

export interface WorkbookAdapter {
  session<T>(fn: (session: WorkbookSession) => Promise<T>): Promise<T>;
}
