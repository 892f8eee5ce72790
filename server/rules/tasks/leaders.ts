import type { Level } from '../../contract/levels.ts';
import type { RuleSet } from '../../contract/rule-set.ts';
import type { LeaderScope } from '../../contract/task-settings.ts';
import { matchKey } from '../../contract/text.ts';
import { hundredths, ratioHalfUp } from './exact.ts';
import { applyTaskResult, taskLeadReasons, type MonthFromTasks, type TypedMonthValues } from './month-from-tasks.ts';
import {
  LEADER_AXIS_MISSING_REASON,
  NO_MANAGED_RATED_REASON,
  organiseDefaultReason,
  unitResultsReason,
} from './task-reasons.ts';
import { axisNumerator, taskResult } from './task-result.ts';
import { totalsOf } from './task-totals.ts';
import type { TaskInput } from './types.ts';

const AT_LEAST_HT: ReadonlySet<Level> = new Set(['HTXS', 'HTT', 'HT']);

export interface RatedPerson {
  key: string;
  unit: string;
  level: Level;
}

/**
 * Whom a leader manages for the unit-results axis (setting leaderScope [I]): the other people of the
 * leader's unit, or the typed list of staff codes. The leader is never among them.
 */
export function managedBy(
  leader: { key: string; unit: string },
  people: readonly RatedPerson[],
  scope: LeaderScope,
  list: readonly string[] = [],
): RatedPerson[] {
  const unit = matchKey(leader.unit);
  const listed = new Set(list);
  return people.filter((p) => p.key !== leader.key && (scope === 'unit' ? matchKey(p.unit) === unit : listed.has(p.key)));
}

/**
 * NĐ 335 Điều 15 (T10): 100 % when everyone the leader manages is at the HT level or above in the month,
 * 50 % when anyone is below it. People not classified (NONE) do not count; null when nobody is classified.
 */
export function unitResultsAxis(managed: readonly { level: Level }[]): { pct: 100 | 50; reason: string } | { pct: null; reason: string } {
  const rated = managed.filter((p) => p.level !== 'NONE');
  if (rated.length === 0) return { pct: null, reason: NO_MANAGED_RATED_REASON };
  const below = rated.filter((p) => !AT_LEAST_HT.has(p.level)).length;
  const pct = below === 0 ? 100 : 50;
  return { pct, reason: unitResultsReason(pct, below, rated.length) };
}

/** The leader's axes other than their own products: đ (capacity to organise) and e (the rest) as typed. */
export interface LeaderTyped {
  organisePct?: number | null | undefined;
  otherPct?: number | null | undefined;
}

/**
 * A leader's month under the setting leaderAxes (preset nd335-2026): their own products give quantity,
 * quality and progress, then results = resultsMax × (3·T + d + đ + e) / 600, T being the three axes'
 * weighted mean (with 1:1:1, the (a+b+c+d+đ+e)/6 of T10 [C][U]). d is unitResultsAxis; đ falls back to
 * leaderOrganiseDefault; e must be typed. Without the setting, a leader is rated as anyone else.
 */
export function leaderMonthFromTasks(
  typed: TypedMonthValues | null,
  rows: readonly TaskInput[],
  unitResults: ReturnType<typeof unitResultsAxis>,
  leaderTyped: LeaderTyped,
  ruleSet: RuleSet,
): MonthFromTasks {
  const settings = ruleSet.tasks;
  const totals = totalsOf(rows, settings);
  const own = taskResult(totals, settings);
  if (rows.length === 0) return applyTaskResult(typed, null, ruleSet);
  const lead = taskLeadReasons(totals, own, ruleSet);
  if (!own || !settings.leaderAxes) return applyTaskResult(typed, own, ruleSet, lead);

  const reasons = [...lead, unitResults.reason];
  let organise = leaderTyped.organisePct ?? null;
  if (organise === null && settings.leaderOrganiseDefault !== null) {
    organise = settings.leaderOrganiseDefault;
    reasons.push(organiseDefaultReason(organise));
  }
  const other = leaderTyped.otherPct ?? null;
  if (unitResults.pct === null || organise === null || other === null) {
    if (organise === null || other === null) reasons.push(LEADER_AXIS_MISSING_REASON);
    return applyTaskResult(typed, null, ruleSet, reasons);
  }

  // Percentages in hundredths of a per cent over the axes' common denominator D = 4·A·Σw.
  const { numerator, denominator } = axisNumerator(totals, settings);
  const extra = hundredths(unitResults.pct) + hundredths(organise) + hundredths(other);
  const sixAxes = 300n * 100n * numerator + extra * denominator;
  const results = ratioHalfUp(BigInt(settings.resultsMax) * sixAxes, 600n * 100n * denominator, 1);
  const computed = {
    ...own,
    results,
    leader: { unitResultsPct: unitResults.pct, organisePct: organise, otherPct: other },
  };
  return applyTaskResult(typed, computed, ruleSet, reasons);
}
