import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedRows, markPending, nextSyncState } from '../../../addin/sheet/changes.ts';
import { shapeOf } from '../../../addin/sheet/contract-check.ts';
import { readTable } from '../../../addin/sheet/read-table.ts';
import { hash53, rowHash } from '../../../addin/sheet/row-hash.ts';
import { SHEET_KINDS, SHEET_KIND_IDS } from '../../../addin/sheet/kinds/index.ts';
import type { CellValue, SheetGrid, SyncState } from '../../../addin/sheet/types.ts';
import { validateTable } from '../../../addin/sheet/validate-table.ts';
import type { RowResult } from '../../../server/contract/push.ts';
import { familiarGrid } from './grids.ts';

const HEADER_ROWS = 5;

function hashesByKey(g: SheetGrid): Map<string, string> {
  const { valid } = validateTable(readTable(g, { kind: 'person' }));
  return new Map(valid.map((r) => [r.key, rowHash(r.value)]));
}

function withRows(g: SheetGrid, rows: CellValue[][]): SheetGrid {
  return { ...g, values: [...g.values.slice(0, HEADER_ROWS), ...rows] };
}

const emptyState = (): SyncState => ({ period: '2021-10', kind: 'person', mapping: {}, rows: {}, pending: [] });

function result(ref: number, key: string, status: RowResult['status'], version: number | null): RowResult {
  return { index: 0, ref, key, status, version, errors: [], stored: null };
}

describe('row hashes', () => {
  const g = familiarGrid(12);
  const data = g.values.slice(HEADER_ROWS);
  const before = hashesByKey(g);

  it('are stable and short', () => {
    expect(hash53('Bình Xét')).toBe(hash53('Bình Xét'));
    expect(hash53('Bình Xét')).not.toBe(hash53('Bình Xet'));
    expect(hash53('a')).toMatch(/^[0-9a-f]{14}$/);
  });

  it('survive sorting and filtering the rows', () => {
    const sorted = withRows(g, [...data].sort((a, b) => String(a[2]).localeCompare(String(b[2]), 'vi')));
    expect(hashesByKey(sorted)).toEqual(before);
    const filtered = hashesByKey(withRows(g, data.filter((_, i) => i % 2 === 0)));
    for (const [key, hash] of filtered) expect(before.get(key)).toBe(hash);
  });

  it('survive moved columns and inserted rows and columns', () => {
    const order = [9, 7, 0, 4, 2, 1, 8, 6, 3, 5];
    const moved: SheetGrid = {
      ...g,
      values: [
        ...g.values.slice(0, 4),
        ...g.values.slice(4).map((row) => [...order.map((i) => row[i] ?? null), 'cột mới']),
      ],
    };
    expect(hashesByKey(moved)).toEqual(before);
    const inserted = withRows(g, [data[0]!, [], [99, 'CB09999', 'Người Mới', null, 'Khoa Xây dựng Đảng', null, 80, 80], ...data.slice(1)]);
    const after = hashesByKey(inserted);
    for (const [key, hash] of before) expect(after.get(key)).toBe(hash);
    expect(after.size).toBe(before.size + 1);
  });

  it('change when a value changes, not when only its form does ("85,5" is 85.5)', () => {
    const changed = familiarGrid(12);
    changed.values[5]![7] = 61;
    changed.values[6]![6] = String(changed.values[6]![6]).replace('.', ',');
    const after = hashesByKey(changed);
    expect(after.get('CB00001')).not.toBe(before.get('CB00001'));
    expect(after.get('CB00002')).toBe(before.get('CB00002'));
  });
});

describe('row hashes as kept in the sync state', () => {
  // Fields a row's hash reads, as row-hash.ts defines them: every contract field but its origin and base version.
  const hashed = (keys: string[]) => [...new Set(keys)].filter((k) => k !== 'ref' && k !== 'baseVersion').sort();
  const kindFields = (kind: (typeof SHEET_KIND_IDS)[number]) => hashed(Object.keys(shapeOf(SHEET_KINDS[kind].schema)));
  const allFields = hashed(SHEET_KIND_IDS.flatMap((kind) => Object.keys(shapeOf(SHEET_KINDS[kind].schema))));

  /** The definition the hash keeps: one text of every filled field, in name order, hashed whole. */
  function definedHash(value: Record<string, unknown>, fields: readonly string[]): string {
    let text = '';
    for (const key of fields) {
      const v = value[key];
      if (v === undefined || v === null) continue;
      if (typeof v === 'string') text += `${key}\u0001s${v}\u0002`;
      else text += `${key}\u0001${typeof v === 'number' ? 'n' : 'o'}${typeof v === 'object' ? JSON.stringify(v) : String(v)}\u0002`;
    }
    return hash53(text);
  }

  it('stay what earlier versions stored', () => {
    const { valid } = validateTable(readTable(familiarGrid(3), { kind: 'person' }));
    expect(valid.map((r) => rowHash(r.value, 'person'))).toEqual(['13a335f238982e', '1d3380b0267502', '03d624c5af3e7d']);
    expect(valid.map((r) => rowHash(r.value))).toEqual(['13a335f238982e', '1d3380b0267502', '03d624c5af3e7d']);
    expect([hash53('Bình Xét'), hash53(''), hash53('a', 7)]).toEqual(['1c7a46bc59dd1f', '0bdcb81aee8d83', '0766340f251d09']);
    expect(rowHash({ name: 'Lò Văn Long', score: 85.5, allTasksDone: true, note: null, x: [1, 'a'] })).toBe('1c579398431d41');
    expect(rowHash({ name: 'Lò Văn Long', score: 85.5, allTasksDone: true, priorTitles: { a: 1 } }, 'year')).toBe('0750f073485c87');
  });

  const value = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 6 }),
    fc.double(),
    fc.integer({ min: -1000, max: 1000 }),
    fc.constantFrom(0, -0, 85.5, 0.1 + 0.2, 1e21, 1e-7, Number.NaN, Number.POSITIVE_INFINITY),
    fc.boolean(),
    fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
    fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 3 })), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
  );
  const row = fc.dictionary(fc.constantFrom(...allFields, 'ref', 'baseVersion', 'other'), value, { maxKeys: 12 });

  it('equal the hash of their defining text, for any values of any kind', () => {
    fc.assert(
      fc.property(row, fc.constantFrom(...SHEET_KIND_IDS), (v, kind) => {
        expect(rowHash(v)).toBe(definedHash(v, allFields));
        const own = Object.fromEntries(Object.entries(v).filter(([k]) => kindFields(kind).includes(k)));
        expect(rowHash(own, kind)).toBe(definedHash(own, kindFields(kind)));
        expect(rowHash(own, kind)).toBe(rowHash(own));
      }),
      { numRuns: 3000 },
    );
  });

  it('stay the same past the numbers whose text is kept', () => {
    const scores = Array.from({ length: 6000 }, (_, i) => i / 7);
    for (const score of scores) expect(rowHash({ score }, 'person')).toBe(definedHash({ score }, ['score']));
    for (const score of scores.slice(0, 50)) expect(rowHash({ score }, 'person')).toBe(definedHash({ score }, ['score']));
  });
});

describe('changedRows and nextSyncState', () => {
  const valid = () => validateTable(readTable(familiarGrid(3), { kind: 'person' })).valid;

  it('pushes every row the first time, without a base version', () => {
    const rows = changedRows(valid(), emptyState());
    expect(rows.map((r) => [r.key, r.ref, r.baseVersion])).toEqual([
      ['CB00001', 6, undefined],
      ['CB00002', 7, undefined],
      ['CB00003', 8, undefined],
    ]);
    expect(rows[0]!.payload).not.toHaveProperty('baseVersion');
    expect(rows[0]!.payload).toMatchObject({ ref: 6, code: 'CB00001', score: 60 });
  });

  it('pushes only rows changed since the last sync, with the version they were synced at, and pending ones', () => {
    const first = changedRows(valid(), emptyState());
    const state = nextSyncState(emptyState(), first, [
      result(6, 'CB00001', 'accepted', 1),
      result(7, 'CB00002', 'unchanged', 4),
      result(8, 'CB00003', 'accepted', 2),
    ]);
    expect(state.rows).toEqual({
      CB00001: { hash: first[0]!.hash, version: 1 },
      CB00002: { hash: first[1]!.hash, version: 4 },
      CB00003: { hash: first[2]!.hash, version: 2 },
    });
    expect(changedRows(valid(), state)).toEqual([]);

    const edited = familiarGrid(3);
    edited.values[6]![7] = 75;
    const rows = validateTable(readTable(edited, { kind: 'person' })).valid;
    const again = changedRows(rows, { ...state, pending: ['CB00003'] });
    expect(again.map((r) => [r.key, r.baseVersion])).toEqual([
      ['CB00002', 4],
      ['CB00003', 2],
    ]);
    expect(again[0]!.payload).toMatchObject({ baseVersion: 4, score: 75 });
  });

  it('keeps rejected and conflicting rows as they were, so they are sent again; unanswered rows stay pending', () => {
    const first = changedRows(valid(), emptyState());
    const synced = nextSyncState(emptyState(), first, first.map((r) => result(r.ref, r.key, 'accepted', 1)));
    const edited = familiarGrid(3);
    for (const r of [5, 6, 7]) edited.values[r]![7] = 70;
    const sent = changedRows(validateTable(readTable(edited, { kind: 'person' })).valid, synced);
    expect(sent).toHaveLength(3);
    const pendingFirst = markPending(synced, sent);
    expect(pendingFirst.pending).toEqual(['CB00001', 'CB00002', 'CB00003']);
    const next = nextSyncState(pendingFirst, sent, [result(6, 'CB00001', 'rejected', null), result(7, 'CB00002', 'conflict', 5)]);
    expect(next.rows.CB00001).toEqual(synced.rows.CB00001);
    expect(next.rows.CB00002).toEqual(synced.rows.CB00002);
    expect(next.pending).toEqual(['CB00001', 'CB00002', 'CB00003']);
    const resent = changedRows(validateTable(readTable(edited, { kind: 'person' })).valid, next);
    expect(resent.map((r) => r.key)).toEqual(['CB00001', 'CB00002', 'CB00003']);
    const done = nextSyncState(next, resent, resent.map((r) => result(String(r.ref) as unknown as number, r.key, 'accepted', 2)));
    expect(done.pending).toEqual([]);
    expect(Object.values(done.rows).map((r) => r.version)).toEqual([2, 2, 2]);
  });
});
