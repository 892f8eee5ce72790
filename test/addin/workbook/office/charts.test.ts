import { describe, expect, it } from 'vitest';
import { monthSummarySheet } from '../../../../addin/report/month-summary.ts';
import { writeReportSheet } from '../../../../addin/actions/summary.ts';
import { officeWorkbook } from '../../../../addin/workbook/office/index.ts';
import { samplePeople, sampleSummary } from '../../report/summary-data.ts';
import { FakeWorkbook } from '../fake-excel.ts';

const report = monthSummarySheet(sampleSummary(), samplePeople);
const options = { headerRows: report.headerRows, columnWidths: report.columnWidths, charts: report.charts };

describe('report sheets with charts through Office.js', () => {
  it('adds the chart from the per-unit table (header, units, five levels), titled and placed right of the tables, in the same sync as the values', async () => {
    const book = new FakeWorkbook({ 'T10-2021': [['Mã CB'], ['CB001']] });
    await officeWorkbook(book.host()).session((s) => s.addSheet(report.name, report.values, options));
    const t = report.layout.byUnit;
    expect(book.sheet(report.name).charts).toEqual([{
      type: 'ColumnStacked',
      source: `A${t.headerRow + 1}:F${t.headerRow + 3}`,
      seriesBy: 'Columns',
      title: 'Xếp loại cán bộ tháng 10/2021 theo đơn vị',
      legend: 'Bottom',
      position: [`I${t.headerRow}`, `Q${t.headerRow + 19}`],
    }]);
    expect(book.value(report.name, `A${t.headerRow + 1}`)).toBe('Đơn vị');
    expect(book.value(report.name, `B${t.headerRow + 2}`)).toBe(2);
    expect(book.runs).toBe(1);
    expect(book.syncs).toHaveLength(1);
  });

  it('replaces an existing report in place, in one run and two syncs, without touching the other sheets', async () => {
    const book = new FakeWorkbook({ 'T10-2021': [['Mã CB'], ['CB001']] });
    book.put(report.name, 'A1', [['cũ']]);
    book.put(report.name, 'Z99', [['ô cũ ở xa']]);
    book.put('Ghi chú', 'A1', [['giữ nguyên']]);
    book.sheet(report.name).charts.push({ type: 'Pie', source: 'A1:A2', seriesBy: 'Auto', title: 'cũ', legend: '', position: null });
    await officeWorkbook(book.host()).session((s) => s.addSheet(report.name, report.values, { ...options, replace: true }));
    expect([...book.sheets.keys()]).toEqual(['T10-2021', report.name, 'Ghi chú']);
    expect(book.value(report.name, 'A1')).toBe(report.values[0]![0]);
    expect(book.value(report.name, 'Z99')).toBe('');
    expect(book.sheet(report.name).charts.map((c) => c.type)).toEqual(['ColumnStacked']);
    expect([book.value('T10-2021', 'A2'), book.value('Ghi chú', 'A1')]).toEqual(['CB001', 'giữ nguyên']);
    expect(book.runs).toBe(1);
    expect(book.syncs).toHaveLength(2);
  });

  it('replaces a report that is the only visible sheet', async () => {
    const book = new FakeWorkbook({ [report.name]: [['cũ']] });
    await officeWorkbook(book.host()).session((s) => s.addSheet(report.name, [['mới']], { replace: true }));
    expect([...book.sheets.keys()]).toEqual([report.name]);
    expect(book.value(report.name, 'A1')).toBe('mới');
  });

  it('still refuses an existing name when not told to replace it', async () => {
    const book = new FakeWorkbook({ [report.name]: [['cũ']] });
    await expect(officeWorkbook(book.host()).session((s) => s.addSheet(report.name, [['x']], options))).rejects.toMatchObject({
      code: 'ItemAlreadyExists',
    });
    expect(book.value(report.name, 'A1')).toBe('cũ');
  });

  it('writes a report and shows it: one Excel.run for the whole action', async () => {
    const book = new FakeWorkbook({ 'T10-2021': [['Mã CB']] });
    await officeWorkbook(book.host()).session((s) => writeReportSheet(s, report));
    expect(book.active).toBe(report.name);
    expect(book.selection).toEqual({ sheet: report.name, address: 'A1' });
    expect(book.runs).toBe(1);
    // Sheet names, then values + formats + chart, then the selection.
    expect(book.syncs).toHaveLength(3);
  });
});
