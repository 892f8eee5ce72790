import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeStatisticsSheets } from '../../../../addin/actions/statistics-sheets.ts';
import { officeWorkbook } from '../../../../addin/workbook/office/index.ts';
import { testDatabases } from '../../../support/databases.ts';
import { fixtureRows } from '../../../support/fixture.ts';
import { inProcessClient } from '../../../support/in-process-client.ts';
import { startService, type TestService } from '../../../support/service.ts';
import { FakeWorkbook } from '../fake-excel.ts';

describe.each(testDatabases())('the statistics sheets, in Excel, on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
    const rows = await fixtureRows();
    await s.call('POST', '/api/v1/months/2021-10/people', { body: { rows } });
    await s.call('POST', '/api/v1/years/2021/movements', { body: { rows: [{ code: 'VNN', name: 'Ngày vì người nghèo' }, { code: 'CV', name: 'Quỹ vắc xin' }] } });
    const unit = (rows[0] as { unit: string }).unit;
    const given = await s.call('POST', '/api/v1/years/2021/contributions', {
      body: { rows: [{ driveCode: 'VNN', unit, amount: '20.000.000' }, { driveCode: 'CV', unit, amount: '8.250.000' }] },
    });
    expect(given.body.counts.accepted).toBe(2);
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('writes Tổng hợp thi đua and Tổng hợp phong trào with their charts in one Excel.run', async () => {
    const book = new FakeWorkbook({ 'T10-2021': [['Mã CB']] });
    const deps = { workbook: officeWorkbook(book.host()), client: inProcessClient(s), now: () => new Date('2022-01-05T02:00:00Z') };
    const outcome = await writeStatisticsSheets(deps, '2021');
    expect(outcome).toMatchObject({ sheets: ['Tổng hợp thi đua 2021', 'Tổng hợp phong trào 2021'], personMonths: 49, money: 28_250_000, phrase: 'hơn 28 triệu đồng' });
    expect(book.runs).toBe(1);
    for (const sheet of outcome.sheets) expect(book.sheet(sheet).charts, sheet).toHaveLength(1);
    expect([book.value('Tổng hợp phong trào 2021', 'B2'), book.value('Tổng hợp phong trào 2021', 'B3')]).toEqual([28_250_000, 'hơn 28 triệu đồng']);
    expect(book.active).toBe('Tổng hợp thi đua 2021');
    await expect(writeStatisticsSheets(deps, '21')).rejects.toThrow('Năm phải có dạng YYYY');
    expect(book.runs).toBe(1);
  });
});
