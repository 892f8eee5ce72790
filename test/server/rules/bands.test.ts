import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, RULE_SET_PRESETS } from '../../../server/contract/rule-set.ts';
import { bandOf, findBand } from '../../../server/rules/index.ts';

const haiphong = RULE_SET_PRESETS['haiphong-2025']!;

describe('bandOf with the default bands (≥ 90, ≥ 70, ≥ 50)', () => {
  it.each([
    [100, 'HTXS'],
    [90, 'HTXS'],
    [89.9, 'HTT'],
    [70, 'HTT'],
    [69.9, 'HT'],
    [50, 'HT'],
    [49.9, 'KHT'],
    [0, 'KHT'],
  ] as const)('rates %s as %s', (score, level) => {
    expect(bandOf(score, DEFAULT_RULE_SET)).toBe(level);
  });

  it('compares in tenths, so a float sum that lands a hair under 90 still counts as 90', () => {
    const sum = 0.1 + 64.1 + 25.8; // 89.99999999999999 in floating point
    expect(sum).toBeLessThan(90);
    expect(bandOf(sum, DEFAULT_RULE_SET)).toBe('HTXS');
  });
});

describe('bandOf with the haiphong-2025 preset (> 90, > 80, ≥ 50)', () => {
  it.each([
    [90.1, 'HTXS'],
    [90, 'HTT'],
    [80.1, 'HTT'],
    [80, 'HT'],
    [50, 'HT'],
    [49.9, 'KHT'],
  ] as const)('rates %s as %s', (score, level) => {
    expect(bandOf(score, haiphong)).toBe(level);
  });
});

describe('findBand', () => {
  it('returns the band that applied, or null below every band', () => {
    expect(findBand(93, DEFAULT_RULE_SET.bands)).toEqual({ level: 'HTXS', op: '>=', value: 90 });
    expect(findBand(10, DEFAULT_RULE_SET.bands)).toBeNull();
  });
});
