import { describe, expect, it } from 'vitest';
import { monthSheet, rosterFromRows } from '../../../addin/sheet/month-sheet.ts';
import { readTable } from '../../../addin/sheet/read-table.ts';
import type { RosterEntry } from '../../../addin/sheet/roster.ts';
import { validateTable } from '../../../addin/sheet/validate-table.ts';
import { familiarGrid } from './grids.ts';

const roster: RosterEntry[] = [
  { code: 'CB003', name: 'Vì Văn Thắng', unit: 'Khoa Xây dựng Đảng', dutyGroup: 'Lãnh đạo', title: 'Trưởng khoa' },
  { code: 'CB001', name: 'Đỗ Đức Hùng', unit: 'Ban Giám hiệu', dutyGroup: 'Lãnh đạo', title: 'Hiệu trưởng' },
  { code: 'CB002', name: 'Bùi Thu Hương', unit: 'Khoa Xây dựng Đảng', dutyGroup: 'Giảng viên' },
];

describe('monthSheet', () => {
  it('lays out a new month in the familiar layout, sorted by unit then name', () => {
    const sheet = monthSheet(roster, '2021-11');
    expect(sheet.name).toBe('T11-2021');
    expect(sheet.values[0]![0]).toBe('BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG CHỨC, VIÊN CHỨC THÁNG 11/2021');
    expect(sheet.headerRows).toEqual([2]);
    expect(sheet.values[2]).toEqual(['STT', 'Mã CB', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Nhóm', 'Điểm tự chấm', 'Điểm đánh giá', 'Kỷ luật', 'Ghi chú']);
    expect(sheet.values.slice(3)).toEqual([
      [1, 'CB001', 'Đỗ Đức Hùng', 'Hiệu trưởng', 'Ban Giám hiệu', 'Lãnh đạo', '', '', '', ''],
      [2, 'CB002', 'Bùi Thu Hương', '', 'Khoa Xây dựng Đảng', 'Giảng viên', '', '', '', ''],
      [3, 'CB003', 'Vì Văn Thắng', 'Trưởng khoa', 'Khoa Xây dựng Đảng', 'Lãnh đạo', '', '', '', ''],
    ]);
    expect(new Set(sheet.values.map((r) => r.length))).toEqual(new Set([10]));
    expect(sheet.columnWidths).toHaveLength(10);
  });

  it('keeps the previous sheet title rows with the new month, and reads back as a table of that month', () => {
    const previous = familiarGrid(8);
    const roster = rosterFromRows(validateTable(readTable(previous, { kind: 'person' })).valid);
    expect(roster).toHaveLength(8);
    const sheet = monthSheet(roster, '2021-11', previous);
    expect(sheet.values[0]![0]).toBe('TỈNH ỦY SƠN LA');
    expect(sheet.values[0]![5]).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(sheet.values[2]![0]).toBe('BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG CHỨC, VIÊN CHỨC THÁNG 11/2021');
    expect(sheet.headerRows).toEqual([4]);
    const table = readTable({ name: sheet.name, values: sheet.values, top: 0, left: 0 }, { kind: 'person' });
    expect(table.period).toBe('2021-11');
    expect(table.issues).toEqual([]);
    expect(table.rows.map((r) => r.key).sort()).toEqual(roster.map((r) => r.code).sort());
  });

  it('refuses a month that is not YYYY-MM', () => {
    expect(() => monthSheet(roster, '11/2021')).toThrow(/YYYY-MM/);
  });
});
