import { describe, expect, it } from 'vitest';
import { importTaskExport } from '../../../../addin/actions/import-tasks.ts';
import { officeWorkbook } from '../../../../addin/workbook/office/index.ts';
import { FakeWorkbook } from '../fake-excel.ts';

const roster = {
  roster: async () => ({
    people: [
      { code: 'CB010', name: 'Nguyễn Văn Mười', unit: 'Phòng Đào tạo', dutyGroup: null, title: null },
      { code: 'CB011', name: 'Trần Thị Mười Một', unit: 'Phòng Đào tạo', dutyGroup: null, title: null },
    ],
  }),
} as unknown as Parameters<typeof importTaskExport>[0]['client'];

const exported = {
  cells: [
    ['Số, ký hiệu', 'Loại văn bản', 'Trích yếu', 'Người xử lý chính', 'Đơn vị xử lý', 'Hạn xử lý', 'Ngày hoàn thành', 'Trạng thái'],
    ['125/TTr-ĐT', 'Tờ trình', 'Tờ trình mở lớp', 'Nguyễn Văn Mười', 'Phòng Đào tạo', '20/10/2026', '18/10/2026', 'Hoàn thành'],
    ['90/CV-ĐT', 'Công văn', 'Công văn trả lời Sở', 'Trần Thị Mười Một', 'Phòng Đào tạo', '28/10/2026', '', 'Đang xử lý'],
    ['91/CV-ĐT', 'Công văn', 'Công văn gửi huyện', 'Lê Văn Lạ', 'Phòng Đào tạo', '29/10/2026', '', 'Đang xử lý'],
  ],
  catalogue: new Map([['to trinh', 1.5]]),
};

describe('Nhập nhiệm vụ in Excel (Office adapter, ExcelApi 1.1)', () => {
  it('makes the month’s tasks sheet in one Excel.run, then adds only new documents and keeps a typed cell', async () => {
    const book = new FakeWorkbook({ 'T10-2026': [['Mã CB', 'Họ và tên']] });
    book.apiVersion = 1;
    const workbook = officeWorkbook(book.host());
    const first = await importTaskExport({ workbook, client: roster }, exported, '2026-10');
    expect(first).toMatchObject({ sheet: 'Nhiệm vụ T10-2026', added: 2, kept: 0 });
    expect(first.messages).toEqual(['Dòng 4: không tìm thấy cán bộ "Lê Văn Lạ" (Phòng Đào tạo) trong danh sách; không tạo người mới, dòng không được nhập']);
    expect(book.runs).toBe(1);
    expect(['A2', 'D2', 'E2', 'H2', 'J2', 'K2', 'L2'].map((a) => book.value('Nhiệm vụ T10-2026', a))).toEqual([
      'CB010', '125/TTr-ĐT', 'Tờ trình mở lớp', 1.5, 1, '20/10/2026', '18/10/2026',
    ]);
    expect(book.value('Nhiệm vụ T10-2026', 'J3')).toBe(0);

    // The user types a failed check on the first row; the handler is added to the roster; the same export again.
    book.put('Nhiệm vụ T10-2026', 'M2', [[1]]);
    const withNewcomer = {
      cells: [...exported.cells, ['92/CV-ĐT', 'Công văn', 'Công văn mới', 'Trần Thị Mười Một', 'Phòng Đào tạo', '30/10/2026', '', '']],
      catalogue: exported.catalogue,
    };
    const second = await importTaskExport({ workbook, client: roster }, withNewcomer, '2026-10');
    expect(second).toMatchObject({ added: 1, kept: 2 });
    expect(book.runs).toBe(2);
    expect(book.value('Nhiệm vụ T10-2026', 'M2')).toBe(1);
    expect(book.value('Nhiệm vụ T10-2026', 'E4')).toBe('Công văn mới');
    expect(book.value('Nhiệm vụ T10-2026', 'A5')).toBe('');
  });

  it('refuses an export without a Trích yếu column, naming what it needs, and writes nothing', async () => {
    const book = new FakeWorkbook({ Sheet1: [['x']] });
    await expect(importTaskExport({ workbook: officeWorkbook(book.host()), client: roster }, { cells: [['A', 'B']], catalogue: new Map() }, '2026-10')).rejects.toThrow(
      'Không tìm thấy dòng tiêu đề của tệp xuất',
    );
    expect([...book.sheets.keys()]).toEqual(['Sheet1']);
  });
});
