import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeClassSheet, writeYearSheets } from '../../../../addin/actions/year-sheets.ts';
import { officeWorkbook } from '../../../../addin/workbook/office/index.ts';
import { testDatabases } from '../../../support/databases.ts';
import { fixtureRows } from '../../../support/fixture.ts';
import { inProcessClient } from '../../../support/in-process-client.ts';
import { startService, type TestService } from '../../../support/service.ts';
import { FakeWorkbook } from '../fake-excel.ts';

describe.each(testDatabases())('the year\'s sheets, in Excel, on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
    await s.call('POST', '/api/v1/months/2021-10/people', { body: { rows: await fixtureRows() } });
    const students = [
      { code: 'HV01', name: 'Nguyễn Thị Ánh', gpa: 9.5, conduct: 'Tốt' },
      { code: 'HV02', name: 'Trần Văn Bảo', gpa: 8.1, conduct: 'Khá' },
    ];
    await s.call('POST', `/api/v1/classes/${encodeURIComponent('TC K45')}/students`, { body: { rows: students } });
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('writes Xếp loại năm, Đề nghị khen thưởng and the class sheets with their charts in one Excel.run', async () => {
    const book = new FakeWorkbook({ 'T10-2021': [['Mã CB']] });
    const deps = { workbook: officeWorkbook(book.host()), client: inProcessClient(s), now: () => new Date('2022-01-05T02:00:00Z') };
    const outcome = await writeYearSheets(deps, '2021', { classes: true });
    expect(outcome).toMatchObject({
      year: '2021',
      sheets: ['Xếp loại năm 2021', 'Đề nghị khen thưởng 2021', 'Khen thưởng học viên TC K45'],
      people: 50,
      classes: [{ class: 'TC K45', students: 2, commended: 0 }],
    });
    expect(book.runs).toBe(1);
    for (const sheet of outcome.sheets) expect(book.sheet(sheet).charts, sheet).toHaveLength(1);
    expect(book.value('Xếp loại năm 2021', 'B5')).toBe('05/01/2022 09:00');
    expect(book.active).toBe('Xếp loại năm 2021');
  });

  it('writes one class sheet on its own, and refuses a year that is not YYYY before asking anything', async () => {
    const book = new FakeWorkbook({ 'T10-2021': [['Mã CB']] });
    const deps = { workbook: officeWorkbook(book.host()), client: inProcessClient(s) };
    expect(await writeClassSheet(deps, 'tc k45')).toMatchObject({ class: 'TC K45', sheet: 'Khen thưởng học viên TC K45', students: 2 });
    expect(book.sheet('Khen thưởng học viên TC K45').charts).toHaveLength(1);
    await expect(writeYearSheets(deps, '21')).rejects.toThrow('Năm phải có dạng YYYY');
    expect(book.runs).toBe(1);
  });
});
