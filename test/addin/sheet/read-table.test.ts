import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelSerialToDate, isBlank, tidyText } from '../../../addin/sheet/cell-text.ts';
import { readTable } from '../../../addin/sheet/read-table.ts';
import type { CellValue, SheetGrid, SheetKind, SheetRow } from '../../../addin/sheet/types.ts';
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

describe('the objects of a row read', () => {
  /** A row's cells and input as built key by key: its filled columns in header order, `ref` first in input. */
  function keyByKey(g: SheetGrid, header: Record<string, number>, row: number): Pick<SheetRow, 'cells' | 'input'> {
    const values = g.values[row - g.top]!;
    const cells: Record<string, CellValue> = {};
    const input: Record<string, unknown> = { ref: row + 1 };
    for (const [field, col] of Object.entries(header)) {
      const raw = values[col - g.left];
      if (raw === undefined || isBlank(raw)) continue;
      cells[field] = raw;
      if (field === 'period') continue;
      const dated = ['recruitedOn', 'recognisedOn', 'dueOn', 'doneOn', 'from', 'to', 'date', 'registeredOn', 'decidedOn'].includes(field) && typeof raw === 'number';
      input[field] = typeof raw === 'string' ? tidyText(raw) : dated ? (excelSerialToDate(raw)?.toISOString().slice(0, 10) ?? raw) : raw;
    }
    return { cells, input: input as SheetRow['input'] };
  }

  const headers: Record<SheetKind, string[]> = {
    person: [...FAMILIAR_HEADER, 'Tháng', 'Ngày tuyển dụng', 'Tiêu chí chung', 'Kết quả thực hiện nhiệm vụ', 'Giới tính'],
    unit: ['Đơn vị', 'Điểm đánh giá', 'Kỷ luật', 'Ghi chú', 'Tháng'],
    year: ['Mã CB', 'Họ và tên', 'Đơn vị', 'Ngày tuyển dụng', 'Số phiếu đồng ý', 'Tổng số phiếu', 'Ghi chú'],
    initiative: ['Mã CB', 'Họ và tên', 'Đơn vị', 'Loại', 'Tên sáng kiến/đề tài', 'Ngày công nhận'],
    student: ['Lớp', 'Mã HV', 'Họ và tên', 'Điểm trung bình', 'Rèn luyện'],
    tasks: ['Mã CB', 'Họ và tên', 'Đơn vị', 'Mã nhiệm vụ', 'Tên nhiệm vụ/sản phẩm', 'Số lượng giao', 'Hạn hoàn thành', 'Ngày hoàn thành', 'Lỗi CL'],
    movement: ['Mã', 'Tên phong trào, cuộc vận động', 'Loại', 'Cấp phát động', 'Từ ngày', 'Đến ngày', 'Mức vận động'],
    contribution: ['Mã phong trào', 'Đơn vị', 'Mã CB', 'Họ và tên', 'Hình thức', 'Số tiền (đồng)', 'Hiện vật', 'Giá trị quy đổi (đồng)', 'Ngày', 'Số chứng từ'],
    registration: ['Mã CB', 'Họ và tên', 'Đơn vị', 'Đối tượng', 'Danh hiệu đăng ký', 'Hình thức khen thưởng đăng ký', 'Ngày đăng ký'],
    pledge: ['Đơn vị', 'Nội dung giao ước', 'Chỉ tiêu', 'Đơn vị tính', 'Kế hoạch', 'Kết quả'],
    vote: ['Mã CB', 'Họ và tên', 'Đơn vị', 'Danh hiệu', 'Số thành viên Hội đồng', 'Số thành viên dự họp', 'Số phiếu đồng ý'],
    decision: ['Số quyết định', 'Ngày quyết định', 'Mã CB', 'Họ và tên', 'Đơn vị', 'Danh hiệu/Hình thức', 'Năm thành tích'],
  };
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.constantFrom('', '  ', '\u00a0', 'CB001', 'Lò Văn Long', ' Khoa  Xây dựng Đảng ', 'Họ và tên'.normalize('NFD'), '85,5', '10/2021', 'x'),
    fc.double({ min: -10, max: 120, noNaN: true }),
    fc.integer({ min: 0, max: 60_000 }),
    fc.boolean(),
    fc.string({ maxLength: 6 }),
  );
  const sheet = fc.constantFrom<SheetKind>('person', 'unit', 'year', 'initiative', 'student', 'tasks', 'registration', 'pledge', 'vote', 'decision').chain((kind) =>
    fc.record({
      kind: fc.constant(kind),
      header: fc.shuffledSubarray(headers[kind], { minLength: headers[kind].length }),
      rows: fc.array(fc.array(cell, { minLength: 3, maxLength: headers[kind].length + 1 }), { maxLength: 12 }),
      top: fc.nat(3),
      left: fc.nat(3),
    }),
  );

  it('are built as key by key: same keys in the same order, same values, whatever sheets were read before', () => {
    fc.assert(
      fc.property(fc.array(sheet, { minLength: 1, maxLength: 3 }), (sheets) => {
        for (const { kind, header, rows, top, left } of sheets) {
          const g = grid([header, ...rows], 'T10-2021', top, left);
          const table = readTable(g, { kind });
          for (const row of table.rows) {
            const expected = keyByKey(g, table.header.fields, row.row);
            expect(Object.keys(row.cells)).toEqual(Object.keys(expected.cells));
            expect(Object.keys(row.input)).toEqual(Object.keys(expected.input));
            expect(row.cells).toStrictEqual(expected.cells);
            expect(row.input).toStrictEqual(expected.input);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('are built as key by key on a sheet where rows leave hundreds of different cells blank', () => {
    const header = headers.person;
    const rows: CellValue[][] = Array.from({ length: 1500 }, (_, i) =>
      header.map((_h, k) => (k > 4 && ((i * 2654435761) >>> (k + 3)) & 1 ? null : k === 0 ? i + 1 : k < 5 ? `Ô ${i} ${k}` : 80)),
    );
    const g = grid([header, ...rows], 'T10-2021');
    const table = readTable(g, { kind: 'person' });
    expect(new Set(table.rows.map((r) => Object.keys(r.cells).join())).size).toBeGreaterThan(300);
    for (const row of table.rows) {
      const expected = keyByKey(g, table.header.fields, row.row);
      expect(Object.keys(row.input)).toEqual(Object.keys(expected.input));
      expect(row.cells).toStrictEqual(expected.cells);
      expect(row.input).toStrictEqual(expected.input);
    }
  });
});
