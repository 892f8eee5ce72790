import { describe, expect, it } from 'vitest';
import { batchBySize, jsonBytes, rowsPerRead, splitBlock } from '../../../addin/workbook/payload.ts';

describe('jsonBytes', () => {
  it('counts UTF-8 bytes of the JSON, escapes included', () => {
    for (const value of [[['Nguyễn Văn Ánh', 1.5, true, null, 'say "hi"\n\t\u0001', '\\']], 'ế', 12345, [[]]]) {
      expect(jsonBytes(value)).toBe(Buffer.byteLength(JSON.stringify(value)));
    }
  });
});

describe('splitBlock', () => {
  it('keeps a block that fits whole', () => {
    const block = { row: 4, col: 2, values: [[1, 2], [3, 4]] };
    expect(splitBlock(block)).toEqual([block]);
  });

  it('cuts rows into bands under the byte budget, keeping their sheet rows', () => {
    const values = Array.from({ length: 10 }, (_, i) => ['x'.repeat(98), i]);
    const pieces = splitBlock({ row: 100, col: 3, values }, 350);
    expect(pieces.map((piece) => [piece.row, piece.values.length])).toEqual([[100, 3], [103, 3], [106, 3], [109, 1]]);
    expect(pieces.every((piece) => piece.col === 3 && jsonBytes(piece.values) <= 350)).toBe(true);
    expect(pieces.flatMap((piece) => piece.values)).toEqual(values);
  });

  it('cuts by cell count as well', () => {
    const values = Array.from({ length: 10 }, () => [1, 2, 3, 4]);
    expect(splitBlock({ row: 0, col: 0, values }, 1e9, 12).map((piece) => piece.values.length)).toEqual([3, 3, 3, 1]);
  });

  it('cuts a row too large on its own into column segments', () => {
    const row = Array.from({ length: 5 }, (_, i) => `${i}`.repeat(100));
    const pieces = splitBlock({ row: 7, col: 1, values: [row] }, 250);
    expect(pieces.map((piece) => [piece.row, piece.col, piece.values[0]?.length])).toEqual([
      [7, 1, 2], [7, 3, 2], [7, 5, 1],
    ]);
  });
});

describe('batchBySize', () => {
  it('groups items in order under the budget and sends an oversized item alone', () => {
    const items = [3, 3, 3, 9, 1, 1].map((bytes) => ({ bytes }));
    expect(batchBySize(items, 7).map((batch) => batch.map((item) => item.bytes))).toEqual([[3, 3], [3], [9], [1, 1]]);
  });
});

describe('rowsPerRead', () => {
  it('reads 200,000 cells a time until the bytes per row say less', () => {
    expect(rowsPerRead(15, null)).toBe(13_333);
    expect(rowsPerRead(15, 1_000)).toBe(4_000);
    expect(rowsPerRead(1, 10_000_000)).toBe(1);
  });
});

describe('splitBlock, measured', () => {
  it('keeps every piece, brackets and commas included, within the budget', () => {
    const values = Array.from({ length: 2_000 }, (_, r) => [`Dòng ${r} "trích dẫn"`, r, r % 2 === 0]);
    for (const budget of [1_000, 10_000, 100_000]) {
      const pieces = splitBlock({ row: 0, col: 0, values }, budget);
      expect(pieces.every((piece) => Buffer.byteLength(JSON.stringify(piece.values)) <= budget)).toBe(true);
      expect(pieces.every((piece) => jsonBytes(piece.values) <= budget)).toBe(true);
    }
    const wide = [Array.from({ length: 50 }, (_, c) => 'ư'.repeat(c + 10))];
    const pieces = splitBlock({ row: 0, col: 0, values: wide }, 300);
    expect(pieces.every((piece) => Buffer.byteLength(JSON.stringify(piece.values)) <= 300)).toBe(true);
  });
});
