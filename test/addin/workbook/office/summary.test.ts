import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awardTie, finaliseMonth, reopenMonth } from '../../../../addin/actions/summary-decisions.ts';
import { loadCouncilView, writeMonthSummary } from '../../../../addin/actions/summary.ts';
import { officeWorkbook } from '../../../../addin/workbook/office/index.ts';
import { testDatabases } from '../../../support/databases.ts';
import { fixtureRows } from '../../../support/fixture.ts';
import { inProcessClient } from '../../../support/in-process-client.ts';
import { startService, type TestService } from '../../../support/service.ts';
import { FakeWorkbook } from '../fake-excel.ts';

describe.each(testDatabases())('Tổng hợp tháng and the council\'s decisions, in Excel, on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
    await s.call('POST', '/api/v1/months/2021-10/people', { body: { rows: await fixtureRows() } });
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('writes the summary sheet and its chart from the service in one Excel.run', async () => {
    const book = new FakeWorkbook({ 'T10-2021': [['Mã CB']] });
    const client = inProcessClient(s);
    const outcome = await writeMonthSummary(
      { workbook: officeWorkbook(book.host()), client, now: () => new Date('2021-11-05T02:00:00Z') },
      '2021-10',
    );
    expect(outcome).toMatchObject({ sheet: 'Tổng hợp T10-2021', period: '2021-10', people: 50, finalised: false });
    expect(outcome.ties.length).toBeGreaterThan(0);
    expect(outcome.ties.every((run) => run.left > 0 && run.members.every((m) => m.name !== ''))).toBe(true);
    expect(book.runs).toBe(1);
    expect(book.value(outcome.sheet, 'B4')).toBe('05/11/2021 09:00');
    expect(book.sheet(outcome.sheet).charts).toHaveLength(1);
    expect(book.active).toBe(outcome.sheet);
  });

  it('awards a tie within the quota only, with a reason, and finalises and reopens with one', async () => {
    const client = inProcessClient(s);
    const view = await loadCouncilView(client, '2021-10');
    const run = view.ties[0]!;
    const codes = run.members.map((m) => m.code);
    await expect(awardTie(client, '2021-10', run, codes, 'Có sáng kiến')).rejects.toThrow(`chỉ còn ${run.left} suất`);
    await expect(awardTie(client, '2021-10', run, [], 'Có sáng kiến')).rejects.toThrow('Hãy chọn ít nhất một người');
    await expect(awardTie(client, '2021-10', run, codes.slice(0, 1), ' ')).rejects.toThrow('Cần ghi lý do');
    await awardTie(client, '2021-10', run, codes.slice(0, 1), 'Có sáng kiến được công nhận');
    const after = await loadCouncilView(client, '2021-10');
    expect(after.summary.decisions.at(-1)).toMatchObject({ kind: 'award', keys: codes.slice(0, 1) });
    expect(after.summary.quotas.find((q) => q.group === run.group)!.used).toBe(run.used + 1);

    await expect(finaliseMonth(client, '2021-10', '')).rejects.toThrow('Cần ghi lý do');
    await finaliseMonth(client, '2021-10', 'Hội đồng họp ngày 5/11');
    expect((await loadCouncilView(client, '2021-10')).finalised).toBe(true);
    await expect(reopenMonth(client, '2021-10', 'x')).rejects.toThrow('Cần ghi lý do');
    await reopenMonth(client, '2021-10', 'Sửa điểm của CB003');
    expect((await loadCouncilView(client, '2021-10')).finalised).toBe(false);
  });
});
