import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../server/db/database.ts';
import { loadPersonMonth } from '../../../server/db/month-rows.ts';
import { loadPersonYear } from '../../../server/db/person-year.ts';
import { loadPersonMonthsOfYear } from '../../../server/db/year-months.ts';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';

/**
 * Rows read right after their first bulk sync, before autovacuum's ANALYZE: the planner's statistics predate
 * them and take them for one row. The reads must still look each row's person up by primary key, not scan the
 * organisation's people once per row (that plan took 14 minutes for a 50,000-row month).
 */
describe.each(testDatabases())('reads under stale statistics on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
    // Statistics taken before the rows exist, and no autovacuum to refresh them behind the test's back.
    await s.db.query('analyze');
    for (const table of ['person_month', 'person_year', 'person']) await s.db.query(`alter table ${table} set (autovacuum_enabled = false)`);
    const rows = Array.from({ length: 1_200 }, (_, i) => ({ code: `TK${i}`, name: `Người ${i}`, unit: `Khoa ${i % 10}`, score: 80 }));
    const month = await s.call('POST', '/api/v1/months/2026-01/people', { body: { rows }, headers: { prefer: 'return=minimal' } });
    expect(month.body.counts.accepted).toBe(1_200);
    const year = await s.call('POST', '/api/v1/years/2026/people', { body: { rows: rows.map(({ score: _, ...r }) => r) }, headers: { prefer: 'return=minimal' } });
    expect(year.body.counts.accepted).toBe(1_200);
  });
  afterAll(async () => {
    await s.db.close();
  });

  /** The plan of the one statement a loader runs, as the database would run it now. */
  const planOf = async (load: (db: Db) => Promise<unknown[]>) => {
    const seen: { text: string; params: unknown[] | undefined }[] = [];
    const spy: Db = { ...s.db, query: async (text, params) => (seen.push({ text, params }), s.db.query(text, params)) };
    expect(await load(spy)).toHaveLength(1_200);
    expect(seen).toHaveLength(1);
    const rows = await s.db.query<Record<string, unknown>>(`explain ${seen[0]!.text}`, seen[0]!.params);
    return rows.map((r) => String(Object.values(r)[0])).join('\n');
  };

  it('takes the new rows for one row (the statistics are stale)', async () => {
    const plan = await s.db.query<Record<string, unknown>>('explain select 1 from person_month where org_id = $1 and period = $2', [s.orgId, '2026-01']);
    expect(String(Object.values(plan[0]!)[0])).toMatch(/rows=1\b/);
  });

  it.each([
    ['the month', (db: Db) => loadPersonMonth(db, s.orgId, '2026-01')],
    ['the months of the year', (db: Db) => loadPersonMonthsOfYear(db, s.orgId, '2026')],
    ['the yearly sheet', (db: Db) => loadPersonYear(db, s.orgId, '2026')],
  ])('reads %s finding each person by primary key', async (_, load) => {
    const plan = await planOf(load);
    expect(plan).toMatch(/Index Scan using person_pkey on person p/);
    expect(plan).not.toMatch(/person_name_idx/);
  });

  it('would scan the organisation per row with a plain join (what the lookup guards against)', async () => {
    const joined = `explain select p.code from person_month m join person p on p.id = m.person_id and p.org_id = m.org_id
      where m.org_id = $1 and m.period = $2`;
    const plan = (await s.db.query<Record<string, unknown>>(joined, [s.orgId, '2026-01'])).map((r) => String(Object.values(r)[0])).join('\n');
    expect(plan).not.toMatch(/Index Cond: \(id = m\.person_id\)/);
  });
});
