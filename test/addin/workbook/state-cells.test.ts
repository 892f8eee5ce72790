import { describe, expect, it } from 'vitest';
import { assertNoSecrets, formatDirectory, parseDirectory, splitText, stateRow } from '../../../addin/workbook/state-cells.ts';

describe('splitText', () => {
  it('cuts text into cells under the size and joins back to the same text', () => {
    const text = 'abcdefghij'.repeat(7);
    const pieces = splitText(text, 30);
    expect(pieces.map((piece) => piece.length)).toEqual([30, 30, 10]);
    expect(pieces.join('')).toBe(text);
  });

  it('never splits a surrogate pair', () => {
    const pieces = splitText('ab😀cd', 3);
    expect(pieces).toEqual(['ab', '😀c', 'd']);
  });

  it('gives no cells for empty text', () => {
    expect(splitText('')).toEqual([]);
  });
});

describe('state directory', () => {
  it('reads back what it wrote and treats damage as empty', () => {
    const directory = { keys: { 'sync:Tháng 10': [1, 3] as [number, number] } };
    expect(parseDirectory(formatDirectory(directory))).toEqual(directory);
    expect(parseDirectory('{not json')).toEqual({ keys: {} });
    expect(parseDirectory('')).toEqual({ keys: {} });
    expect(parseDirectory('{"keys":{"a":[1],"b":[2,4]}}')).toEqual({ keys: { b: [2, 4] } });
  });

  it('gives a new key the row below the last one, after the directory row', () => {
    expect(stateRow({ keys: {} }, 'a')).toBe(1);
    expect(stateRow({ keys: { a: [1, 1], b: [4, 2] } }, 'c')).toBe(5);
    expect(stateRow({ keys: { a: [1, 1], b: [4, 2] } }, 'a')).toBe(1);
  });
});

describe('assertNoSecrets', () => {
  it('refuses a token or password anywhere in the state', () => {
    expect(() => assertNoSecrets({ server: 'https://x', token: 'abc' })).toThrow(/khóa truy cập/);
    expect(() => assertNoSecrets({ auth: [{ apiKey: 'k' }] })).toThrow(/state\.auth\[0\]\.apiKey/);
    expect(() => assertNoSecrets({ password: 'p' })).toThrow();
  });

  it('lets ordinary sync state through', () => {
    expect(() => assertNoSecrets({ period: '2021-10', rows: { token: { hash: 'h', version: 1 } } })).not.toThrow();
  });
});
