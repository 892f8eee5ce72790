import { describe, expect, it } from 'vitest';
import { fromExcelValue, rectangular, toExcelValue, trimGrid } from '../../../addin/workbook/cell-values.ts';

describe('toExcelValue', () => {
  it('marks every string as text with an apostrophe, so Excel parses none of them', () => {
    expect(toExcelValue('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(toExcelValue('001')).toBe("'001");
    expect(toExcelValue("'quoted")).toBe("''quoted");
    expect(toExcelValue('Hoàn thành tốt nhiệm vụ')).toBe("'Hoàn thành tốt nhiệm vụ");
  });

  it('clears a cell for null and empty text (a null would leave the old value)', () => {
    expect(toExcelValue(null)).toBe('');
    expect(toExcelValue('')).toBe('');
    expect(toExcelValue(Number.NaN)).toBe('');
  });

  it('keeps numbers and booleans as they are', () => {
    expect(toExcelValue(0.75)).toBe(0.75);
    expect(toExcelValue(false)).toBe(false);
  });
});

describe('fromExcelValue', () => {
  it('reads an empty cell as null and keeps other values', () => {
    expect(['', 0, 'x', true].map(fromExcelValue)).toEqual([null, 0, 'x', true]);
  });
});

describe('rectangular', () => {
  it('pads short rows with null', () => {
    expect(rectangular([[1], [1, 2, 3], []])).toEqual([[1, null, null], [1, 2, 3], [null, null, null]]);
  });
});

describe('trimGrid', () => {
  it('drops empty rows and columns around the values and moves the origin', () => {
    const values = [
      [null, null, null, null],
      [null, 'a', null, null],
      [null, null, 2, null],
      [null, null, null, null],
    ];
    expect(trimGrid(values, 10, 3)).toEqual({ values: [['a', null], [null, 2]], top: 11, left: 4 });
  });

  it('gives no rows for an empty sheet', () => {
    expect(trimGrid([[null]], 0, 0)).toEqual({ values: [], top: 0, left: 0 });
  });
});
