import { describe, expect, it } from 'vitest';
import { driveTotalsSheet } from '../../../addin/report/drive-totals.ts';
import { yearStatisticsSheet } from '../../../addin/report/year-statistics.ts';
import { chartSource } from '../../../addin/workbook/chart-spec.ts';
import { yearStatistics } from '../../../server/rules/dossier/year-statistics.ts';
import { driveTotals } from '../../../server/rules/drives/drive-totals.ts';

const at = (values: unknown[][], row: number, col: number) => values[row]?.[col];

describe('the statistics report sheets', () => {
  const stats = {
    ...yearStatistics({
      year: 2021,
      personMonths: [{ month: 1, level: 'HTXS' }, { month: 1, level: 'HTT' }, { month: 2, level: 'NONE' }, { month: 2, level: 'HT' }],
      unitMonths: [{ month: 1, level: 'HTXS' }],
    }),
    year: '2021',
    finalised: false,
  };

  it('writes the figures, then the levels table its chart draws from', () => {
    const sheet = yearStatisticsSheet(stats);
    expect(sheet.name).toBe('Tổng hợp thi đua 2021');
    const { figures, levels } = sheet.layout;
    expect(at(sheet.values, figures.firstRow, 0)).toBe('Lượt cá nhân được đánh giá, xếp loại');
    expect(at(sheet.values, figures.firstRow, 1)).toBe(3);
    expect(sheet.charts).toHaveLength(1);
    expect(chartSource(sheet.charts[0]!)).toEqual({ row: levels.headerRow, col: 0, rows: 5, cols: 3 });
    expect(sheet.values.slice(levels.firstRow, levels.firstRow + 4).map((r) => r.slice(0, 3))).toEqual([
      ['HTXS', 1, 1],
      ['HTT', 1, 0],
      ['HT', 1, 0],
      ['KHT', 0, 0],
    ]);
  });

  it('draws no chart for a year with nothing rated', () => {
    const empty = { ...yearStatistics({ year: 2022, personMonths: [], unitMonths: [] }), year: '2022', finalised: false };
    expect(yearStatisticsSheet(empty).charts).toEqual([]);
  });

  it('totals drives and units, units in Vietnamese order whatever they gave, and charts the money per drive', () => {
    const drives = [{ code: 'VNN', name: 'Ngày vì người nghèo', from: null, to: null }, { code: 'SMT', name: 'Sóng và máy tính', from: null, to: null }];
    const row = (unit: string, driveCode: string, amount: number) => ({ driveCode, unit, person: null, form: 'money' as const, amount, inKindValue: null, date: '2021-11-01' });
    const totals = driveTotals(2021, drives, [row('Khoa Đông', 'VNN', 100), row('Khoa Tây', 'VNN', 5_000_000), row('Khoa Tây', 'SMT', 1_000_000)]);
    totals.units.sort((a, b) => a.unit.localeCompare(b.unit, 'vi'));
    const sheet = driveTotalsSheet({ year: '2021', totals });
    const { drives: d, units } = sheet.layout;
    expect(sheet.values.slice(d.firstRow, d.firstRow + 2).map((r) => r.slice(0, 2))).toEqual([['Ngày vì người nghèo', 5_000_100], ['Sóng và máy tính', 1_000_000]]);
    expect(at(sheet.values, d.totalRow!, 1)).toBe(6_000_100);
    expect(sheet.values.slice(units.firstRow, units.firstRow + 2).map((r) => r.slice(0, 4))).toEqual([
      ['Khoa Đông', 100, 0, 100],
      ['Khoa Tây', 5_000_000, 1_000_000, 6_000_000],
    ]);
    expect(chartSource(sheet.charts[0]!)).toEqual({ row: d.headerRow, col: 0, rows: 3, cols: 2 });
    expect(sheet.values.flat()).toContain('hơn 6 triệu đồng');
  });
});
