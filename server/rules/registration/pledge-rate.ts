import { divideHalfUp } from '../year-score.ts';

const scale = (n: number) => Math.round(n * 1000);

/**
 * Tỷ lệ đạt of a pledge (research/next-capabilities.md REG-5): Kết quả / Kế hoạch in per cent, half up to one
 * decimal. Null (a blank cell) when either is blank or Kế hoạch is 0: neither ∞ nor 0 says anything true.
 * Values are taken to three decimals and divided as whole numbers. Changes no level and no title.
 */
export function pledgeRate(plan: number | null | undefined, result: number | null | undefined): number | null {
  if (plan === null || plan === undefined || result === null || result === undefined) return null;
  if (plan < 0 || result < 0) throw new RangeError(`a pledge's plan and result are ≥ 0, got ${plan} and ${result}`);
  const p = scale(plan);
  if (p === 0) return null;
  return divideHalfUp(1000 * scale(result), p) / 10;
}
