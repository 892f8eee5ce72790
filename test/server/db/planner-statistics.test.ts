import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshenMonthStatistics } from '../../../server/db/planner-statistics.ts';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';

describe.each(testDatabases())("the planner's statistics of a month on $name", (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
    // Statistics taken before the month exists, and no autovacuum to refresh them behind the test's back.
    await s.db.query('analyze');
    for (const table of ['person_month', 'person']) await s.db.query(`alter table ${table} set (autovacuum_enabled = false)`);
  });
  afterAll(async () => {
    await s.db.close();
  });

  const estimate = async (period: string) => {
    const [row] = await s.db.query<Record<string, unknown>>(
      'explain (format json) select 1 from person_month where org_id = $1 and period = $2',
      [s.orgId, period],
    );
    const value = Object.values(row!)[0];
    return ((typeof value === 'string' ? JSON.parse(value) : value) as [{ Plan: { 'Plan Rows': number } }])[0].Plan['Plan Rows'];
  };
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ code: `TK${i}`, name: `Người ${i}`, unit: `Khoa ${i % 10}`, score: 80 }));

  it('are refreshed before a big month they predate is read, so its load is not planned for one row', async () => {
    const push = await s.call('POST', '/api/v1/months/2026-01/people', { body: { rows: rows(1_200) }, headers: { prefer: 'return=minimal' } });
    expect(push.body.counts.accepted).toBe(1_200);
    expect(await estimate('2026-01')).toBeLessThan(100);
    const month = await s.call('GET', '/api/v1/months/2026-01/people');
    expect(month.body.rows).toHaveLength(1_200);
    expect(await estimate('2026-01')).toBeGreaterThan(600);
  });

  it('are left alone for a small month', async () => {
    await s.call('POST', '/api/v1/months/2026-02/people', { body: { rows: rows(50) }, headers: { prefer: 'return=minimal' } });
    const before = await estimate('2026-02');
    await freshenMonthStatistics(s.db, s.orgId, '2026-02');
    expect(await estimate('2026-02')).toBe(before);
  });
});
