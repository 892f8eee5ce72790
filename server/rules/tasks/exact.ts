/**
 * Exact arithmetic for task results (research §3.3 TASK-2): coefficients are whole hundredths and
 * deductions whole quarters, so every sum is a whole number and every axis a ratio of two; a result is
 * rounded once, from the ratio, never from a rounded percentage. Big integers, because 10,000 rows of a
 * quarter times weights and maxima pass 2^53.
 */

/** A coefficient with at most two decimals as whole hundredths: 1.25 → 125n. */
export function hundredths(value: number): bigint {
  return BigInt(Math.round(value * 100));
}

/** numerator / denominator (both ≥ 0, denominator > 0) rounded half up to `decimals` places. */
export function ratioHalfUp(numerator: bigint, denominator: bigint, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  const scaled = (2n * numerator * scale + denominator) / (2n * denominator);
  return Number(scaled) / Number(scale);
}

/** 100 × part / whole as a percentage, half up to `decimals` places. */
export function percentHalfUp(part: bigint, whole: bigint, decimals: number): number {
  return ratioHalfUp(100n * part, whole, decimals);
}
