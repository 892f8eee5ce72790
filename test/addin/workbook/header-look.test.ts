import { describe, expect, it } from 'vitest';
import { readTable } from '../../../addin/sheet/read-table.ts';
import { planWriteBack } from '../../../addin/sheet/write-plan.ts';
import { fileWorkbook, readXlsx, resultFileName } from '../../../addin/workbook/file.ts';
import { officeWorkbook } from '../../../addin/workbook/office.ts';
import { layoutPeople, mergedUnitSheet } from '../../support/office-sheets/layouts.ts';
import { layoutIntoFake, layoutXlsx } from '../../support/office-sheets/write.ts';
import { FakeWorkbook } from './fake-excel.ts';

const layout = mergedUnitSheet(layoutPeople(8));
// Header on row 5, A:H; the computed columns go to I:M.
const HEADER_ROW = 4;

describe('appended columns look like the sheet\'s own header', () => {
  it('in an .xlsx: font, fill, borders, wrap copied from the header cell beside, widths at least sensible', async () => {
    const wb = await readXlsx(await layoutXlsx([layout]));
    const workbook = fileWorkbook(wb);
    await workbook.session(async (s) => {
      const table = readTable(await s.readSheet(layout.name), { kind: 'person' });
      const plan = planWriteBack(table, [], [], []);
      expect(plan.looks).toEqual([{ from: { row: HEADER_ROW, col: 7 }, to: { row: HEADER_ROW, col: 8, rows: 1, cols: 5 }, minWidths: expect.any(Array) }]);
      await s.applyPlan(layout.name, plan);
    });
    const ws = wb.getWorksheet(layout.name)!;
    const own = ws.getCell('H5');
    for (const address of ['I5', 'L5', 'M5']) {
      const cell = ws.getCell(address);
      expect(cell.font).toEqual(own.font);
      expect(cell.fill).toEqual(own.fill);
      expect(cell.border).toEqual(own.border);
      expect(cell.alignment?.wrapText).toBe(true);
    }
    expect(ws.getCell('I5').value).toBe('Xếp loại');
    expect(ws.getColumn('L').width).toBeGreaterThanOrEqual(45);
    // A data cell keeps its own look.
    expect(ws.getCell('I6').fill).toBeUndefined();
  });

  it('in Excel: the same look through ExcelApi 1.1 members, the widths only where ExcelApi 1.2 is there', async () => {
    for (const apiVersion of [1, 18]) {
      const book = new FakeWorkbook();
      book.apiVersion = apiVersion;
      layoutIntoFake(book, layout);
      const sheet = book.sheet(layout.name);
      for (let col = 0; col < 8; col++) {
        sheet.formats.set(`${HEADER_ROW},${col}`, {
          'font.name': 'Times New Roman', 'font.size': 13, wrapText: true, horizontalAlignment: 'Center',
          'borders.EdgeBottom.style': 'Continuous', 'borders.EdgeTop.style': 'Continuous',
        });
        sheet.fills.set(`${HEADER_ROW},${col}`, '#D9E1F2');
        sheet.bold.add(`${HEADER_ROW},${col}`);
      }
      await officeWorkbook(book.host()).session(async (s) => {
        const table = readTable(await s.readSheet(layout.name), { kind: 'person' });
        await s.applyPlan(layout.name, planWriteBack(table, [], [], []));
      });
      for (let col = 8; col < 13; col++) {
        const k = `${HEADER_ROW},${col}`;
        expect(sheet.formats.get(k)).toMatchObject({ 'font.name': 'Times New Roman', 'font.size': 13, wrapText: true, 'borders.EdgeBottom.style': 'Continuous' });
        expect(sheet.fills.get(k)).toBe('#D9E1F2');
        expect(sheet.bold.has(k)).toBe(true);
        expect(sheet.fills.has(`${HEADER_ROW + 1},${col}`)).toBe(false);
      }
      if (apiVersion === 1) expect(sheet.widths.size).toBe(0);
      else expect(sheet.widths.get(11)).toBeGreaterThanOrEqual(45 * 5.25);
    }
  });

  it('names the downloaded result beside the user\'s file, never in its place', () => {
    expect(resultFileName('T10-2021.xlsx')).toBe('T10-2021-ket-qua.xlsx');
    expect(resultFileName('Bảng tháng 10.XLSX')).toBe('Bảng tháng 10-ket-qua.xlsx');
    expect(resultFileName('T10-ket-qua.xlsx')).toBe('T10-ket-qua.xlsx');
  });
});
