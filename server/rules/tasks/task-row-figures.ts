import type { TaskSettings } from '../../contract/task-settings.ts';
import { formatNumber } from '../reasons.ts';
import { ratioHalfUp } from './exact.ts';
import { addTask, emptyTotals } from './task-totals.ts';
import type { TaskInput } from './types.ts';

/** What one task row contributes to its person's sums (research §3.3 TASK-2), as its sheet row shows it. */
export interface TaskRowFigures {
  /** k·g times the role's share: the row's part of A; 0 when the row does not count. */
  assigned: number;
  /** k·c times the role's share: its part of the quantity axis. */
  done: number;
  /** Its part of the quality and progress axes after deductions (k·c·keep), or null when nothing was done. */
  quality: number | null;
  progress: number | null;
  /** The row's deductions and why it counts as it does, in Vietnamese; null when nothing is to be said. */
  deductions: string | null;
}

// A row's sums are in hundredths of a coefficient × per cent of a role (task-totals.ts).
const UNIT = 10_000n;

/**
 * One row through the same sums as the person's (addTask), so the row's figures add up to the person's
 * axes: QNT = 100 · Σ done / Σ assigned, and likewise quality and progress.
 */
export function taskRowFigures(row: TaskInput, settings: TaskSettings): TaskRowFigures {
  const t = addTask(emptyTotals(), row, settings);
  const quarters = (n: bigint) => (t.done === 0n ? null : ratioHalfUp(n, 4n * UNIT, 2));
  const notes: string[] = [];
  if (t.assigned === 0n && row.role === 'phối hợp') notes.push('Vai trò phối hợp: không tính (supportRoleFactor = 0)');
  else if (t.assigned === 0n) notes.push('Không có số lượng giao');
  const g = row.g ?? 1;
  const done = Math.min(row.h ?? (row.doneOn !== undefined ? g : 0), g);
  if (t.assigned > 0n && done < g) notes.push(`Hoàn thành ${done}/${g}`);
  const qFails = row.qFails ?? 0;
  const dFails = row.dFails ?? (row.doneOn !== undefined && row.dueOn !== undefined && row.doneOn > row.dueOn ? 1 : 0);
  if (row.objective === true && (qFails > 0 || dFails > 0)) notes.push('Nguyên nhân khách quan đã xác nhận: không trừ');
  else if (t.done > 0n) {
    const cut = (n: number) => (settings.deductionMode === 'graduated' ? `−${Math.min(100, 25 * n)}%` : '−100%, deductionMode = binary');
    if (qFails > 0) notes.push(`Chưa đạt chất lượng ${qFails} lần (${cut(qFails)})`);
    if (dFails > 0) notes.push(`Chậm tiến độ ${dFails} lần (${cut(dFails)})`);
  }
  if (row.exceeded === true || (row.h ?? 0) > g) notes.push(`Vượt mức${(row.h ?? 0) > g ? ` (${formatNumber(row.h!)}/${g})` : ''}`);
  return {
    assigned: ratioHalfUp(t.assigned, UNIT, 2),
    done: ratioHalfUp(t.done, UNIT, 2),
    quality: quarters(t.qualityQuarters),
    progress: quarters(t.progressQuarters),
    deductions: notes.length > 0 ? notes.join('; ') : null,
  };
}
