import type { RuleSet } from '../../contract/rule-set.ts';
import { toHundredths, toTenths } from '../bands.ts';
import {
  NO_GENERAL_REASON,
  NO_TASKS_ASSIGNED_REASON,
  computedResultsReason,
  excusedReason,
  gatesFromTasksReason,
  resultsConflictReason,
  scoreSumReason,
  supportRowsReason,
  typedScoreKeptReason,
} from './task-reasons.ts';
import { taskResult } from './task-result.ts';
import { sumTotals, totalsOf } from './task-totals.ts';
import type { TaskInput, TaskResult, TaskTotals } from './types.ts';

/** What the person's month row holds as typed (blank = null or absent), after the contract's checks. */
export interface TypedMonthValues {
  score?: number | null | undefined;
  general?: number | null | undefined;
  results?: number | null | undefined;
  allTasksDone?: boolean | null | undefined;
  exceededPct?: number | null | undefined;
  latePct?: number | null | undefined;
}

/** The inputs classifyMonth takes for the row once task results are in, and why they changed. */
export interface MonthFromTasks {
  score: number | null;
  allTasksDone: boolean | null;
  exceededPct: number | null;
  latePct: number | null;
  /** Điểm kết quả the month uses: typed or computed, per resultsSource. */
  results: number | null;
  computed: TaskResult | null;
  /** One sentence per step; they come before classifyMonth's own in the explanation. */
  reasons: string[];
}

const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

/** Scores agree when they are within 0.05 (RULES.md §1 validation). */
const agree = (a: number, b: number) => Math.abs(toHundredths(a) - toHundredths(b)) <= 5;

/** Sum of two scores of at most one decimal, exactly. */
const addScores = (a: number, b: number) => (toTenths(a) + toTenths(b)) / 10;

/**
 * Research §3.3 TASK-2, "Results go to the existing month row": a computed result (null when nothing was
 * assigned) fills a blank Điểm kết quả, or meets a typed one per the setting resultsSource; the score follows
 * from general + results when it was blank or was that sum; the gates come from the tasks unless typed.
 * Nothing typed is changed: these are the values the month is classified on. `leadReasons` open the
 * explanation (why there is no computed result, or the steps before it).
 */
export function applyTaskResult(
  typed: TypedMonthValues | null,
  computed: TaskResult | null,
  ruleSet: RuleSet,
  leadReasons: readonly string[] = [],
): MonthFromTasks {
  const settings = ruleSet.tasks;
  const typedScore = given(typed?.score) ? typed.score : null;
  const general = given(typed?.general) ? typed.general : null;
  const typedResults = given(typed?.results) ? typed.results : null;
  const out: MonthFromTasks = {
    score: typedScore,
    allTasksDone: typed?.allTasksDone ?? null,
    exceededPct: typed?.exceededPct ?? null,
    latePct: typed?.latePct ?? null,
    results: typedResults,
    computed,
    reasons: [...leadReasons],
  };
  if (!computed) return out;

  if (computed.excused.length > 0) out.reasons.push(excusedReason(computed.excused));
  out.reasons.push(computedResultsReason(computed, settings));
  let resultsFromTasks = typedResults === null;
  if (typedResults !== null && !agree(typedResults, computed.results)) {
    out.reasons.push(resultsConflictReason(typedResults, computed.results, settings.resultsSource));
    resultsFromTasks = settings.resultsSource === 'tasks-win';
  }
  if (resultsFromTasks) {
    out.results = computed.results;
    if (general !== null) {
      const sum = addScores(general, computed.results);
      // A typed score that was the typed parts' sum follows the parts; any other typed score is kept.
      const scoreWasSum = typedScore !== null && typedResults !== null && agree(typedScore, addScores(general, typedResults));
      if (typedScore === null || scoreWasSum) {
        out.score = sum;
        out.reasons.push(scoreSumReason(general, computed.results, sum));
      } else if (!agree(typedScore, sum)) {
        out.reasons.push(typedScoreKeptReason(typedScore, general, computed.results, sum));
      }
    } else if (typedScore === null) {
      out.reasons.push(NO_GENERAL_REASON);
    }
  }

  const fromTasks: { allTasksDone?: boolean; latePct?: number; exceededPct?: number } = {};
  if (out.allTasksDone === null) out.allTasksDone = fromTasks.allTasksDone = computed.allTasksDone;
  if (out.latePct === null) out.latePct = fromTasks.latePct = computed.latePct;
  if (out.exceededPct === null) out.exceededPct = fromTasks.exceededPct = computed.exceededPct;
  if (Object.keys(fromTasks).length > 0) out.reasons.push(gatesFromTasksReason(fromTasks));
  return out;
}

/**
 * Research §3.3 TASK-2 for a person's month: their typed month row (null when they have none) and their
 * task rows. Without task rows the month is left exactly as typed; with rows but nothing assigned
 * (A = 0) there is no computed result, and the explanation says so.
 */
export function monthFromTasks(typed: TypedMonthValues | null, rows: readonly TaskInput[], ruleSet: RuleSet): MonthFromTasks {
  return fromTotals(typed, rows.length > 0 ? totalsOf(rows, ruleSet.tasks) : null, ruleSet);
}

/**
 * Quarterly mode (TASK-7 item 7): the months' sums are added and the formula runs once on them, so a
 * quarter is Σ numerators over Σ assigned, never the mean of monthly percentages.
 */
export function periodFromTasks(
  typed: TypedMonthValues | null,
  rowsByMonth: readonly (readonly TaskInput[])[],
  ruleSet: RuleSet,
): MonthFromTasks {
  const months = rowsByMonth.filter((rows) => rows.length > 0);
  return fromTotals(typed, months.length > 0 ? sumTotals(months.map((rows) => totalsOf(rows, ruleSet.tasks))) : null, ruleSet);
}

/** The sentences before the result: how Phối hợp rows counted, and why there is no result when A = 0. */
export function taskLeadReasons(totals: TaskTotals, computed: TaskResult | null, ruleSet: RuleSet): string[] {
  const reasons: string[] = [];
  if (totals.supportRows > 0) reasons.push(supportRowsReason(totals.supportRows, ruleSet.tasks.supportRoleFactor));
  if (!computed) reasons.push(NO_TASKS_ASSIGNED_REASON);
  return reasons;
}

function fromTotals(typed: TypedMonthValues | null, totals: TaskTotals | null, ruleSet: RuleSet): MonthFromTasks {
  if (!totals) return applyTaskResult(typed, null, ruleSet);
  const computed = taskResult(totals, ruleSet.tasks);
  return applyTaskResult(typed, computed, ruleSet, taskLeadReasons(totals, computed, ruleSet));
}
