import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON_OF_ROW } from '../../../server/db/month-rows.ts';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';

/**
 * A new month read right after its first bulk sync, before autovacuum's ANALYZE: the planner's statistics
 * predate the month and take it for one row. The month's read must still look each row's person up by primary
 * key, not scan the organisation's people once per row (that plan took 14 minutes for 50,000 rows).
 */
describe.each(testDatabases())('a new month read under stale statistics on $name', (database) => {
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

  const plan = async (sql: string, params: unknown[]) => {
    const rows = await s.db.query<Record<string, unknown>>(`explain ${sql}`, params);
    return rows.map((r) => String(Object.values(r)[0])).join('\n');
  };
  const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ code: `TK${i}`, name: `Người ${i}`, unit: `Khoa ${i % 10}`, score: 80 }));

  it('is planned for one row, and the month and year reads still find each person by primary key', async () => {
    const push = await s.call('POST', '/api/v1/months/2026-01/people', { body: { rows: rows(1_200) }, headers: { prefer: 'return=minimal' } });
    expect(push.body.counts.accepted).toBe(1_200);
    // The statistics are stale: the month looks empty to the planner.
    expect(await plan('select 1 from person_month where org_id = $1 and period = $2', [s.orgId, '2026-01'])).toMatch(/rows=1\b/);

    const read = `select p.code from person_month m ${PERSON_OF_ROW('p.code')} where m.org_id = $1 and m.period = $2`;
    const text = await plan(read, [s.orgId, '2026-01']);
    expect(text).toMatch(/Index Scan using person_pkey on person p/);
    expect(text).not.toMatch(/person_name_idx/);

    const month = await s.call('GET', '/api/v1/months/2026-01/people');
    expect(month.body.rows).toHaveLength(1_200);
    const year = await s.call('GET', '/api/v1/years/2026/people');
    expect(year.status).toBe(200);
  });

  it('would scan the organisation per row with a plain join (what the lookup guards against)', async () => {
    const joined = `select p.code from person_month m join person p on p.id = m.person_id and p.org_id = m.org_id where m.org_id = $1 and m.period = $2`;
    expect(await plan(joined, [s.orgId, '2026-01'])).not.toMatch(/Index Cond: \(id = m\.person_id\)/);
  });
});
