import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changedRows,
  matchRoster,
  parseCellAddress,
  planCodeColumn,
  planWriteBack,
  readTable,
  validateTable,
} from '../../../addin/sheet/index.ts';
import type { CellValue, SheetGrid, SheetKind } from '../../../addin/sheet/types.ts';
import { FAMILIAR_HEADER } from './grids.ts';

const headerText = fc.constantFrom(
  ...FAMILIAR_HEADER,
  'Họ tên',
  'Tổng điểm',
  'Tự chấm',
  'Điểm',
  'Đánh giá',
  'Tháng',
  'Xếp loại',
  'Trạng thái đồng bộ',
  'Tiêu chí chung',
  'Kết quả thực hiện nhiệm vụ',
  'Ngày tuyển dụng',
  'Giới tính',
  'Số điện thoại',
);

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: headerText },
  { weight: 2, arbitrary: fc.double({ min: -50, max: 150, noNaN: true }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 60_000 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'CB001',
      'CB002',
      'Lò Văn Long',
      'Khoa Xây dựng Đảng',
      '85,5',
      '',
      '  ',
      '10/2021',
      'Tổng cộng',
      'khiển trách',
      'Hä vµ tªn',
      'Hoï vaø teân',
      'Họ và tên'.normalize('NFD'),
      '(1)',
      'x',
      'I. BAN GIÁM HIỆU',
      '2. Khoa Lý luận cơ sở',
      'Phòng Đào tạo',
      'II',
      'Cộng',
      'HIỆU TRƯỞNG',
      'Sơn La, ngày 31 tháng 10 năm 2021',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.boolean() },
);

const sheet: fc.Arbitrary<SheetGrid> = fc.record({
  name: fc.constantFrom('T10-2021', 'Sheet1', 'Tháng 3-2022', ''),
  values: fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 25 }),
  top: fc.nat(20),
  left: fc.nat(30),
  merges: fc.array(
    fc.record({ row: fc.nat(45), col: fc.nat(42), rows: fc.integer({ min: 1, max: 4 }), cols: fc.integer({ min: 1, max: 4 }) }),
    { maxLength: 6 },
  ),
});

describe('any grid', () => {
  it('never throws, and every issue names a cell or a field', () => {
    fc.assert(
      fc.property(sheet, fc.constantFrom<SheetKind>('person', 'unit'), (grid, kind) => {
        const table = readTable(grid, { kind, units: ['Khoa Lý luận cơ sở'] });
        const { valid, issues } = validateTable(table);
        // A heading is never a row; the rows stay in sheet order.
        const headings = new Set((table.sections ?? []).map((s) => s.row));
        expect(table.rows.filter((r) => headings.has(r.row))).toEqual([]);
        expect(table.rows.map((r) => r.row)).toEqual([...table.rows.map((r) => r.row)].sort((a, b) => a - b));
        const roster = matchRoster(table.rows, [{ code: 'CB001', name: 'Lò Văn Long', unit: 'Khoa Xây dựng Đảng' }], table.header);
        for (const issue of [...issues, ...roster.issues]) {
          expect(issue.cell !== null || issue.field !== null, issue.message).toBe(true);
          if (issue.cell !== null) expect(parseCellAddress(issue.cell)).not.toBeNull();
          expect(issue.message.length).toBeGreaterThan(0);
        }
        changedRows(valid, { period: null, kind, mapping: {}, rows: {}, pending: [] });
        const plan = planWriteBack(table, [], [], issues);
        const typed = new Set([...Object.values(table.header.fields), ...table.header.unknown.map((u) => u.col)]);
        for (const block of plan.blocks) {
          const width = block.values[0]!.length;
          for (const row of block.values) expect(row).toHaveLength(width);
          for (let k = 0; k < width; k++) expect(typed.has(block.col + k)).toBe(false);
        }
        planCodeColumn(table, roster.matches);
      }),
      { numRuns: 300 },
    );
  });
});
