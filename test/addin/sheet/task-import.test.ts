import { describe, expect, it } from 'vitest';
import { importTasks, isoDate, readCatalogue } from '../../../addin/sheet/task-import.ts';

const ROSTER = [
  { code: 'CB001', name: 'Nguyễn Văn An', unit: 'Phòng Hành chính' },
  { code: 'CB002', name: 'Nguyễn Văn An', unit: 'Phòng Tài vụ' },
  { code: 'CB003', name: 'Trần Thị Bình', unit: 'Phòng Tài vụ' },
];
const HEADER = ['Số, ký hiệu', 'Trích yếu', 'Người xử lý chính', 'Đơn vị xử lý', 'Hạn xử lý', 'Ngày xử lý xong', 'Trạng thái', 'Loại văn bản'];

describe('importTasks (an e-office export as rows of the tasks sheet)', () => {
  it('tells namesakes apart by their unit, and reports a name two people share in the same search', () => {
    const noUnit = ['Số, ký hiệu', 'Trích yếu', 'Cán bộ xử lý', 'Hạn xử lý'];
    const result = importTasks(
      [noUnit, ['1/CV', 'Công văn', 'Nguyễn Văn An', '03/10/2026'], ['2/CV', 'Công văn', 'Tran Thi Binh', '04/10/2026']],
      '2026-10',
      ROSTER,
    );
    if ('error' in result) throw new Error(result.error);
    expect(result.tasks.map((t) => t.code)).toEqual(['CB003']);
    expect(result.skipped).toEqual(['Dòng 2: có 2 người trùng tên "Nguyễn Văn An" (CB001, CB002); cần ghi Mã CB']);

    const withUnit = importTasks([HEADER, ['1/CV', 'Công văn', 'Nguyễn Văn An', 'Phòng Tài vụ', '03/10/2026']], '2026-10', ROSTER);
    if ('error' in withUnit) throw new Error(withUnit.error);
    expect(withUnit.tasks.map((t) => [t.code, t.unit])).toEqual([['CB002', 'Phòng Tài vụ']]);
  });

  it('counts a document done by its completion date or its status, takes k from the catalogue, and keeps the month\'s rows', () => {
    const catalogue = readCatalogue([['Mã loại', 'Tên loại sản phẩm', 'Hệ số quy đổi'], ['BC', 'Báo cáo', '1,5'], ['X', 'Lỗi', 20]]);
    expect([...catalogue]).toEqual([['bc', 1.5], ['bao cao', 1.5]]);
    const result = importTasks(
      [
        ['DANH SÁCH VĂN BẢN'],
        HEADER,
        ['1/BC', 'Báo cáo tháng', 'Trần Thị Bình', 'Phòng Tài vụ', '10/10/2026', '09/10/2026 08:15', 'Hoàn thành', 'Báo cáo'],
        ['2/BC', 'Báo cáo quý', 'Trần Thị Bình', 'Phòng Tài vụ', '2026-10-20', null, 'Đã xử lý', 'BC'],
        ['3/CV', 'Công văn', 'Trần Thị Bình', 'Phòng Tài vụ', '25/10/2026', null, 'Quá hạn', 'Công văn'],
        ['4/CV', 'Công văn tháng sau', 'Trần Thị Bình', 'Phòng Tài vụ', '02/11/2026', null, 'Đang xử lý', null],
        ['5/CV', '', 'Trần Thị Bình', 'Phòng Tài vụ', '05/10/2026', null, null, null],
      ],
      '2026-10',
      ROSTER,
      catalogue,
    );
    if ('error' in result) throw new Error(result.error);
    expect(result.tasks.map((t) => [t.taskRef, t.k, t.h, t.dueOn, t.doneOn])).toEqual([
      ['1/BC', 1.5, 1, '10/10/2026', '09/10/2026'],
      ['2/BC', 1.5, 1, '20/10/2026', null],
      ['3/CV', 1, 0, '25/10/2026', null],
    ]);
    expect(result.otherMonths).toBe(1);
    expect(result.skipped).toEqual(['Dòng 7: không có trích yếu (tên nhiệm vụ)']);
  });

  it('says what is missing when the export has no header it knows', () => {
    expect(importTasks([['A', 'B'], [1, 2]], '2026-10', ROSTER)).toEqual({ error: expect.stringContaining('Trích yếu') });
  });

  it('reads dates as dates, Excel serials, or dd/mm/yyyy text', () => {
    expect(isoDate(new Date(Date.UTC(2026, 9, 5)))).toBe('2026-10-05');
    expect(isoDate(46300)).toBe('2026-10-05');
    expect(isoDate('5/10/2026 10:00')).toBe('2026-10-05');
    expect(isoDate('hôm qua')).toBeNull();
  });
});
