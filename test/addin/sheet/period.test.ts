import { describe, expect, it } from 'vitest';
import { detectPeriod, parsePeriodValue, periodFromSheetName, periodFromTitle } from '../../../addin/sheet/period.ts';
import { readTable } from '../../../addin/sheet/read-table.ts';
import type { CellValue } from '../../../addin/sheet/types.ts';
import { familiarGrid, grid } from './grids.ts';

describe('period detection', () => {
  it.each([
    ['10/2021', '2021-10'],
    ['Tháng 10/2021', '2021-10'],
    ['THÁNG 3-2022', '2022-03'],
    ['2021-10', '2021-10'],
    ['31/10/2021', '2021-10'],
    ['tháng 10 năm 2021', '2021-10'],
  ])('reads the "Tháng" cell %s', (text, period) => {
    expect(parsePeriodValue(text)).toEqual({ period });
  });

  it('reads Excel date serials, dates, numbers like 10.2021 and a month alone', () => {
    expect(parsePeriodValue(44470)).toEqual({ period: '2021-10' });
    expect(parsePeriodValue(new Date(Date.UTC(2021, 9, 1)))).toEqual({ period: '2021-10' });
    expect(parsePeriodValue(10.2021)).toEqual({ period: '2021-10' });
    expect(parsePeriodValue(10.202)).toEqual({ period: '2020-10' });
    expect(parsePeriodValue(10)).toEqual({ month: 10 });
    expect(parsePeriodValue('abc')).toBeNull();
    expect(parsePeriodValue('13/2021')).toBeNull();
  });

  it.each([
    ['T10-2021', '2021-10'],
    ['T10.2021', '2021-10'],
    ['Thang 10-2021', '2021-10'],
    ['Tháng 3 năm 2022', '2022-03'],
    ['2021-10', '2021-10'],
    ['T10-2021 (2)', '2021-10'],
    ['Sheet1', null],
  ])('reads the sheet name %s', (name, period) => {
    expect(periodFromSheetName(name)).toBe(period);
  });

  it('reads the title rows, but not other dates there', () => {
    expect(periodFromTitle(['TRƯỜNG CHÍNH TRỊ', 'BẢNG TỔNG HỢP ... THÁNG 10/2021'])).toBe('2021-10');
    expect(periodFromTitle(['Kết quả tháng 3-2022'])).toBe('2022-03');
    expect(periodFromTitle(['Báo cáo tháng 10 năm 2021'])).toBe('2021-10');
    expect(periodFromTitle(['Quyết định số 12/2021 ngày 01/10/2021'])).toBeNull();
  });

  it('takes the column first, then the sheet name, the title and the pane', () => {
    const base = { sheetName: 'Sheet1', titles: [] as string[], cells: [] as { row: number; col: number; value: unknown }[] };
    expect(detectPeriod({ ...base, hint: '2021-09' })).toMatchObject({ period: '2021-09', source: 'hint', issues: [] });
    expect(detectPeriod({ ...base, titles: ['THÁNG 10/2021'], hint: '2021-10' })).toMatchObject({
      period: '2021-10',
      source: 'title',
      issues: [],
    });
    expect(detectPeriod({ ...base, sheetName: 'T10-2021', titles: ['THÁNG 10/2021'] }).source).toBe('sheetName');
    expect(detectPeriod({ ...base, sheetName: 'T10-2021', cells: [{ row: 5, col: 10, value: '10/2021' }] }).source).toBe('column');
  });

  it('reports conflicting sources and rows of another month', () => {
    const result = detectPeriod({
      sheetName: 'T11-2021',
      titles: ['THÁNG 10/2021'],
      cells: [
        { row: 5, col: 10, value: '10/2021' },
        { row: 6, col: 10, value: '10/2021' },
        { row: 7, col: 10, value: '9/2021' },
        { row: 8, col: 10, value: 'tháng mười' },
      ],
    });
    expect(result.period).toBe('2021-10');
    expect(result.source).toBe('column');
    expect(result.issues.map((i) => [i.cell, i.field, i.severity, i.message])).toEqual([
      ['K9', 'period', 'error', 'K9: Không đọc được tháng "tháng mười", hãy ghi dạng 10/2021'],
      [null, 'period', 'warning', 'Tháng ở tên trang tính (11/2021) khác tháng ở cột Tháng (10/2021); dùng tháng 10/2021'],
      ['K8', 'period', 'error', 'K8: Tháng 09/2021 khác tháng của bảng (10/2021)'],
    ]);
  });

  it('says so when no month can be found', () => {
    const result = detectPeriod({ sheetName: 'Sheet1', titles: [], cells: [] });
    expect(result.period).toBeNull();
    expect(result.issues[0]!.field).toBe('period');
  });

  it('reads a "Tháng" column of a sheet, months alone taking the year from the sheet name', () => {
    const values: CellValue[][] = [
      ['Mã CB', 'Họ và tên', 'Đơn vị', 'Điểm đánh giá', 'Tháng'],
      ['CB001', 'Lò Văn Long', 'Khoa Xây dựng Đảng', 80, 10],
    ];
    const table = readTable(grid(values, 'T10-2021'), { kind: 'person' });
    expect(table.period).toBe('2021-10');
    expect(table.periodSource).toBe('column');
    expect(table.rows[0]!.input).not.toHaveProperty('period');
  });

  it('finds the month of the familiar sheet from its title when the sheet name says nothing', () => {
    const table = readTable(familiarGrid(1, 'Sheet1'), { kind: 'person', periodHint: '2021-09' });
    expect(table.period).toBe('2021-10');
    expect(table.periodSource).toBe('title');
    expect(table.issues.map((i) => i.message)).toEqual([
      'Tháng ở khung bên (09/2021) khác tháng ở tiêu đề (10/2021); dùng tháng 10/2021',
    ]);
  });
});
