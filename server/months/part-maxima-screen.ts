import type { TaskSettings } from '../contract/task-settings.ts';
import { rejected, type RowResults } from '../push/row-results.ts';
import { partMaximaErrors } from '../rules/tasks/index.ts';

interface RatedCandidate {
  index: number;
  row: { ref?: string | number | undefined; general?: number | undefined; results?: number | undefined };
}

/**
 * The rows whose parts fit the organisation's rule set (resultsMax and the 100 − resultsMax left for the
 * general criteria); the others are rejected naming the cell, and never reach the store.
 */
export function withinPartMaxima<C extends RatedCandidate>(
  settings: TaskSettings,
  candidates: C[],
  results: RowResults,
  keyOf: (c: C) => string | null,
): C[] {
  return candidates.filter((c) => {
    if (c.row.general === undefined && c.row.results === undefined) return true;
    const errors = partMaximaErrors(c.row, settings);
    if (errors.length === 0) return true;
    results[c.index] = rejected(c.index, c.row.ref ?? null, keyOf(c), errors);
    return false;
  });
}
