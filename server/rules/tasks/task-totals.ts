import type { TaskSettings } from '../../contract/task-settings.ts';
import { hundredths } from './exact.ts';
import type { TaskInput, TaskTotals } from './types.ts';

const QUARTERS = 4n;

export function emptyTotals(): TaskTotals {
  return { assigned: 0n, done: 0n, qualityQuarters: 0n, progressQuarters: 0n, late: 0n, exceeded: 0n, faulted: 0, excused: [], supportRows: 0 };
}

/** A row's weight: hundredths of its coefficient times the per cent its role counts for (supportRoleFactor). */
function weightOf(row: TaskInput, settings: TaskSettings): bigint {
  const rolePct = row.role === 'phối hợp' ? hundredths(settings.supportRoleFactor) : 100n;
  return hundredths(row.k ?? 1) * rolePct;
}

/** Quantity completed that counts: what was done, never more than assigned (TASK-7 item 2). */
function countedDone(row: TaskInput, assigned: number): number {
  const done = row.h ?? (row.doneOn !== undefined ? assigned : 0);
  return Math.min(done, assigned);
}

/** Delays: as typed; blank and done after the due date is one (ISO dates compare as text). */
function delaysOf(row: TaskInput): number {
  if (row.dFails !== undefined) return row.dFails;
  return row.doneOn !== undefined && row.dueOn !== undefined && row.doneOn > row.dueOn ? 1 : 0;
}

/** Quarters of an axis kept after `fails` deductions: graduated 25 % each (T7, T8 [I]) or all-or-nothing. */
function quartersKept(fails: number, settings: TaskSettings): bigint {
  if (settings.deductionMode === 'binary') return fails === 0 ? QUARTERS : 0n;
  return BigInt(Math.max(0, 4 - fails));
}

/** Adds one row to the sums of research §3.3 TASK-2. */
export function addTask(totals: TaskTotals, row: TaskInput, settings: TaskSettings): TaskTotals {
  if (row.role === 'phối hợp') totals.supportRows++;
  const weight = weightOf(row, settings);
  if (weight === 0n) return totals;
  const g = row.g ?? 1;
  const c = countedDone(row, g);
  const qFails = row.qFails ?? 0;
  const dFails = delaysOf(row);
  // An objective cause confirmed by the competent level cancels the row's deductions (T7, T8).
  const excuse = row.objective === true;
  const q = excuse ? 0 : qFails;
  const d = excuse ? 0 : dFails;
  const assigned = weight * BigInt(g);
  const done = weight * BigInt(c);
  totals.assigned += assigned;
  totals.done += done;
  totals.qualityQuarters += done * quartersKept(q, settings);
  totals.progressQuarters += done * quartersKept(d, settings);
  totals.late += weight * BigInt(g - c) + (d >= 1 ? done : 0n);
  if (row.exceeded === true || (row.h ?? 0) > g) totals.exceeded += assigned;
  if (q > 0 || d > 0) totals.faulted++;
  if (excuse && (qFails > 0 || dFails > 0)) totals.excused.push(row.taskRef ?? row.taskName);
  return totals;
}

export function totalsOf(rows: readonly TaskInput[], settings: TaskSettings): TaskTotals {
  let totals = emptyTotals();
  for (const row of rows) totals = addTask(totals, row, settings);
  return totals;
}

/** Sums of several periods (the months of a quarter): the formula then runs once on them (TASK-7 item 7). */
export function sumTotals(parts: readonly TaskTotals[]): TaskTotals {
  const sum = emptyTotals();
  for (const t of parts) {
    sum.assigned += t.assigned;
    sum.done += t.done;
    sum.qualityQuarters += t.qualityQuarters;
    sum.progressQuarters += t.progressQuarters;
    sum.late += t.late;
    sum.exceeded += t.exceeded;
    sum.faulted += t.faulted;
    sum.excused.push(...t.excused);
    sum.supportRows += t.supportRows;
  }
  return sum;
}
