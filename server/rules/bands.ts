import type { Level } from '../contract/levels.ts';
import type { RuleSet } from '../contract/rule-set.ts';

export type Band = RuleSet['bands'][number];

/** Scores carry at most one decimal (RULES.md §1): comparing whole tenths keeps 89.9 below 90 exactly. */
export function toTenths(value: number): number {
  return Math.round(value * 10);
}

export function meetsBand(score: number, band: Band): boolean {
  const tenths = toTenths(score);
  const threshold = toTenths(band.value);
  return band.op === '>=' ? tenths >= threshold : tenths > threshold;
}

/** The first band the score meets, bands being listed from the best level down; null means below all (KHT). */
export function findBand(score: number, bands: readonly Band[]): Band | null {
  for (const band of bands) {
    if (meetsBand(score, band)) return band;
  }
  return null;
}

/** RULES.md §1 step 1. */
export function bandOf(score: number, ruleSet: Pick<RuleSet, 'bands'>): Level {
  return findBand(score, ruleSet.bands)?.level ?? 'KHT';
}
