import { describe, expect, it } from 'vitest';
import { readTable, validateTable } from '../../../addin/sheet/index.ts';
import type { SheetGrid } from '../../../addin/sheet/types.ts';

describe('self-assessment columns on the month’s sheet of people (TASK-5)', () => {
  const grid: SheetGrid = {
    name: 'T04-2026',
    top: 0,
    left: 0,
    values: [
      ['Mã CB', 'Họ và tên', 'Đơn vị', 'TC I.1', 'TC I.2', 'TC II.1', 'TC II.2', 'TC II.3', 'TC II.4', 'TC III', 'Điểm tự chấm', 'Điểm trưởng đơn vị', 'Điểm đánh giá', 'Trạng thái đánh giá'],
      ['TC01', 'Lò Văn Tự', 'Phòng Đào tạo', 5, 4.5, '2,5', 2, 2.5, 2.5, 8, 90, 88, 87, 'Trưởng đơn vị'],
      ['TC02', 'Lò Thị Hai', 'Phòng Đào tạo', 6, null, null, null, 3, null, null, null, null, 80, 'Duyệt'],
    ],
  };

  it('maps each column to its field, leaving Điểm đánh giá the score', () => {
    const table = readTable(grid, { kind: 'person' });
    expect(table.header.fields).toMatchObject({
      generalI1: 3, generalI2: 4, generalII1: 5, generalII2: 6, generalII3: 7, generalII4: 8, generalIII: 9,
      selfScore: 10, headScore: 11, score: 12, assessmentStatus: 13,
    });
  });

  it('checks the parts’ maxima and the status in Vietnamese, naming the cell', () => {
    const { valid, issues } = validateTable(readTable(grid, { kind: 'person' }));
    expect(valid.map((r) => [r.key, r.value.generalII1, r.value.assessmentStatus])).toEqual([['TC01', 2.5, 'truong-don-vi']]);
    expect(issues.map((i) => i.message)).toEqual([
      'D3: TC I.1 phải từ 0 đến 5',
      'H3: TC II.3 phải từ 0 đến 2,5',
      'N3: Trạng thái đánh giá phải là một trong: Tự chấm, Trưởng đơn vị, Hội đồng, Đã chốt',
    ]);
  });
});
