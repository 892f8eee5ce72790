import { describe, expect, it } from 'vitest';
import { chartSource, checkChartSpec, tableChart } from '../../../addin/workbook/chart-spec.ts';
import { monthSummarySheet, monthSummarySheetName } from '../../../addin/report/month-summary.ts';
import type { CellValue } from '../../../addin/sheet/types.ts';
import { samplePeople, sampleSummary } from './summary-data.ts';

const LEVEL_HEADER = ['HTXS', 'HTT', 'HT', 'KHT', 'Không xếp loại', 'Tổng'];

function rowsOf(values: CellValue[][], from: number, count: number, width: number): CellValue[][] {
  return values.slice(from, from + count).map((row) => row.slice(0, width));
}

describe('the month summary sheet', () => {
  const sheet = monthSummarySheet(sampleSummary(), samplePeople, { generatedAt: '2021-11-03T01:02:00Z' });
  const { layout, values } = sheet;

  it('is named "Tổng hợp T<MM>-<YYYY>" and is a rectangle with a width per column', () => {
    expect(sheet.name).toBe('Tổng hợp T10-2021');
    expect(monthSummarySheetName('2022-03')).toBe('Tổng hợp T03-2022');
    const width = values[0]!.length;
    expect(values.every((row) => row.length === width)).toBe(true);
    expect(sheet.columnWidths).toHaveLength(width);
  });

  it('opens with the title, the month state, the rate and when it was made (Vietnam time)', () => {
    expect(rowsOf(values, 0, 4, 2)).toEqual([
      ['TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI THÁNG 10/2021', null],
      ['Trạng thái', 'Chưa chốt'],
      ['Tỷ lệ HTXS tối đa (%)', 20],
      ['Lập lúc', '03/11/2021 08:02'],
    ]);
    expect(sheet.headerRows).toContain(0);
  });

  it('counts people per level per unit, units in Vietnamese order, with the school total', () => {
    const t = layout.byUnit;
    expect(rowsOf(values, t.headerRow, 4, 7)).toEqual([
      ['Đơn vị', ...LEVEL_HEADER],
      ['Khoa Lý luận cơ sở', 2, 4, 0, 1, 1, 8],
      ['Phòng Đào tạo', 1, 3, 1, 0, 0, 5],
      ['Toàn trường', 3, 7, 1, 1, 1, 13],
    ]);
    expect([t.bodyRows, t.totalRow]).toEqual([2, t.headerRow + 3]);
    expect(sheet.headerRows).toEqual(expect.arrayContaining([t.headerRow, t.totalRow]));
  });

  it('counts per duty group, a blank group last and named, and the departments\' own levels', () => {
    expect(rowsOf(values, layout.byDutyGroup.headerRow, 4, 7)).toEqual([
      ['Nhóm chức danh', ...LEVEL_HEADER],
      ['Giảng viên', 3, 6, 1, 1, 0, 11],
      ['(không ghi nhóm)', 0, 1, 0, 0, 1, 2],
      ['Tổng', 3, 7, 1, 1, 1, 13],
    ]);
    expect(rowsOf(values, layout.unitLevels.headerRow, 2, 7)).toEqual([
      ['Tập thể', ...LEVEL_HEADER],
      ['Khoa, phòng', 1, 1, 0, 0, 0, 2],
    ]);
  });

  it('lists each quota group with k of M, how M is counted in Vietnamese, HTXS used and the rate', () => {
    expect(rowsOf(values, layout.quotas.headerRow, 3, 6)).toEqual([
      ['Nhóm', 'Cách tính M', 'Số được xét (M)', 'Tối đa HTXS (k)', 'Đã có HTXS', 'Tỷ lệ (%)'],
      ['Giảng viên', 'chỉ tính HTT', 9, 3, 2, 20],
      ['Chuyên viên', 'tính cả HTXS', 2, 0, 0, 20],
    ]);
  });

  it('names every member of a tie run and the places the council may still award', () => {
    expect(rowsOf(values, layout.ties.headerRow, 4, 6)).toEqual([
      ['Nhóm', 'Mã CB', 'Họ và tên', 'Đơn vị', 'Điểm', 'Còn được xét'],
      ['Giảng viên', 'CB004', 'Lò Văn Tươi', 'Khoa Lý luận cơ sở', 95, 1],
      ['Giảng viên', 'CB007', 'Cầm Thị Hoa', 'Phòng Đào tạo', 95, null],
      ['Giảng viên', 'CB009', 'Quàng Văn Minh', 'Khoa Lý luận cơ sở', 95, null],
    ]);
  });

  it('lists the council\'s decisions with what, for whom, why and when', () => {
    expect(rowsOf(values, layout.decisions.headerRow, 3, 4)).toEqual([
      ['Thời điểm', 'Quyết định', 'Áp dụng cho', 'Lý do'],
      ['02/11/2021 10:04', 'Nâng tỷ lệ HTXS lên 25%', '', 'Đơn vị xuất sắc'],
      ['03/11/2021 00:30', 'Xét HTXS trong tỷ lệ', 'CB004 Lò Văn Tươi', 'Có sáng kiến'],
    ]);
  });

  it('draws a stacked column chart of the per-unit table, without its total row and column, right of the tables', () => {
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0]!;
    const t = layout.byUnit;
    expect(chart).toMatchObject({ type: 'columnStacked', title: 'Xếp loại cán bộ tháng 10/2021 theo đơn vị' });
    expect(chart.categoriesRange).toEqual({ row: t.firstRow, col: 0, rows: 2, cols: 1 });
    expect(chart.seriesRanges.map((r) => [r.row, r.col, r.rows, r.cols])).toEqual([1, 2, 3, 4, 5].map((c) => [t.firstRow, c, 2, 1]));
    expect(chartSource(chart)).toEqual({ row: t.headerRow, col: 0, rows: 3, cols: 6 });
    const cell = (row: number, col: number) => values[row]![col];
    expect(chart.seriesRanges.map((r) => cell(r.row - 1, r.col))).toEqual(LEVEL_HEADER.slice(0, 5));
    expect([cell(t.firstRow, 0), cell(t.firstRow + 1, 0)]).toEqual(['Khoa Lý luận cơ sở', 'Phòng Đào tạo']);
    const used = Math.max(...Object.values(layout).map((p) => p.col + p.cols));
    expect(chart.placement.col).toBeGreaterThan(used);
    expect(chart.placement.row).toBe(t.headerRow - 1);
  });

  it('says so, and draws no chart, for a month with no rows', () => {
    const zero = { HTXS: 0, HTT: 0, HT: 0, KHT: 0, NONE: 0 };
    const empty = monthSummarySheet(sampleSummary({
      finalised: true,
      people: { total: zero, byUnit: [], byDutyGroup: [] },
      quotas: [],
      ties: [],
      decisions: [],
    }));
    expect(empty.charts).toEqual([]);
    const texts = empty.values.map((row) => row[0]);
    expect(texts).toEqual(expect.arrayContaining(['Không có trường hợp nào.', 'Chưa có quyết định.', 'Tháng này không áp dụng tỷ lệ.']));
    expect(empty.values[1]!.slice(0, 2)).toEqual(['Trạng thái', 'Đã chốt']);
    expect(texts).not.toContain('Lập lúc');
  });
});

describe('chart specs', () => {
  it('refuses series that do not sit right of the categories, as tall as they are', () => {
    const table = { headerRow: 2, firstRow: 3, bodyRows: 4, col: 0 };
    const spec = tableChart(table, { type: 'columnClustered', title: 'T', series: 2, placement: { row: 0, col: 5, rows: 10, cols: 6 } });
    expect(() => checkChartSpec({ ...spec, seriesRanges: [{ row: 3, col: 2, rows: 4, cols: 1 }] })).toThrow(/right of the categories/);
    expect(() => checkChartSpec({ ...spec, categoriesRange: { row: 0, col: 0, rows: 4, cols: 1 } })).toThrow(/header row/);
    expect(() => tableChart({ ...table, bodyRows: 0 }, { type: 'columnClustered', title: 'T', series: 1, placement: spec.placement })).toThrow();
  });
});
