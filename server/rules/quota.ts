import type { QuotaSettings } from '../contract/rule-set.ts';

function assertWhole(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
}

/** Whole-number division rounding down, with no floating point on the way. */
function floorDiv(numerator: number, denominator: number): number {
  return (numerator - (numerator % denominator)) / denominator;
}

/**
 * k, the most HTXS a quota group of M members rated HTT or HTXS may keep (RULES.md §3). `htt-only` reads
 * "20% of those rated HTT" literally: the largest k with k ≤ rate% × (M − k).
 */
export function quotaLimit(candidates: number, rate: number, denominator: QuotaSettings['denominator']): number {
  assertWhole('candidates', candidates);
  assertWhole('rate', rate);
  return denominator === 'htt-only'
    ? floorDiv(rate * candidates, 100 + rate)
    : floorDiv(rate * candidates, 100);
}

export interface QuotaWalk {
  /** Positions [0, kept) keep HTXS. */
  kept: number;
  /** Positions [kept, tieEnd) are the tie run the limit falls inside; the rest are cut. */
  tieEnd: number;
}

/**
 * RULES.md §3 selection over candidates already sorted by score descending (`scores`, whole numbers such
 * as hundredths of a point): whole runs of equal score keep HTXS while they fit in k; the first run that
 * does not fit ends the walk, and if places were left it is a tie for the council rather than a silent cut.
 */
export function walkQuota(scores: readonly number[], allowed: number): QuotaWalk {
  let start = 0;
  while (start < scores.length) {
    let end = start + 1;
    while (end < scores.length && scores[end] === scores[start]) end++;
    if (end > allowed) return { kept: start, tieEnd: start < allowed ? end : start };
    start = end;
  }
  return { kept: start, tieEnd: start };
}
