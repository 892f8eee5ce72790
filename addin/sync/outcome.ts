import type { TypedCell } from '../sheet/typed-cells.ts';
import type { MonthGlance } from './month-glance.ts';
import type { SheetIssue } from '../sheet/types.ts';

export type SyncAction = 'check' | 'sync' | 'refresh';

/** What an action did, for the pane's message, the command line's exit code and the tests. */
export interface SyncOutcome {
  action: SyncAction;
  sheet: string;
  period: string | null;
  rows: number;
  sent: number;
  counts: { accepted: number; unchanged: number; rejected: number; conflict: number };
  issues: SheetIssue[];
  /** Fields with no column: the pane offers a manual mapping. */
  missing: string[];
  /** Header texts of the sheet, to map the missing fields to. */
  headers: string[];
  /** Rows the service rejected or found in conflict: the others were stored. */
  rowProblems: {
    ref: string | number | null;
    key: string | null;
    /** The row's key in the workbook's memory: what "Giữ giá trị của tôi" names. */
    sheetKey: string | null;
    /** The person (or unit) of the row. */
    who: string | null;
    status: 'rejected' | 'conflict';
    message: string;
  }[];
  /** The service could not be reached: changes are kept for the next sync. */
  offline: boolean;
  /** Changed rows waiting for a sync that could not reach the service. */
  pending: number;
  /** Rows held back by their own errors (marked in the sheet): never sent. */
  notSent: number;
  /** Cells someone typed in a computed column whose value differs from the computed one: kept, not written. */
  typed: TypedCell[];
  /** Conflicting rows whose stored version a refresh took: the next sync sends the user's values over it. */
  taken: number;
  /** After a sync or a refresh of a month: its levels, groups and ties. */
  glance: MonthGlance | null;
}

export const noCounts = () => ({ accepted: 0, unchanged: 0, rejected: 0, conflict: 0 });

/** Where long work is: reading the sheet, checking its rows, sending each piece, writing back. */
export type Progress = (step: { phase: 'read' | 'check' | 'send' | 'write'; done: number; total: number }) => void;
