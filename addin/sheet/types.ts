/** Plain data the sheet engine takes and gives: no Office, no DOM, no network. */

export type CellValue = string | number | boolean | null;

/** A sheet as an adapter reads it: the used range's values, and where that range starts (0-based). */
export interface SheetGrid {
  name: string;
  values: CellValue[][];
  /** Sheet row of values[0] (0-based; row 0 is Excel's row 1). */
  top: number;
  /** Sheet column of values[i][0] (0-based; column 0 is Excel's A). */
  left: number;
}

export type SheetKind = 'person' | 'unit';

/** A problem found in the sheet, named by its cell (A1 style) when it has one. */
export interface SheetIssue {
  cell: string | null;
  row: number | null;
  field: string | null;
  message: string;
  severity: 'error' | 'warning';
}

/** A block of cells to write, in sheet coordinates (0-based). Strings are written as text, never as formulas. */
export interface WriteBlock {
  row: number;
  col: number;
  values: CellValue[][];
}

export interface CellRef {
  row: number;
  col: number;
}

/** What a sync writes back: only computed and status columns (and their headers), plus highlights. */
export interface WritePlan {
  blocks: WriteBlock[];
  /** Cells to mark invalid, and cells whose mark must go. */
  highlight: CellRef[];
  clearHighlight: CellRef[];
}

/** What the workbook remembers between syncs for one sheet: per row key, what was last synced. */
export interface SyncState {
  period: string | null;
  kind: SheetKind;
  /** Manual column mapping chosen in the pane: header text → field. */
  mapping: Record<string, string>;
  rows: Record<string, { hash: string; version: number }>;
  /** Rows that changed but could not be sent yet (offline): kept until a sync succeeds. */
  pending: string[];
}
