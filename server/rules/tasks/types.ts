export type TaskRole = 'chủ trì' | 'phối hợp';

/**
 * One task or product of a person in a period as the rules read it (research §3.3 TASK-1); the contract's
 * TaskRow fits it. Blank cells are undefined and their meaning is decided here, not in the contract.
 */
export interface TaskInput {
  taskRef?: string | undefined;
  taskName: string;
  /** Blank = chủ trì. */
  role?: TaskRole | undefined;
  /** Conversion coefficient (hệ số quy đổi), 0 < k ≤ 10, at most two decimals; blank = 1. */
  k?: number | undefined;
  /** Quantity assigned; blank = 1. */
  g?: number | undefined;
  /** Quantity completed; blank = g when a completion date is given, else 0. */
  h?: number | undefined;
  /** ISO dates (YYYY-MM-DD). */
  dueOn?: string | undefined;
  doneOn?: string | undefined;
  /** Failed quality checks, 0–4; blank = 0. */
  qFails?: number | undefined;
  /** Delays, 0–4; blank = 1 when done after the due date, else 0. */
  dFails?: number | undefined;
  exceeded?: boolean | undefined;
  /** An objective cause confirmed by the competent level: no deduction on this row (T7, T8). */
  objective?: boolean | undefined;
}

/**
 * Whole-number sums over a person's rows (units: hundredths of a coefficient × per cent of a role), from
 * which every axis is a ratio. Sums of several months add field by field (quarterly mode, TASK-7 item 7).
 */
export interface TaskTotals {
  /** A = Σ k·g. */
  assigned: bigint;
  /** Σ k·c, c = min(h, g). */
  done: bigint;
  /** Σ k·c·(quarters kept on the quality axis). */
  qualityQuarters: bigint;
  /** Σ k·c·(quarters kept on the progress axis). */
  progressQuarters: bigint;
  /** Σ k·(g − c) + Σ over delayed rows of k·c. */
  late: bigint;
  /** Σ over exceeded rows of k·g. */
  exceeded: bigint;
  /** Rows that count (weight > 0) with a failed check or a delay left after objective causes. */
  faulted: number;
  /** Names of rows whose deductions an objective cause cancelled, for the explanation. */
  excused: string[];
  /** Phối hợp rows, which count at supportRoleFactor (nothing by default). */
  supportRows: number;
}

/** What a person's task rows give for a period; null from the rules when nothing was assigned (A = 0). */
export interface TaskResult {
  /** Axis percentages, half up to two decimals, for display. */
  quantityPct: number;
  qualityPct: number;
  progressPct: number;
  /** Điểm kết quả, out of the setting resultsMax, half up to one decimal from the exact ratio. */
  results: number;
  allTasksDone: boolean;
  /** Half up to one decimal. */
  latePct: number;
  exceededPct: number;
  excused: string[];
  /** Leaders' extra axes (NĐ 335 Điều 15, setting leaderAxes), when they entered the score. */
  leader?: { unitResultsPct: number; organisePct: number; otherPct: number };
}
