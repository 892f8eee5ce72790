import type { Db } from '../db/database.ts';
import { rejected, type RowResults } from '../push/row-results.ts';
import { loadRuleSet } from '../rule-set/rule-sets.ts';
import { partMaximaErrors } from '../rules/tasks/index.ts';

interface RatedCandidate {
  index: number;
  row: { ref?: string | number | undefined; general?: number | undefined; results?: number | undefined };
}

/**
 * The rows whose parts fit the organisation's rule set (resultsMax and the 100 − resultsMax left for the
 * general criteria); the others are rejected naming the cell, and never reach the store.
 */
export async function withinPartMaxima<C extends RatedCandidate>(
  db: Db,
  orgId: number,
  candidates: C[],
  results: RowResults,
  keyOf: (c: C) => string | null,
): Promise<C[]> {
  if (!candidates.some((c) => c.row.general !== undefined || c.row.results !== undefined)) return candidates;
  const { ruleSet } = await loadRuleSet(db, orgId);
  return candidates.filter((c) => {
    const errors = partMaximaErrors(c.row, ruleSet.tasks);
    if (errors.length === 0) return true;
    results[c.index] = rejected(c.index, c.row.ref ?? null, keyOf(c), errors);
    return false;
  });
}
