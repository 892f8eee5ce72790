import type { Level } from '../contract/levels.ts';
import type { RuleSet } from '../contract/rule-set.ts';

export type Band = RuleSet['bands'][number];

/** Scores carry at most one decimal (RULES.md §1): comparing whole tenths keeps 89.9 below 90 exactly. */
export function toTenths(value: number): number {
  return Math.round(value * 10);
}

/**
 * Monthly scores have one decimal but yearly means two (RULES.md §5), so scores are compared in whole
 * hundredths: 89.99 stays below 90, and float noise such as 89.99999999999999 still lands on 90.
 */
export function toHundredths(value: number): number {
  return Math.round(value * 100);
}

export function meetsBand(score: number, band: Band): boolean {
  const hundredths = toHundredths(score);
  const threshold = toHundredths(band.value);
  return band.op === '>=' ? hundredths >= threshold : hundredths > threshold;
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
