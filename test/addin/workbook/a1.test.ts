import { describe, expect, it } from 'vitest';
import { cellRuns, columnLetters, rangeAddress } from '../../../addin/workbook/a1.ts';

describe('A1 addresses', () => {
  it('names columns the way Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetters))
      .toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  it('gives one cell or a block from 0-based indexes', () => {
    expect(rangeAddress(0, 0)).toBe('A1');
    expect(rangeAddress(2, 1, 7, 3)).toBe('B3:D9');
    expect(rangeAddress(19_999, 14, 1, 1)).toBe('O20000');
  });
});

describe('cellRuns', () => {
  it('merges cells of a column that touch into one range, keeping gaps apart', () => {
    const cells = [{ row: 5, col: 2 }, { row: 3, col: 2 }, { row: 4, col: 2 }, { row: 9, col: 2 }, { row: 4, col: 0 }];
    expect(cellRuns(cells)).toEqual([
      { row: 4, col: 0, rows: 1, cols: 1 },
      { row: 3, col: 2, rows: 3, cols: 1 },
      { row: 9, col: 2, rows: 1, cols: 1 },
    ]);
  });

  it('counts a cell listed twice once', () => {
    expect(cellRuns([{ row: 1, col: 1 }, { row: 1, col: 1 }])).toEqual([{ row: 1, col: 1, rows: 1, cols: 1 }]);
  });
});
