/** The Office adapter's types: what it needs from Office, and what it offers beyond WorkbookSession. */
import type { WorkbookAdapter, WorkbookSession } from '../adapter.ts';

/** What the adapter needs from Office: `Excel.run` and the requirement-set check (injected by tests). */
export interface OfficeHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
  /**
   * The document as Excel holds it, as .xlsx bytes (Office's File API, `Document.getFileAsync`), or null
   * where the host cannot give it: an Excel older than ExcelApi 1.13 reads its merged areas from it.
   */
  documentFile?(): Promise<Uint8Array | null>;
}

/** What this Excel can do beyond ExcelApi 1.1. */
export interface OfficeFeatures {
  /** 1.2: used range by values only, very hidden state sheet, column widths. */
  api12: boolean;
  /** 1.6: formula calculation paused during our writes. */
  suspendCalculation: boolean;
  /** 1.8: in-cell drop-down lists (data validation). */
  dropDowns: boolean;
  /** 1.9: a sheet's page layout (paper, orientation, fit to pages) for printing. */
  pageLayout: boolean;
  /** 1.13: merged areas of a range (a unit written once over several people's rows). */
  mergedAreas: boolean;
  /** 1.18: cell notes. */
  notes: boolean;
}

/** A drop-down list on a column's cells (e.g. the discipline values). Values may not contain commas. */
export interface ColumnChoices {
  row: number;
  col: number;
  rows: number;
  values: string[];
}

/** A note on a cell; `text: null` removes it. */
export interface CellNote {
  row: number;
  col: number;
  text: string | null;
}

export interface OfficeWorkbookSession extends WorkbookSession {
  readonly features: OfficeFeatures;
  /** Sets drop-down lists; false when Excel lacks ExcelApi 1.8 or a list cannot be expressed (comma, > 255 chars). */
  setChoices(sheet: string, lists: readonly ColumnChoices[]): Promise<boolean>;
  /** Adds, updates or removes notes; false when Excel lacks ExcelApi 1.18. */
  setNotes(sheet: string, notes: readonly CellNote[]): Promise<boolean>;
}

export interface OfficeWorkbookAdapter extends WorkbookAdapter {
  session<T>(fn: (session: OfficeWorkbookSession) => Promise<T>): Promise<T>;
}
