import { describe, expect, it } from 'vitest';
import { findHeader } from '../../../addin/sheet/find-header.ts';
import type { CellValue } from '../../../addin/sheet/types.ts';
import { FAMILIAR_HEADER, TITLE_ROWS, familiarGrid, grid, personRow } from './grids.ts';

describe('findHeader', () => {
  it('finds a header spanning two rows: a merged group title over its sub-columns', () => {
    const values: CellValue[][] = [
      ['BẢNG TỔNG HỢP ĐÁNH GIÁ THÁNG 10/2021'],
      [],
      ['STT', 'Mã CB', 'Họ và tên', 'Đơn vị', 'Điểm', null, 'Kỷ luật', 'Ghi chú'],
      [null, null, null, null, 'Tự chấm', 'Đánh giá', null, null],
      [1, 'CB001', 'Lò Văn Long', 'Khoa Xây dựng Đảng', 85, 80, null, null],
    ];
    const header = findHeader(grid(values), 'person');
    expect(header.headerRows).toEqual([2, 3]);
    expect(header.fields).toEqual({ code: 1, name: 2, unit: 3, selfScore: 4, score: 5, discipline: 6, note: 7 });
    expect(header.firstDataRow).toBe(4);
    expect(header.columns.find((c) => c.col === 5)!.text).toBe('Điểm Đánh giá');
    expect(header.missing).toEqual([]);
  });

  it('keeps a one-row header when the row below is data', () => {
    const header = findHeader(familiarGrid(3), 'person');
    expect(header.headerRows).toEqual([4]);
    expect(header.firstDataRow).toBe(5);
  });

  it('maps reordered and renamed columns by meaning', () => {
    const values: CellValue[][] = [
      ['Tổng điểm', 'Phòng/khoa', 'Số điện thoại', 'HỌ TÊN', 'Mã cán bộ', 'Điểm tự đánh giá', 'Nhóm chức danh'],
      [85, 'Khoa Xây dựng Đảng', '0912', 'Lò Văn Long', 'CB001', 90, 'Giảng viên'],
    ];
    const header = findHeader(grid(values), 'person');
    expect(header.fields).toEqual({ score: 0, unit: 1, name: 3, code: 4, selfScore: 5, dutyGroup: 6 });
    expect(header.unknown).toEqual([{ col: 2, text: 'Số điện thoại' }]);
  });

  it('reads headers typed in decomposed Unicode (NFD)', () => {
    const values: CellValue[][] = [FAMILIAR_HEADER.map((h) => h.normalize('NFD')), personRow(0)];
    const header = findHeader(grid(values), 'person');
    expect(header.fields.name).toBe(2);
    expect(header.fields.score).toBe(7);
    expect(header.fields.selfScore).toBe(6);
    expect(header.missing).toEqual([]);
  });

  it('reports the required columns it cannot find, in Vietnamese', () => {
    const values: CellValue[][] = [['STT', 'Mã CB', 'Họ và tên', 'Đơn vị', 'Ghi chú']];
    const header = findHeader(grid(values), 'person');
    expect(header.missing).toEqual(['score']);
    expect(header.issues).toEqual([
      { cell: null, row: null, field: 'score', message: 'Không tìm thấy cột Điểm đánh giá', severity: 'error' },
    ]);
    const none = findHeader(grid([['Xin chào'], [1, 2, 3]]), 'person');
    expect(none.headerRows).toEqual([]);
    expect(none.issues.map((i) => i.message)).toEqual([
      'Không tìm thấy cột Họ và tên',
      'Không tìm thấy cột Đơn vị',
      'Không tìm thấy cột Điểm đánh giá',
    ]);
  });

  it('accepts the two parts of the score instead of the score', () => {
    const values: CellValue[][] = [['Họ và tên', 'Đơn vị', 'Tiêu chí chung', 'Kết quả thực hiện nhiệm vụ']];
    expect(findHeader(grid(values), 'person').missing).toEqual([]);
  });

  it('recognises existing computed columns and never takes them as input', () => {
    const values: CellValue[][] = [[...FAMILIAR_HEADER, 'Xếp loại', 'Ghi chú 2', 'Trạng thái đồng bộ'], personRow(0)];
    const header = findHeader(grid(values), 'person');
    expect(header.computed).toEqual({ classification: 10, syncStatus: 12 });
    expect(header.unknown).toEqual([{ col: 11, text: 'Ghi chú 2' }]);
    expect(Object.values(header.fields)).not.toContain(10);
  });

  it('lets a manual mapping override the meaning of a column', () => {
    const values: CellValue[][] = [['Họ và tên', 'Đơn vị', 'Điểm thủ trưởng', 'Điểm HĐ thi đua']];
    const auto = findHeader(grid(values), 'person');
    expect(auto.fields.score).toBe(2);
    expect(auto.issues).toEqual([
      expect.objectContaining({ cell: 'D1', field: 'score', severity: 'warning' }),
    ]);
    const manual = findHeader(grid(values), 'person', { 'điểm hđ thi đua': 'score' });
    expect(manual.fields.score).toBe(3);
    expect(manual.unknown).toEqual([{ col: 2, text: 'Điểm thủ trưởng' }]);
    expect(manual.issues).toEqual([expect.objectContaining({ cell: 'C1', field: 'score' })]);
    const ignored = findHeader(grid([[...FAMILIAR_HEADER]]), 'person', { 'Ghi chú': 'ignore' });
    expect(ignored.fields.note).toBeUndefined();
  });

  it('works in sheet coordinates when the used range does not start at A1', () => {
    const values: CellValue[][] = [[...FAMILIAR_HEADER], personRow(0)];
    const header = findHeader(grid(values, 'T10-2021', 6, 2), 'person');
    expect(header.headerRows).toEqual([6]);
    expect(header.fields.code).toBe(3);
    expect(header.firstDataRow).toBe(7);
    expect(header.lastColumn).toBe(11);
  });

  it('is not fooled by a title repeated across merged cells', () => {
    const title = 'BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI THÁNG 10/2021';
    const values: CellValue[][] = [Array.from({ length: 10 }, () => title), ...TITLE_ROWS, [...FAMILIAR_HEADER]];
    expect(findHeader(grid(values), 'person').headerRows).toEqual([5]);
  });

  it('finds a unit sheet header', () => {
    const values: CellValue[][] = [['STT', 'Tên đơn vị', 'Điểm tự chấm', 'Điểm đánh giá', 'Kỷ luật']];
    const header = findHeader(grid(values), 'unit');
    expect(header.fields).toEqual({ unit: 1, selfScore: 2, score: 3, discipline: 4 });
    expect(header.missing).toEqual([]);
  });
});
