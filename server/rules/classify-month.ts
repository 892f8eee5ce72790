import { LEVEL_LABELS } from '../contract/levels.ts';
import type { QuotaSettings, RuleSet } from '../contract/rule-set.ts';
import { applyQuota, type QuotaInputRow } from './apply-quota.ts';
import { rowClassifier, type Classification } from './classify.ts';
import { rankMonth } from './ranking.ts';
import type { MonthInput, MonthOutcome, MonthResult, PeriodDecisions } from './types.ts';

export interface ClassifyMonthOptions {
  /** False for unit ratings, whose rows are the units themselves (the contract's rankInUnit is null). */
  rankInUnit?: boolean;
}

/**
 * One organisation's month (RULES.md §1–4): steps 1–3 per row, ranks, then the quota when `quota.enabled`.
 * Pass `ruleSet.quota.personMonth` for people and `ruleSet.quota.unitMonth` for units. Rows come back in
 * input order.
 */
export function classifyMonth(
  rows: readonly MonthInput[],
  ruleSet: RuleSet,
  quota: QuotaSettings,
  decisions: PeriodDecisions,
  options: ClassifyMonthOptions = {},
): MonthOutcome {
  return completePeriod(rows, rows.map(rowClassifier(ruleSet)), quota, decisions, options);
}

/**
 * The part of a period shared by months and years (RULES.md §3–5): given each row's level and reasons
 * after steps 1–3 (and, for a year, its own caps), ranks by score and applies the quota with the council's
 * decisions. Rows with a null score are unranked. Extends each `classified[i].reasons` in place.
 */
export function completePeriod(
  rows: readonly QuotaInputRow[],
  classified: readonly Classification[],
  quota: QuotaSettings,
  decisions: PeriodDecisions,
  options: ClassifyMonthOptions = {},
): MonthOutcome {
  const ranks = rankMonth(rows);
  const levels = classified.map((c) => c.level);
  const quotaOutcome = quota.enabled ? applyQuota(rows, levels, quota, decisions, options.rankInUnit === false ? 'đơn vị' : 'người') : null;
  const withRankInUnit = options.rankInUnit !== false;

  const results = new Array<MonthResult>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const before = classified[i]!;
    const level = quotaOutcome?.levels[i] ?? before.level;
    const added = quotaOutcome?.reasons[i];
    // The classifier made this array for this row alone, so extending it in place is safe.
    if (added) before.reasons.push(...added);
    results[i] = {
      key: rows[i]!.key,
      level,
      label: LEVEL_LABELS[level],
      levelBeforeQuota: before.level,
      rankInUnit: withRankInUnit ? (ranks.rankInUnit[i] ?? null) : null,
      rankInOrg: ranks.rankInOrg[i] ?? null,
      reasons: before.reasons,
      tieAtQuota: quotaOutcome?.tieAtQuota[i] ?? false,
      quota: quotaOutcome?.facts[i] ?? null,
    };
  }
  return { rows: results, quotas: quotaOutcome?.quotas ?? [] };
}
