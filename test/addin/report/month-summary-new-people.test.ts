import { describe, expect, it } from 'vitest';
import { monthSummarySheet } from '../../../addin/report/month-summary.ts';
import { samplePeople, sampleSummary } from './summary-data.ts';

describe('the month summary sheet, people a rater added', () => {
  it('lists them flagged "mới" for the council, after the decisions', () => {
    const newPeople = [{ code: 'BX0007', name: 'Lò Thị Mới', unit: 'Khoa Dân vận' }, { code: 'CB099', name: 'Quàng Văn Hai', unit: null }];
    const { layout, values } = monthSummarySheet(sampleSummary({ newPeople }), samplePeople);
    expect(values.flat()).toContain('7. Cán bộ mới do người chấm thêm trong tháng — Hội đồng kiểm tra');
    expect(layout.newPeople.headerRow).toBeGreaterThan(layout.decisions.headerRow);
    const rows = values.slice(layout.newPeople.headerRow, layout.newPeople.headerRow + 3).map((r) => r.slice(0, 4));
    expect(rows).toEqual([
      ['Mã CB', 'Họ và tên', 'Đơn vị', 'Ghi chú'],
      ['BX0007', 'Lò Thị Mới', 'Khoa Dân vận', 'mới'],
      ['CB099', 'Quàng Văn Hai', null, 'mới'],
    ]);
  });

  it('says there is none when no one was added', () => {
    const { values } = monthSummarySheet(sampleSummary(), samplePeople);
    expect(values.flat()).toContain('Không có cán bộ mới.');
  });
});
