import type { RuleSet } from '../contract/rule-set.ts';
import { completePeriod } from './classify-month.ts';
import { rowClassifier, type Classification } from './classify.ts';
import type { PeriodDecisions } from './types.ts';
import { NO_YEAR_SCORE_REASON, unitAnnualScoreReason, yearMemberDisciplinedReason } from './year-reasons.ts';
import { annualMean } from './year-score.ts';
import type { YearOutcome, YearResult, YearUnitInput } from './year-types.ts';

/**
 * One organisation's year of units (RULES.md §5): the mean of each unit's monthly scores, steps 1–2 with
 * the yearly sheet's gates, a member disciplined in the year blocks HTXS, ranks, then the quota of
 * `ruleSet.quota.unitYear` (default: on, `htt-only`, the whole organisation as one group). Units have no
 * months-worked rule and no absence cap. Rows come back in input order; rankInUnit is null.
 */
export function classifyUnitsYear(
  units: readonly YearUnitInput[],
  ruleSet: RuleSet,
  decisions: PeriodDecisions,
): YearOutcome {
  const classify = rowClassifier(ruleSet);
  const scored = units.map((unit) => unit.months.map((m) => m.score).filter((s): s is number => s !== null));
  const annualScores = scored.map(annualMean);

  const classified = units.map((unit, i): Classification => {
    const annualScore = annualScores[i]!;
    if (annualScore === null) return { level: 'NONE', reasons: [NO_YEAR_SCORE_REASON] };
    const yearly = unit.yearly ?? {};
    const steps = classify({
      key: unit.key,
      unit: unit.key,
      dutyGroup: null,
      score: annualScore,
      allTasksDone: yearly.allTasksDone ?? null,
      exceededPct: yearly.exceededPct ?? null,
      latePct: yearly.latePct ?? null,
    });
    const reasons = [unitAnnualScoreReason(annualScore, scored[i]!.length), ...steps.reasons];
    if (steps.level === 'HTXS' && unit.memberDisciplined) {
      reasons.push(yearMemberDisciplinedReason());
      return { level: 'HTT', reasons };
    }
    return { level: steps.level, reasons };
  });

  const quotaRows = units.map((unit, i) => ({
    key: unit.key,
    unit: unit.key,
    dutyGroup: null,
    score: classified[i]!.level === 'NONE' ? null : annualScores[i]!,
  }));
  const outcome = completePeriod(quotaRows, classified, ruleSet.quota.unitYear, decisions, { rankInUnit: false });
  const rows = outcome.rows.map(
    (row, i): YearResult => ({
      ...row,
      monthsCounted: scored[i]!.length,
      monthsAbsent: 0,
      annualScore: annualScores[i]!,
    }),
  );
  return { rows, quotas: outcome.quotas };
}
