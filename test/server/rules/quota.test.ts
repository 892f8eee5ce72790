import { describe, expect, it } from 'vitest';
import { quotaLimit, walkQuota } from '../../../server/rules/index.ts';

describe('quotaLimit', () => {
  it('reads htt-only as the largest k with k ≤ rate% × (M − k)', () => {
    expect(quotaLimit(12, 20, 'htt-only')).toBe(2);
    expect(quotaLimit(5, 20, 'htt-only')).toBe(0);
    expect(quotaLimit(6, 20, 'htt-only')).toBe(1);
    expect(quotaLimit(22, 20, 'htt-only')).toBe(3);
    expect(quotaLimit(100, 25, 'htt-only')).toBe(20);
    for (let m = 0; m <= 300; m++) {
      const k = quotaLimit(m, 20, 'htt-only');
      expect(100 * k).toBeLessThanOrEqual(20 * (m - k));
      expect(100 * (k + 1)).toBeGreaterThan(20 * (m - k - 1));
    }
  });

  it('reads htt-or-above as floor(rate% × M / 100)', () => {
    expect(quotaLimit(12, 20, 'htt-or-above')).toBe(2);
    expect(quotaLimit(4, 20, 'htt-or-above')).toBe(0);
    expect(quotaLimit(5, 20, 'htt-or-above')).toBe(1);
    expect(quotaLimit(22, 20, 'htt-or-above')).toBe(4);
    expect(quotaLimit(100, 25, 'htt-or-above')).toBe(25);
  });

  it('gives zero places to an empty group', () => {
    expect(quotaLimit(0, 20, 'htt-only')).toBe(0);
    expect(quotaLimit(0, 20, 'htt-or-above')).toBe(0);
  });

  it('refuses fractional or negative inputs', () => {
    expect(() => quotaLimit(10, 20.5, 'htt-only')).toThrow(RangeError);
    expect(() => quotaLimit(-1, 20, 'htt-only')).toThrow(RangeError);
  });
});

describe('walkQuota', () => {
  it('keeps whole runs while they fit', () => {
    expect(walkQuota([950, 930, 910], 2)).toEqual({ kept: 2, tieEnd: 2 });
  });

  it('keeps a tie run that ends exactly at the limit', () => {
    expect(walkQuota([950, 930, 930, 910], 3)).toEqual({ kept: 3, tieEnd: 3 });
  });

  it('keeps a tie run out of HTXS when the limit falls inside it', () => {
    expect(walkQuota([950, 930, 930, 910], 2)).toEqual({ kept: 1, tieEnd: 3 });
  });

  it('flags the very first run when it alone crosses the limit', () => {
    expect(walkQuota([930, 930, 930], 2)).toEqual({ kept: 0, tieEnd: 3 });
  });

  it('cuts without a tie when the limit is used up exactly before a run', () => {
    expect(walkQuota([950, 930, 930], 1)).toEqual({ kept: 1, tieEnd: 1 });
  });

  it('cuts everyone, with no tie, when no place is allowed', () => {
    expect(walkQuota([950, 950], 0)).toEqual({ kept: 0, tieEnd: 0 });
  });

  it('keeps everyone when the candidates are fewer than the places', () => {
    expect(walkQuota([950, 930], 5)).toEqual({ kept: 2, tieEnd: 2 });
    expect(walkQuota([], 5)).toEqual({ kept: 0, tieEnd: 0 });
  });
});
