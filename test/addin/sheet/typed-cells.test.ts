import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../addin/sheet/read-table.ts';
import { currentComputed, levelOfText, rowPrint, sameMeaning, type Ownership } from '../../../addin/sheet/typed-cells.ts';
import type { CellValue, SheetGrid, WriteBlock } from '../../../addin/sheet/types.ts';
import { planWriteBack } from '../../../addin/sheet/write-plan.ts';
import type { ComputedPerson, QuotaFacts } from '../../../server/contract/results.ts';
import { FAMILIAR_HEADER, personRow, TITLE_ROWS } from './grids.ts';

const COMPUTED_HEADER = ['Xếp loại', 'Hạng trong đơn vị', 'Hạng toàn trường', 'Giải thích', 'Trạng thái đồng bộ'];
/** Columns K–O (10–14) hold the computed columns; the header is on row 5 (index 4). */
const FIRST = 5;

/** The familiar sheet with the five computed columns present; `typed` fills some cells (row index → values). */
function sheet(count: number, typed: Record<number, CellValue[]> = {}): SheetGrid {
  const values: CellValue[][] = [...TITLE_ROWS.map((r) => [...r]), [...FAMILIAR_HEADER, ...COMPUTED_HEADER]];
  for (let i = 0; i < count; i++) values.push([...personRow(i), ...(typed[i] ?? [null, null, null, null, null])]);
  return { name: 'T10-2021', values, top: 0, left: 0 };
}

const QUOTA: QuotaFacts = {
  group: 'Giảng viên',
  unit: null,
  dutyGroup: 'Giảng viên',
  rate: 20,
  denominator: 'htt-only',
  candidates: 13,
  allowed: 2,
  used: 2,
  tieCodes: [],
};

function computed(code: string, name: string, unit: string, extra: Partial<ComputedPerson> = {}): ComputedPerson {
  return {
    code,
    name,
    unit,
    dutyGroup: 'Giảng viên',
    score: 91,
    selfScore: null,
    level: 'HTT',
    label: 'Hoàn thành tốt nhiệm vụ',
    levelBeforeQuota: 'HTXS',
    rankInUnit: 3,
    rankInOrg: 4,
    reasons: ['Điểm 91 (≥ 90): Hoàn thành xuất sắc nhiệm vụ', 'Vượt tỷ lệ HTXS (2/13) → Hoàn thành tốt nhiệm vụ: …'],
    tieAtQuota: false,
    version: 1,
    updatedAt: '2021-11-01T00:00:00Z',
    quotaGroup: 'Giảng viên',
    ...extra,
  };
}

const nobodyWrote: Ownership = { written: {}, syncedBefore: () => false };

function answersFor(g: SheetGrid) {
  const table = readTable(g, { kind: 'person' });
  return { table, rows: table.rows.map((r) => computed(String(r.input.code), String(r.input.name), String(r.input.unit))) };
}

/** The value each block writes at a cell, or undefined when no block writes it. */
function writtenAt(blocks: readonly WriteBlock[], row: number, col: number): CellValue | undefined {
  for (const b of blocks) {
    const line = b.values[row - b.row];
    if (line && col >= b.col && col < b.col + line.length) return line[col - b.col];
  }
  return undefined;
}

describe('cells someone typed in a computed column', () => {
  it('keeps a typed HTXS the quota does not give, names it with the group\'s count, and writes the rest of the row', () => {
    const g = sheet(3, { 1: ['HTXS', null, null, null, null] });
    const { table, rows } = answersFor(g);
    const plan = planWriteBack(table, rows, [], [], [], { current: currentComputed(g, table), ownership: nobodyWrote, quotas: [QUOTA] });
    expect(plan.typed).toHaveLength(1);
    expect(plan.typed[0]).toMatchObject({ cell: 'K7', typed: 'HTXS', computed: 'Hoàn thành tốt nhiệm vụ', key: 'CB00002' });
    expect(plan.typed[0]!.message).toBe(
      'K7: Hội đồng ghi HTXS cho Trần Văn Long 2, tính được HTT — nhóm Giảng viên đã đủ 2 HTXS trên 13 người; ' +
        'muốn xếp HTXS, Hội đồng dùng "Xét HTXS" (trong số suất của nhóm) rồi bấm Làm mới',
    );
    // K7 is not written; its row's other computed cells and the other rows are.
    expect(writtenAt(plan.blocks, FIRST + 1, 10)).toBeUndefined();
    expect(writtenAt(plan.blocks, FIRST + 1, 11)).toBe(3);
    expect(writtenAt(plan.blocks, FIRST + 1, 14)).toBe('Đã đồng bộ (phiên bản 1)');
    expect(writtenAt(plan.blocks, FIRST, 10)).toBe('Hoàn thành tốt nhiệm vụ');
    expect(writtenAt(plan.blocks, FIRST + 2, 10)).toBe('Hoàn thành tốt nhiệm vụ');
  });

  it('writes over typed cells when the user confirmed, and lists none', () => {
    const g = sheet(2, { 0: ['HTXS', 9, null, 'Hội đồng họp ngày 30', null] });
    const { table, rows } = answersFor(g);
    const plan = planWriteBack(table, rows, [], [], [], {
      current: currentComputed(g, table),
      ownership: nobodyWrote,
      overwriteTyped: true,
    });
    expect(plan.typed).toEqual([]);
    expect(writtenAt(plan.blocks, FIRST, 10)).toBe('Hoàn thành tốt nhiệm vụ');
    expect(writtenAt(plan.blocks, FIRST, 13)).toBe(rows[0]!.reasons.join('; '));
  });

  it('refreshes freely the cells that still hold what the add-in wrote, and keeps the one edited since', () => {
    const g0 = sheet(2);
    const first = answersFor(g0);
    const plan0 = planWriteBack(first.table, first.rows, [], [], [], { current: currentComputed(g0, first.table), ownership: nobodyWrote });
    expect(plan0.typed).toEqual([]);
    // What the first write left in the sheet; then someone overwrites one explanation by hand.
    const line = (i: number) => [10, 11, 12, 13, 14].map((c) => writtenAt(plan0.blocks, FIRST + i, c) ?? null);
    const g1 = sheet(2, { 0: line(0), 1: [...line(1).slice(0, 3), 'Giữ HTXS theo biên bản', line(1)[4]!] });
    const second = readTable(g1, { kind: 'person' });
    const moved = second.rows.map((r, i) => computed(String(r.input.code), String(r.input.name), String(r.input.unit), { rankInOrg: 9 - i }));
    const ownership: Ownership = { written: plan0.written, syncedBefore: () => false };
    const plan1 = planWriteBack(second, moved, [], [], [], { current: currentComputed(g1, second), ownership });
    expect(plan1.typed.map((t) => t.cell)).toEqual(['N7']);
    expect(plan1.typed[0]!.message).toMatch(/^N7: cột Giải thích ghi "Giữ HTXS theo biên bản" cho Trần Văn Long 2, tính được "Điểm 91/);
    // The ranks the add-in wrote change with the others' pushes: refreshed without asking.
    expect(writtenAt(plan1.blocks, FIRST, 12)).toBe(9);
    expect(writtenAt(plan1.blocks, FIRST + 1, 12)).toBe(8);
    expect(writtenAt(plan1.blocks, FIRST + 1, 13)).toBeUndefined();
  });

  it('keeps silently a typed level that says the computed one in other words, and a cell with nothing to compare', () => {
    const g = sheet(2, { 0: ['HTT', null, null, null, null], 1: ['HTXS', null, null, null, null] });
    const table = readTable(g, { kind: 'person' });
    const rows = [computed('CB00001', 'Nguyễn Văn Long 1', 'Ban Giám hiệu')];
    const plan = planWriteBack(table, rows, [], [], [], { current: currentComputed(g, table), ownership: nobodyWrote });
    expect(plan.typed).toEqual([]);
    expect(plan.uncompared.map((t) => t.cell)).toEqual(['K7']);
    expect(writtenAt(plan.blocks, FIRST, 10)).toBeUndefined();
    expect(writtenAt(plan.blocks, FIRST + 1, 10)).toBeUndefined();
  });

  it('treats the computed cells of rows synced before fingerprints were kept as the add-in\'s', () => {
    const g = sheet(1, { 0: ['Hoàn thành xuất sắc nhiệm vụ', 1, 1, 'cũ', 'Đã đồng bộ (phiên bản 1)'] });
    const { table, rows } = answersFor(g);
    const plan = planWriteBack(table, rows, [], [], [], {
      current: currentComputed(g, table),
      ownership: { written: {}, syncedBefore: (key) => key === 'CB00001' },
    });
    expect(plan.typed).toEqual([]);
    expect(writtenAt(plan.blocks, FIRST, 10)).toBe('Hoàn thành tốt nhiệm vụ');
  });

  it('reads a level however it is written, and compares numbers as numbers', () => {
    expect(levelOfText('HTXS')).toBe('HTXS');
    expect(levelOfText('hoàn thành tốt nhiệm vụ.')).toBe('HTT');
    expect(levelOfText('Hoàn thành xuất sắc')).toBe('HTXS');
    expect(levelOfText('Giỏi')).toBeNull();
    expect(sameMeaning('classification', 'HT', 'Hoàn thành nhiệm vụ')).toBe(true);
    expect(sameMeaning('classification', 'HT', 'Hoàn thành tốt nhiệm vụ')).toBe(false);
    expect(sameMeaning('rankInOrg', '3', 3)).toBe(true);
    expect(sameMeaning('rankInOrg', 4, 3)).toBe(false);
  });

  it('fingerprints a row without its status, so a new status never makes a cell the user\'s', () => {
    const a = rowPrint('person', ['Hoàn thành tốt nhiệm vụ', 1, 2, 'x', 'Đã đồng bộ (phiên bản 1)']);
    const b = rowPrint('person', ['Hoàn thành tốt nhiệm vụ', 1, 2, 'x', 'Đã đồng bộ (phiên bản 9)']);
    expect(a).toBe(b);
    expect(a.split(',')).toHaveLength(5);
    expect(rowPrint('person', ['Hoàn thành tốt nhiệm vụ', 1, 3, 'x', ''])).not.toBe(a);
  });
});

describe('a write plan around typed cells', () => {
  it('writes every computed cell but the typed ones that differ, whatever rows and columns they fall on', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.tuple(fc.nat(11), fc.integer({ min: 0, max: 3 }), fc.constantFrom('HTXS', 'HT', 7, 'tự ghi', 'HTT')), { maxLength: 20 }),
        fc.boolean(),
        (count, typedCells, gap) => {
          const typed: Record<number, CellValue[]> = {};
          for (const [i, k, v] of typedCells) if (i < count) (typed[i] ??= [null, null, null, null, null])[k] = v;
          const g = sheet(count, typed);
          // A blank line inside the table splits it into two runs of rows.
          if (gap && count > 2) g.values.splice(FIRST + 1, 0, []);
          const { table, rows } = answersFor(g);
          const plan = planWriteBack(table, rows, [], [], [], { current: currentComputed(g, table), ownership: nobodyWrote });
          const keptCells = new Set([...plan.typed, ...plan.uncompared].map((t) => t.cell));
          table.rows.forEach((row, i) => {
            const now = currentComputed(g, table)(i)!;
            for (let k = 0; k < 5; k++) {
              const at = writtenAt(plan.blocks, row.row, 10 + k);
              const mine = now[k] === null || now[k] === undefined;
              const same = k === 0 && now[k] === 'HTT';
              if (k === 4 || mine) expect(at).not.toBeUndefined();
              else {
                expect(at).toBeUndefined();
                expect(keptCells.has(`${String.fromCharCode(75 + k)}${row.row + 1}`)).toBe(!same);
              }
            }
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
