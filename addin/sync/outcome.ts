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
  rowProblems: { ref: string | number | null; key: string | null; status: 'rejected' | 'conflict'; message: string }[];
  /** The service could not be reached: changes are kept for the next sync. */
  offline: boolean;
}

export const noCounts = () => ({ accepted: 0, unchanged: 0, rejected: 0, conflict: 0 });

export type Progress = (step: { phase: 'read' | 'send' | 'write'; done: number; total: number }) => void;
