import { describe, expect, it } from 'vitest';
import { readTable } from '../../../addin/sheet/index.ts';
import type { SheetGrid } from '../../../addin/sheet/types.ts';

describe('a leader\'s axes on the month\'s sheet of people (NĐ 335 Điều 15)', () => {
  it('reads Năng lực tổ chức and Tiêu chí khác của lãnh đạo, and leaves Tiêu chí chung the general score', () => {
    const grid: SheetGrid = {
      name: 'T05-2026',
      top: 0,
      left: 0,
      values: [
        ['Mã CB', 'Họ và tên', 'Đơn vị', 'Điểm tiêu chí chung', 'Năng lực tổ chức (%)', 'Tiêu chí khác của lãnh đạo (%)'],
        ['L1', 'Đinh Văn Lãnh', 'Khoa L', 27, 90, '80'],
      ],
    };
    const table = readTable(grid, { kind: 'person' });
    expect(table.header.fields).toMatchObject({ general: 3, leaderOrganisePct: 4, leaderOtherPct: 5 });
    expect(table.rows[0]!.input).toMatchObject({ code: 'L1', general: 27, leaderOrganisePct: 90, leaderOtherPct: '80' });
  });
});
