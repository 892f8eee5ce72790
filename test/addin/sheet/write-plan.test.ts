import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../addin/sheet/read-table.ts';
import type { CellValue, SheetTable, WritePlan } from '../../../addin/sheet/types.ts';
import { validateTable } from '../../../addin/sheet/validate-table.ts';
import { planWriteBack, resultsByRef, rowRanges } from '../../../addin/sheet/write-plan.ts';
import type { RowResult } from '../../../server/contract/push.ts';
import type { ComputedPerson, ComputedUnit } from '../../../server/contract/results.ts';
import { FAMILIAR_HEADER, familiarGrid, grid } from './grids.ts';

const HEADERS = ['Xếp loại', 'Hạng trong đơn vị', 'Hạng toàn trường', 'Giải thích', 'Trạng thái đồng bộ'];

function person(code: string, name: string, unit: string, rankInOrg: number, version = 2): ComputedPerson {
  return {
    code,
    name,
    unit,
    dutyGroup: null,
    score: 80,
    selfScore: null,
    level: 'HTT',
    label: 'Hoàn thành tốt nhiệm vụ',
    levelBeforeQuota: 'HTT',
    rankInUnit: 1,
    rankInOrg,
    reasons: ['Điểm 80 từ 70 trở lên', 'Không bị kỷ luật'],
    tieAtQuota: false,
    version,
    updatedAt: '2021-11-01T00:00:00Z',
    quotaGroup: null,
  };
}

function computedFor(table: SheetTable): ComputedPerson[] {
  return table.rows.map((r, i) => person(String(r.input.code), String(r.input.name), String(r.input.unit), i + 1));
}

function result(ref: number, status: RowResult['status'], extra: Partial<RowResult> = {}): RowResult {
  return { index: 0, ref, key: null, status, version: status === 'accepted' ? 7 : null, errors: [], stored: null, ...extra };
}

const columnsWritten = (plan: WritePlan) =>
  new Set(plan.blocks.flatMap((b) => b.values[0]!.map((_, k) => b.col + k)));

describe('planWriteBack', () => {
  it('writes contiguous rows and their new headers in one block', () => {
    const table = readTable(familiarGrid(6), { kind: 'person' });
    const plan = planWriteBack(table, computedFor(table), [], []);
    expect(plan.blocks).toHaveLength(1);
    expect(plan.blocks[0]).toMatchObject({ row: 4, col: 10 });
    expect(plan.blocks[0]!.values).toHaveLength(7);
    expect(plan.blocks[0]!.values[0]).toEqual(HEADERS);
    expect(plan.blocks[0]!.values[1]).toEqual([
      'Hoàn thành tốt nhiệm vụ',
      1,
      1,
      'Điểm 80 từ 70 trở lên; Không bị kỷ luật',
      'Đã đồng bộ (phiên bản 2)',
    ]);
  });

  it('writes one block per run of rows around blank rows', () => {
    const g = familiarGrid(5);
    g.values.splice(7, 0, []);
    const table = readTable(g, { kind: 'person' });
    const plan = planWriteBack(table, computedFor(table), [], []);
    expect(plan.blocks.map((b) => [b.row, b.col, b.values.length])).toEqual([
      [4, 10, 3],
      [8, 10, 3],
    ]);
  });

  it('only ever touches the five computed columns, never what people typed or unknown columns', () => {
    const values: CellValue[][] = [
      ['Ghi chú riêng', ...FAMILIAR_HEADER, 'Số điện thoại'],
      ...familiarGrid(3).values.slice(5).map((r) => ['x', ...r, '0912']),
    ];
    const table = readTable(grid(values, 'T10-2021'), { kind: 'person' });
    const plan = planWriteBack(table, computedFor(table), [], []);
    expect([...columnsWritten(plan)]).toEqual([12, 13, 14, 15, 16]);
    const typed = new Set([...Object.values(table.header.fields), ...table.header.unknown.map((u) => u.col)]);
    for (const col of columnsWritten(plan)) expect(typed.has(col)).toBe(false);
  });

  it('fills existing computed columns where they are, one block per run of adjacent columns, headers untouched', () => {
    const values: CellValue[][] = [
      ['Mã CB', 'Xếp loại', 'Họ và tên', 'Đơn vị', 'Điểm đánh giá', 'Giải thích', 'Hạng toàn trường', 'Ghi chú'],
      ['CB1', 'cũ', 'Lò Văn Long', 'Khoa Xây dựng Đảng', 80, 'cũ', 9, null],
      ['CB2', 'cũ', 'Lò Văn Sơn', 'Khoa Xây dựng Đảng', 81, 'cũ', 8, null],
    ];
    const table = readTable(grid(values, 'T10-2021'), { kind: 'person' });
    const plan = planWriteBack(table, computedFor(table), [], []);
    expect(plan.blocks.map((b) => [b.row, b.col, b.values])).toEqual([
      [1, 1, [['Hoàn thành tốt nhiệm vụ'], ['Hoàn thành tốt nhiệm vụ']]],
      [1, 5, [['Điểm 80 từ 70 trở lên; Không bị kỷ luật', 1], ['Điểm 80 từ 70 trở lên; Không bị kỷ luật', 2]]],
      [0, 8, [['Hạng trong đơn vị', 'Trạng thái đồng bộ'], [1, 'Đã đồng bộ (phiên bản 2)'], [1, 'Đã đồng bộ (phiên bản 2)']]],
    ]);
  });

  it('matches results by staff code, never by position', () => {
    const table = readTable(familiarGrid(4), { kind: 'person' });
    const computed = computedFor(table).reverse();
    const plan = planWriteBack(table, computed, [], []);
    const values = plan.blocks[0]!.values.slice(1);
    expect(values.map((v) => v[2])).toEqual([1, 2, 3, 4]);
    const missing = planWriteBack(table, computed.slice(1), [], []);
    expect(missing.blocks[0]!.values[1]).toEqual(['Hoàn thành tốt nhiệm vụ', 1, 1, 'Điểm 80 từ 70 trở lên; Không bị kỷ luật', 'Đã đồng bộ (phiên bản 2)']);
    expect(missing.blocks[0]!.values[4]).toEqual(['', '', '', '', 'Chưa đồng bộ']);
  });

  it('matches rows without a code by the code the service gave, or by name and unit', () => {
    const values: CellValue[][] = [
      ['Họ và tên', 'Đơn vị', 'Điểm đánh giá'],
      ['Lò Văn Long', 'Khoa Xây dựng Đảng', 80],
      ['LÒ VĂN SƠN', 'Khoa Xây dựng Đảng', 81],
    ];
    const table = readTable(grid(values, 'T10-2021'), { kind: 'person' });
    const computed = [person('CB9', 'Lò Văn Sơn', 'Khoa Xây dựng Đảng', 1), person('CB8', 'Lò Văn Long', 'Khoa Xây dựng Đảng', 2)];
    const plan = planWriteBack(table, computed, [result(2, 'accepted', { key: 'CB8' })], []);
    expect(plan.blocks[0]!.values.map((v) => [v[2], v[4]])).toEqual([
      ['Hạng toàn trường', 'Trạng thái đồng bộ'],
      [2, 'Đã đồng bộ (phiên bản 7)'],
      [1, 'Đã đồng bộ (phiên bản 2)'],
    ]);
  });

  it('says per row what happened: synced, refused, in conflict, bad locally, not synced', () => {
    const g = familiarGrid(6);
    g.values[9]![7] = 130; // H10, a local error
    const table = readTable(g, { kind: 'person' });
    const { issues } = validateTable(table);
    const computed = computedFor(table).slice(0, 3);
    const results = [
      result(6, 'accepted'),
      result(7, 'rejected', { errors: [{ field: 'dutyGroup', message: 'Nhóm chức danh dài quá 100 ký tự' }] }),
      result(8, 'conflict', { version: 5, stored: { score: 85, selfScore: 71.4, name: 'Nguyễn Văn 3', unit: 'khoa xây dựng đảng', note: null } }),
    ];
    const plan = planWriteBack(table, computed, results, issues, [], { unsynced: new Set(['CB00006']) });
    const status = plan.blocks[0]!.values.slice(1).map((v) => v[4]);
    expect(status).toEqual([
      'Đã đồng bộ (phiên bản 7)',
      'Lỗi: Nhóm chức danh dài quá 100 ký tự',
      'Xung đột: Điểm đánh giá đã lưu 85, bạn nhập 62,6; Họ và tên đã lưu Nguyễn Văn 3, bạn nhập Lò Văn Long 3 (phiên bản 5). Bấm Làm mới rồi Đồng bộ để gửi giá trị của bạn thay bản đã lưu, hoặc sửa ô theo bản đã lưu',
      'Chưa đồng bộ',
      'Lỗi: H10: Điểm đánh giá phải từ 0 đến 100',
      'Chưa đồng bộ (đã sửa sau lần đồng bộ trước)',
    ]);
    expect(plan.highlight).toEqual([
      { row: 6, col: 5 },
      { row: 9, col: 7 },
    ]);
  });

  it('clears the highlight of cells that are now fine, and keeps the others', () => {
    const g = familiarGrid(3);
    g.values[6]![7] = 'abc';
    const table = readTable(g, { kind: 'person' });
    const { issues } = validateTable(table);
    const previous = [
      { row: 6, col: 7 },
      { row: 5, col: 6 },
      { row: 7, col: 2 },
    ];
    const plan = planWriteBack(table, [], [], issues, previous);
    expect(plan.highlight).toEqual([{ row: 6, col: 7 }]);
    expect(plan.clearHighlight).toEqual([
      { row: 5, col: 6 },
      { row: 7, col: 2 },
    ]);
  });

  it('writes new headers in the top row of a two-row header', () => {
    const values: CellValue[][] = [
      ['Mã CB', 'Họ và tên', 'Đơn vị', 'Điểm', null],
      [null, null, null, 'Tự chấm', 'Đánh giá'],
      ['CB1', 'Lò Văn Long', 'Khoa Xây dựng Đảng', 85, 80],
    ];
    const table = readTable(grid(values, 'T10-2021'), { kind: 'person' });
    const plan = planWriteBack(table, [], [], []);
    expect(plan.blocks).toEqual([{ row: 0, col: 5, values: [HEADERS, ['', '', '', '', ''], ['', '', '', '', 'Chưa đồng bộ']] }]);
    const again = readTable(grid(values.map((row, i) => [...row, ...(plan.blocks[0]!.values[i] ?? [])]), 'T10-2021'), { kind: 'person' });
    expect(again.header.computed).toEqual({ classification: 5, rankInUnit: 6, rankInOrg: 7, explanation: 8, syncStatus: 9 });
  });

  it('matches unit rows by unit name', () => {
    const values: CellValue[][] = [['Đơn vị', 'Điểm đánh giá'], ['Khoa Xây dựng Đảng', 90], ['Phòng Tổ chức - Hành chính', 95]];
    const table = readTable(grid(values, 'T10-2021'), { kind: 'unit' });
    const unit = (name: string, rankInOrg: number): ComputedUnit => ({
      ...person('', name, name, rankInOrg),
      unit: name,
      rankInUnit: null,
      label: 'Hoàn thành xuất sắc nhiệm vụ',
    });
    const computed = [unit('PHÒNG TỔ CHỨC - HÀNH CHÍNH', 1), unit('Khoa Xây dựng Đảng', 2)].map(
      ({ code: _c, name: _n, dutyGroup: _d, ...rest }: ComputedUnit & Partial<ComputedPerson>) => rest as ComputedUnit,
    );
    const plan = planWriteBack(table, computed, [], []);
    expect(plan.blocks[0]!.values.slice(1).map((v) => [v[1], v[2]])).toEqual([
      ['', 2],
      ['', 1],
    ]);
  });
});

describe('the lookups of a write plan', () => {
  it('finds the last answer naming each row, as a Map keyed by Number(ref) would', () => {
    const ref = fc.oneof(
      fc.integer({ min: 0, max: 40 }),
      fc.constantFrom(null, -1, -0, 2.5, 1_048_577, 1_048_578, 2 ** 40, Number.NaN, '7', ' 8', '-0', '3.0', 'abc', ''),
    );
    const lookups = [...Array.from({ length: 42 }, (_, i) => i), -1, -0, 2.5, 1_048_577, 1_048_578, 2 ** 40, Number.NaN];
    fc.assert(
      fc.property(fc.array(fc.record({ ref, index: fc.nat(99) }), { maxLength: 30 }), (answers) => {
        const results = answers.map(({ ref, index }) => ({ ...result(1, 'accepted'), ref, index }) as RowResult);
        const byRef = new Map<number, RowResult>();
        for (const r of results) if (r.ref !== null) byRef.set(Number(r.ref), r);
        const find = resultsByRef(results);
        for (const n of lookups) expect(find(n)).toBe(byRef.get(n));
      }),
      { numRuns: 1000 },
    );
  });

  it('cuts rows into runs of adjacent sheet rows', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(60), { maxLength: 25 }), fc.boolean(), (numbers, sorted) => {
        const rows = (sorted ? [...numbers].sort((a, b) => a - b) : numbers).map((row) => ({ row }) as SheetTable['rows'][number]);
        const runs: number[][] = [];
        rows.forEach((r, i) => {
          const run = runs[runs.length - 1];
          if (run && rows[run[run.length - 1]!]!.row + 1 === r.row) run.push(i);
          else runs.push([i]);
        });
        expect(rowRanges(rows)).toEqual(runs.map((run) => ({ start: run[0]!, end: run[run.length - 1]! + 1 })));
      }),
      { numRuns: 500 },
    );
  });
});
