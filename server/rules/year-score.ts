import { toHundredths } from './bands.ts';

/** n / d rounded half up, for whole n ≥ 0 and d > 0, with no floating point on the way. */
export function divideHalfUp(numerator: number, denominator: number): number {
  const twice = 2 * numerator + denominator;
  const divisor = 2 * denominator;
  return (twice - (twice % divisor)) / divisor;
}

/**
 * RULES.md §5: the annual score is the mean of the monthly assessed scores, half up to two decimals. Each
 * score is taken as whole hundredths (monthly scores have one decimal, so this is exact), summed and
 * divided as integers: 89.99 and 90.00 average to 89.995, which rounds to 90.00, never to a float's 89.99.
 * Null when no month has a score.
 */
export function annualMean(scores: readonly (number | null)[]): number | null {
  let sum = 0;
  let count = 0;
  for (const score of scores) {
    if (score === null) continue;
    sum += toHundredths(score);
    count++;
  }
  return count === 0 ? null : divideHalfUp(sum, count) / 100;
}
