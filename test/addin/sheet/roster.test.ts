import { describe, expect, it } from 'vitest';
import { readTable } from '../../../addin/sheet/read-table.ts';
import { matchRoster, planCodeColumn, withRosterCodes, type RosterEntry } from '../../../addin/sheet/roster.ts';
import { validateTable } from '../../../addin/sheet/validate-table.ts';
import { planWriteBack } from '../../../addin/sheet/write-plan.ts';
import type { CellValue } from '../../../addin/sheet/types.ts';
import { grid } from './grids.ts';

const roster: RosterEntry[] = [
  { code: 'CB001', name: 'Lò Văn Long', unit: 'Khoa Xây dựng Đảng' },
  { code: 'CB002', name: 'Cầm Thu Hương', unit: 'Khoa Lý luận cơ sở' },
  { code: 'CB003', name: 'Hà Minh Toàn', unit: 'Phòng Tổ chức - Hành chính' },
  { code: 'CB004', name: 'Hà Minh Toàn', unit: 'Phòng Tổ chức - Hành chính' },
];

const values: CellValue[][] = [
  ['TRƯỜNG CHÍNH TRỊ TỈNH SƠN LA'],
  ['STT', 'Họ và tên', 'Đơn vị', 'Điểm đánh giá', 'Ghi chú'],
  [1, 'LÒ VĂN LONG', 'khoa xây dựng đảng', 80, null],
  [2, 'Cam Thu Huong'.normalize('NFD'), 'Khoa Ly luan co so', 85, null],
  [3, 'Hà Minh Toàn', 'Phòng Tổ chức - Hành chính', 90, null],
  [],
  [4, 'Vì Văn Mới', 'Khoa Xây dựng Đảng', 75, 'mới chuyển đến'],
];

describe('matchRoster', () => {
  const table = readTable(grid(values, 'T10-2021'), { kind: 'person' });
  const { matches, issues } = matchRoster(table.rows, roster, table.header);

  it('gives the code of the one person with that name and unit, whatever the keyboard, case or diacritics', () => {
    expect(matches.slice(0, 2)).toEqual([
      { row: 2, status: 'matched', code: 'CB001', candidates: ['CB001'] },
      { row: 3, status: 'matched', code: 'CB002', candidates: ['CB002'] },
    ]);
  });

  it('never guesses between two people of the same name', () => {
    expect(matches[2]).toEqual({ row: 4, status: 'ambiguous', code: null, candidates: ['CB003', 'CB004'] });
    expect(issues[0]).toEqual({
      cell: 'B5',
      row: 4,
      field: 'name',
      message: 'B5: Trùng tên Hà Minh Toàn (Phòng Tổ chức - Hành chính) với 2 người trong danh sách (CB003, CB004), cần thêm cột Mã CB',
      severity: 'error',
      refs: [{ row: 4, col: 1 }],
    });
  });

  it('reports a person not in the roster, whose row can still be sent', () => {
    expect(matches[3]).toEqual({ row: 6, status: 'unknown', code: null, candidates: [] });
    expect(issues[1]).toMatchObject({
      cell: 'B7',
      severity: 'warning',
      message: 'B7: Không tìm thấy Vì Văn Mới (Khoa Xây dựng Đảng) trong danh sách cán bộ; dòng vẫn được gửi và hệ thống sẽ tạo người mới',
    });
  });

  it('plans a "Mã CB" column right of the table, filled from the roster in one block', () => {
    const plan = planCodeColumn(table, matches);
    expect(plan.blocks).toEqual([
      { row: 1, col: 5, values: [['Mã CB'], ['CB001'], ['CB002'], [''], [''], ['']] },
    ]);
    expect(plan.highlight).toEqual([]);
  });

  it('puts the codes into the rows, and holds back the ambiguous one with its reason', () => {
    const coded = withRosterCodes(table, { matches, issues });
    const { valid } = validateTable(coded);
    expect(valid.map((r) => [r.row, r.key, r.input.code])).toEqual([
      [2, 'CB001', 'CB001'],
      [3, 'CB002', 'CB002'],
      [6, 'vì văn mới|khoa xây dựng đảng', undefined],
    ]);
    const plan = planWriteBack(coded, [], [], validateTable(coded).issues);
    expect(plan.blocks.flatMap((b) => b.values.map((v) => v[4]))).toContain(
      'Lỗi: B5: Trùng tên Hà Minh Toàn (Phòng Tổ chức - Hành chính) với 2 người trong danh sách (CB003, CB004), cần thêm cột Mã CB',
    );
    expect(table.rows[0]!.input.code).toBeUndefined();
  });

  it('plans nothing when the sheet has a code column', () => {
    const withCodes = readTable(grid([['Mã CB', 'Họ và tên', 'Đơn vị', 'Điểm đánh giá'], ['CB001', 'Lò Văn Long', 'Khoa Xây dựng Đảng', 80]]), { kind: 'person' });
    expect(matchRoster(withCodes.rows, roster).matches).toEqual([]);
    expect(planCodeColumn(withCodes, []).blocks).toEqual([]);
  });
});
