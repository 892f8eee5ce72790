import type { QuotaFacts } from '../contract/results.ts';
import type { QuotaSettings, RuleSet } from '../contract/rule-set.ts';
import type { MonthOutcome, MonthResult } from './types.ts';

/**
 * Checks a council award (RULES.md §3, §7) against an outcome computed with the decisions already in
 * force: each key must name someone the quota cut, and no group may go beyond k. Returns the Vietnamese
 * message to refuse the decision with, or null when it can be recorded.
 */
export function canAward(outcome: MonthOutcome, keys: readonly string[]): string | null {
  const byKey = new Map<string, MonthResult>();
  for (const row of outcome.rows) byKey.set(row.key, row);

  const perGroup = new Map<string, { facts: QuotaFacts; added: number }>();
  for (const key of new Set(keys)) {
    const row = byKey.get(key);
    if (!row) return `Không có «${key}» trong kỳ đánh giá này`;
    if (row.level === 'HTXS') return `«${key}» đã được xếp HTXS`;
    if (row.levelBeforeQuota !== 'HTXS' || !row.quota) {
      return `«${key}» không bị loại khỏi HTXS do tỷ lệ nên Hội đồng không thể xếp HTXS theo quyết định này`;
    }
    const { group, unit, dutyGroup } = row.quota;
    const id = JSON.stringify([group, unit, dutyGroup]);
    const entry = perGroup.get(id);
    if (entry) entry.added++;
    else perGroup.set(id, { facts: row.quota, added: 1 });
  }
  for (const { facts, added } of perGroup.values()) {
    const { group, allowed, used, candidates } = facts;
    if (used + added > allowed) {
      return `Nhóm «${group}» chỉ được tối đa ${allowed} HTXS (${allowed}/${candidates}), đã xếp ${used}: không thể xếp thêm ${added}`;
    }
  }
  return null;
}

/** Checks a raised HTXS rate for a period (RULES.md §3: whole per cent, at most the rule set's maximum). */
export function canRaiseRate(rate: number, quota: QuotaSettings, ruleSet: RuleSet): string | null {
  if (!Number.isInteger(rate)) return 'Tỷ lệ HTXS phải là số nguyên phần trăm';
  if (rate < quota.rate) return `Tỷ lệ nâng lên không được thấp hơn tỷ lệ hiện hành ${quota.rate}%`;
  if (rate > ruleSet.maxRaisedRate) return `Tỷ lệ HTXS chỉ được nâng tối đa ${ruleSet.maxRaisedRate}%`;
  return null;
}
