import { describe, expect, it } from 'vitest';
import { cellAddress, columnLetters, parseCellAddress } from '../../../addin/sheet/cell-address.ts';

describe('A1 addresses', () => {
  it('names columns past Z', () => {
    expect([0, 25, 26, 27, 51, 52, 701, 702, 16_383].map(columnLetters)).toEqual([
      'A', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD',
    ]);
  });

  it('turns 0-based coordinates into addresses and back', () => {
    expect(cellAddress(11, 7)).toBe('H12');
    expect(cellAddress(0, 26)).toBe('AA1');
    for (const [row, col] of [[0, 0], [11, 7], [1_048_575, 16_383], [99, 730]] as const) {
      expect(parseCellAddress(cellAddress(row, col))).toEqual({ row, col });
    }
    expect(parseCellAddress('$B$7')).toEqual({ row: 6, col: 1 });
    expect(parseCellAddress('B0')).toBeNull();
    expect(parseCellAddress('7B')).toBeNull();
  });

  it('refuses a negative column', () => {
    expect(() => columnLetters(-1)).toThrow(RangeError);
  });
});
