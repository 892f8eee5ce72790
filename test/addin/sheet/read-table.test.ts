import { describe, expect, it } from 'vitest';
import { readTable } from '../../../addin/sheet/read-table.ts';
import type { CellValue } from '../../../addin/sheet/types.ts';
import { FAMILIAR_HEADER, familiarGrid, grid, personRow } from './grids.ts';

describe('readTable', () => {
  it('passes numbers typed as text with a decimal comma to the contract as typed', () => {
    const g = familiarGrid(1);
    g.values[5]![6] = '85,5';
    g.values[5]![7] = ' 80,0 ';
    const table = readTable(g, { kind: 'person' });
    expect(table.rows[0]!.cells.selfScore).toBe('85,5');
    expect(table.rows[0]!.input.selfScore).toBe('85,5');
    expect(table.rows[0]!.input.score).toBe('80,0');
  });

  it('trims stray spaces and turns decomposed text into NFC', () => {
    const g = familiarGrid(1);
    g.values[5]![2] = '  Lò   Văn\u00a0Long '.normalize('NFD');
    g.values[5]![4] = 'Khoa Xây dựng Đảng '.normalize('NFD');
    const row = readTable(g, { kind: 'person' }).rows[0]!;
    expect(row.input.name).toBe('Lò Văn Long');
    expect(row.input.unit).toBe('Khoa Xây dựng Đảng');
    expect((row.input.name as string).length).toBe('Lò Văn Long'.normalize('NFC').length);
  });

  it('skips blank rows inside the table and stops at the footer', () => {
    const g = familiarGrid(4);
    g.values.splice(7, 0, [null, '', '  ', null], []);
    g.values.push([], ['Tổng cộng', null, null, null, null, null, 350, 320]);
    g.values.push([], [null, null, 'NGƯỜI LẬP BIỂU', null, null, null, null, 'HIỆU TRƯỞNG']);
    g.values.push([null, null, 'Nguyễn Văn A', null, null, null, null, 'Đỗ Đức Hùng']);
    const table = readTable(g, { kind: 'person' });
    expect(table.rows.map((r) => r.row)).toEqual([5, 6, 9, 10]);
    expect(table.rows.map((r) => r.key)).toEqual(['CB00001', 'CB00002', 'CB00003', 'CB00004']);
  });

  it('stops at a date line written right under the last row', () => {
    const g = familiarGrid(2);
    g.values.push([null, null, null, null, null, null, 'Sơn La, ngày 31 tháng 10 năm 2021']);
    expect(readTable(g, { kind: 'person' }).rows).toHaveLength(2);
  });

  it('keeps an incomplete row inside the table, so that its cells can be reported', () => {
    const g = familiarGrid(3);
    g.values[6] = [2, null, 'Lò Văn Long', null, null, null, null, 120];
    const table = readTable(g, { kind: 'person' });
    expect(table.rows.map((r) => r.row)).toEqual([5, 6, 7]);
    expect(table.rows[1]!.key).toBeNull();
  });

  it('skips the row of column numbers under the header', () => {
    const g = familiarGrid(2);
    g.values.splice(5, 0, FAMILIAR_HEADER.map((_, i) => `(${i + 1})`));
    const table = readTable(g, { kind: 'person' });
    expect(table.rows.map((r) => r.row)).toEqual([6, 7]);
  });

  it('keys rows by staff code, or by name and unit when there is no code', () => {
    const values: CellValue[][] = [
      ['Họ và tên', 'Đơn vị', 'Điểm đánh giá'],
      ['LÒ VĂN LONG', ' Khoa Xây dựng Đảng', 80],
    ];
    expect(readTable(grid(values), { kind: 'person' }).rows[0]!.key).toBe('lò văn long|khoa xây dựng đảng');
    const units: CellValue[][] = [['Đơn vị', 'Điểm đánh giá'], ['Khoa Xây dựng Đảng', 90]];
    expect(readTable(grid(units), { kind: 'unit' }).rows[0]!.key).toBe('khoa xây dựng đảng');
  });

  it('reads an Excel date serial in "Ngày tuyển dụng" as a day', () => {
    const values: CellValue[][] = [
      ['Mã CB', 'Họ và tên', 'Đơn vị', 'Điểm đánh giá', 'Ngày tuyển dụng'],
      ['CB001', 'Lò Văn Long', 'Khoa Xây dựng Đảng', 80, 44197],
    ];
    expect(readTable(grid(values), { kind: 'person' }).rows[0]!.input.recruitedOn).toBe('2021-01-01');
  });

  it('places the table in sheet coordinates and finds its rightmost used column', () => {
    const values: CellValue[][] = [[...FAMILIAR_HEADER], personRow(0), [...personRow(1), null, 'ghi thêm']];
    const table = readTable(grid(values, 'T10-2021', 9, 1), { kind: 'person' });
    expect(table.rows.map((r) => [r.row, r.input.ref])).toEqual([
      [10, 11],
      [11, 12],
    ]);
    expect(table.lastColumn).toBe(12);
  });

  it('reads nothing but reports the missing columns when there is no header', () => {
    const table = readTable(grid([['abc'], [1]]), { kind: 'person', periodHint: '2021-10' });
    expect(table.rows).toEqual([]);
    expect(table.period).toBe('2021-10');
    expect(table.issues.map((i) => i.field)).toEqual(['name', 'unit', 'score']);
  });
});
