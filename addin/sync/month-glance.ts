import { LEVEL_LABELS, LEVELS, type Level } from '../../server/contract/levels.ts';
import type { QuotaFacts } from '../../server/contract/results.ts';
import type { ComputedRow } from '../sheet/computed-rows.ts';

/**
 * The month at a glance after a sync: how many at each level, each quota group's places, and the ties waiting
 * for the council, from the period the service answered (every row the user may see, not only this sheet's).
 */
export interface MonthGlance {
  total: number;
  levels: { level: Level; label: string; count: number }[];
  groups: { group: string; members: number; candidates: number; allowed: number; used: number; ties: number }[];
  /** People in a tie run at the limit, waiting for the council's Xét HTXS. */
  ties: number;
}

export function monthGlance(rows: readonly ComputedRow[], quotas: readonly QuotaFacts[] = []): MonthGlance | null {
  const counts = new Map<Level, number>(LEVELS.map((l) => [l, 0]));
  const members = new Map<string, number>();
  let total = 0;
  for (const row of rows) {
    if (!('levelBeforeQuota' in row)) return null;
    total++;
    counts.set(row.level, counts.get(row.level)! + 1);
    if (row.quotaGroup !== null) members.set(row.quotaGroup, (members.get(row.quotaGroup) ?? 0) + 1);
  }
  if (total === 0) return null;
  const groups = quotas.map((q) => ({
    group: q.group,
    members: members.get(q.group) ?? 0,
    candidates: q.candidates,
    allowed: q.allowed,
    used: q.used,
    ties: q.tieCodes.length,
  }));
  return {
    total,
    levels: LEVELS.map((level) => ({ level, label: LEVEL_LABELS[level], count: counts.get(level)! })),
    groups,
    ties: groups.reduce((sum, g) => sum + g.ties, 0),
  };
}
