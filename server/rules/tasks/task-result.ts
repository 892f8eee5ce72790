import type { TaskSettings } from '../../contract/task-settings.ts';
import { percentHalfUp, ratioHalfUp } from './exact.ts';
import type { TaskResult, TaskTotals } from './types.ts';

/**
 * The weighted sum Σ w_j · N_j of the three axes over a common denominator 4·A·Σw: quantity's numerator is
 * in whole products, quality's and progress's in quarters (research §3.3 TASK-2, T6–T9).
 */
export function axisNumerator(totals: TaskTotals, settings: TaskSettings): { numerator: bigint; denominator: bigint } {
  const w = settings.taskAxisWeights;
  const weightSum = BigInt(w.quantity + w.quality + w.progress);
  const numerator =
    BigInt(w.quantity) * 4n * totals.done + BigInt(w.quality) * totals.qualityQuarters + BigInt(w.progress) * totals.progressQuarters;
  return { numerator, denominator: 4n * totals.assigned * weightSum };
}

/**
 * Research §3.3 TASK-2 for a person and period: quantity, quality, progress, the results score and the
 * gates, or null when nothing was assigned (A = 0: never 0 % and never 100 %).
 */
export function taskResult(totals: TaskTotals, settings: TaskSettings): TaskResult | null {
  const a = totals.assigned;
  if (a === 0n) return null;
  const { numerator, denominator } = axisNumerator(totals, settings);
  return {
    quantityPct: percentHalfUp(totals.done, a, 2),
    qualityPct: percentHalfUp(totals.qualityQuarters, 4n * a, 2),
    progressPct: percentHalfUp(totals.progressQuarters, 4n * a, 2),
    results: ratioHalfUp(BigInt(settings.resultsMax) * numerator, denominator, 1),
    allTasksDone: totals.done === a && totals.faulted === 0,
    latePct: percentHalfUp(totals.late, a, 1),
    exceededPct: percentHalfUp(totals.exceeded, a, 1),
    excused: totals.excused,
  };
}
