import { describe, expect, it } from 'vitest';
import { readTable } from '../../../addin/sheet/read-table.ts';
import { validateTable } from '../../../addin/sheet/validate-table.ts';
import { grid } from './grids.ts';

describe('the sheet’s quick check of the score’s parts', () => {
  it('accepts the 20 + 80 of haiphong-2025 that the service accepts, and still names a part above 100', () => {
    const g = grid([
      ['Mã CB', 'Họ và tên', 'Đơn vị', 'Điểm tiêu chí chung', 'Điểm kết quả thực hiện nhiệm vụ', 'Điểm đánh giá'],
      ['CB01', 'Phạm Thị Một', 'Phòng Tổ chức', 18, 78, ''],
      ['CB02', 'Phạm Thị Hai', 'Phòng Tổ chức', 10, 101, ''],
    ], 'T02-2026');
    const { valid, issues } = validateTable(readTable(g, { kind: 'person' }));
    expect(valid.map((r) => [r.key, r.value.score])).toEqual([['CB01', 96]]);
    expect(issues.map((i) => i.message)).toEqual(['E3: Điểm kết quả thực hiện nhiệm vụ phải từ 0 đến 100']);
  });
});
