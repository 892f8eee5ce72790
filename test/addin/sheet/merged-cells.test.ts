import { describe, expect, it } from 'vitest';
import { fillMergedRows, parseArea } from '../../../addin/sheet/merged-cells.ts';
import { readTable } from '../../../addin/sheet/read-table.ts';
import { validateTable } from '../../../addin/sheet/validate-table.ts';
import type { CellValue, SheetGrid } from '../../../addin/sheet/types.ts';

const HEADER = ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Nhóm', 'Điểm đánh giá'];

/** Units written once per block of people, merged down over the block (as Excel reports: top cell only). */
function mergedUnitGrid(): SheetGrid {
  const values: CellValue[][] = [['BẢNG ĐÁNH GIÁ THÁNG 10/2021'], [], HEADER];
  const blocks = [['Ban Giám hiệu', 2], ['Khoa Lý luận cơ sở', 3], ['Phòng Đào tạo', 1]] as const;
  const merges = [];
  let n = 0;
  for (const [unit, size] of blocks) {
    merges.push({ row: values.length, col: 3, rows: size, cols: 1 });
    merges.push({ row: values.length, col: 4, rows: size, cols: 1 });
    for (let k = 0; k < size; k++) {
      n++;
      values.push([n, `Người ${n}`, 'Giảng viên', k === 0 ? unit : null, k === 0 ? 'Giảng viên' : null, 80 + n]);
    }
  }
  return { name: 'T10-2021', values, top: 0, left: 0, merges };
}

describe('merged cells', () => {
  it('reads A1 areas as Excel and exceljs write them', () => {
    expect(parseArea('E7:E9')).toEqual({ row: 6, col: 4, rows: 3, cols: 1 });
    expect(parseArea("'T10'!$A$1:$H$1")).toEqual({ row: 0, col: 0, rows: 1, cols: 8 });
    expect(parseArea('AA10')).toEqual({ row: 9, col: 26, rows: 1, cols: 1 });
    expect(parseArea('nonsense')).toBeNull();
  });

  it('gives a value merged down to every row it covers, and every merged input column alike', () => {
    const table = readTable(mergedUnitGrid(), { kind: 'person' });
    expect(table.rows.map((r) => r.input.unit)).toEqual([
      'Ban Giám hiệu', 'Ban Giám hiệu', 'Khoa Lý luận cơ sở', 'Khoa Lý luận cơ sở', 'Khoa Lý luận cơ sở', 'Phòng Đào tạo',
    ]);
    expect(table.rows.every((r) => r.input.dutyGroup === 'Giảng viên')).toBe(true);
    const checked = validateTable(table);
    expect(checked.valid).toHaveLength(6);
    expect(checked.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(new Set(checked.valid.map((r) => r.key)).size).toBe(6);
  });

  it('without the merges, the same sheet reports the blank cells by address', () => {
    const grid = { ...mergedUnitGrid(), merges: undefined };
    const checked = validateTable(readTable(grid, { kind: 'person' }));
    expect(checked.valid).toHaveLength(3);
    expect(checked.issues.map((i) => i.cell)).toContain('D5');
  });

  it('leaves the header and the grid it was given alone', () => {
    const grid = mergedUnitGrid();
    grid.merges!.push({ row: 2, col: 0, rows: 2, cols: 1 });
    const before = JSON.stringify(grid.values);
    const filled = fillMergedRows(grid, 3);
    expect(JSON.stringify(grid.values)).toBe(before);
    expect(filled[2]).toBe(grid.values[2]);
    expect(filled[4]![3]).toBe('Ban Giám hiệu');
  });
});
