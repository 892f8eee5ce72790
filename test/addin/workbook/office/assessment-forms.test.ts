import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAssessmentForms } from '../../../../addin/actions/assessment-forms.ts';
import { officeWorkbook } from '../../../../addin/workbook/office/index.ts';
import { testDatabases } from '../../../support/databases.ts';
import { inProcessClient } from '../../../support/in-process-client.ts';
import { startService, type TestService } from '../../../support/service.ts';
import { FakeWorkbook } from '../fake-excel.ts';

describe.each(testDatabases())('Phiếu đánh giá in Excel on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
    await s.call('POST', '/api/v1/months/2026-10/people', {
      body: { rows: [{ code: 'CB010', name: 'Nguyễn Văn Mười', unit: 'Phòng Đào tạo', general: 27 }] },
    });
    await s.call('POST', '/api/v1/months/2026-10/tasks', { body: { rows: [{ code: 'CB010', taskRef: 'T1', taskName: 'Báo cáo', g: 2, h: 1 }] } });
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('writes the form in one Excel.run on Excel 2016 (ExcelApi 1.1), and replaces it when written again', async () => {
    for (const apiVersion of [1, 18]) {
      const book = new FakeWorkbook({ 'T10-2026': [['Mã CB']] });
      book.apiVersion = apiVersion;
      const deps = { workbook: officeWorkbook(book.host()), client: inProcessClient(s) };
      expect(await writeAssessmentForms(deps, '2026-10', 'CB010')).toEqual({ sheets: ['Phiếu T10-2026 CB010'] });
      expect(book.runs).toBe(1);
      expect(book.value('Phiếu T10-2026 CB010', 'A1')).toBe('PHIẾU THEO DÕI, ĐÁNH GIÁ');
      expect(book.value('Phiếu T10-2026 CB010', 'B4')).toBe('Họ và tên: Nguyễn Văn Mười (CB010)');
      await writeAssessmentForms(deps, '2026-10', 'CB010');
      expect([...book.sheets.keys()]).toEqual(['T10-2026', 'Phiếu T10-2026 CB010']);
    }
  });

  it('sets the page layout of the .xlsx (A4 portrait, one page wide) from ExcelApi 1.9; before it, column widths only', async () => {
    const layouts = new Map<number, unknown>();
    const widths = new Map<number, number>();
    for (const apiVersion of [1, 8, 9, 18]) {
      const book = new FakeWorkbook({ 'T10-2026': [['Mã CB']] });
      book.apiVersion = apiVersion;
      await writeAssessmentForms({ workbook: officeWorkbook(book.host()), client: inProcessClient(s) }, '2026-10', 'CB010');
      const sheet = book.sheet('Phiếu T10-2026 CB010');
      layouts.set(apiVersion, sheet.pageLayout);
      widths.set(apiVersion, sheet.widths.size);
    }
    const a4 = { paperSize: 'A4', orientation: 'Portrait', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } };
    expect(Object.fromEntries(layouts)).toEqual({ 1: {}, 8: {}, 9: a4, 18: a4 });
    expect(widths.get(1)).toBe(0);
    for (const v of [8, 9, 18]) expect(widths.get(v)).toBeGreaterThan(3);
  });
});
