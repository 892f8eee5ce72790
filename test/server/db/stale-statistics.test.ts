import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchKey } from '../../../server/contract/text.ts';
import type { Db } from '../../../server/db/database.ts';
import { loadInitiatives, loadInitiativesBetween } from '../../../server/years/initiative-repository.ts';
import { loadPersonMonth, loadUnitMonth } from '../../../server/months/month-repository.ts';
import { loadPersonYear } from '../../../server/years/person-year-repository.ts';
import { listPeople, peopleByCode, peopleByNameKey } from '../../../server/people/roster-repository.ts';
import { listClasses, loadClass, storedClassName } from '../../../server/classes/student-repository.ts';
import { loadDisciplinedUnits, loadPersonMonthsOfYear, loadTasksOfYear, loadUnitMonthsOfYear } from '../../../server/years/year-months-repository.ts';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';

/**
 * Rows read right after their first bulk sync, before autovacuum's ANALYZE: the planner's statistics predate
 * them and take them for one row. The reads must still look each row's person up by primary key, not scan the
 * organisation's people once per row (that plan took 14 minutes for a 50,000-row month), nor its units, nor
 * read the whole month once per unit.
 */
// A province's worth of units: with fewer, on a table of a few pages, the database reads the whole unit table
// per row whichever way the SQL is written, and the plain join's scan of the organisation's units never shows.
const UNITS = 1_000;
const CLASS = 'Lớp K1';

describe.each(testDatabases())('reads under stale statistics on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
    // Statistics taken before the rows exist, and no autovacuum to refresh them behind the test's back.
    await s.db.query('analyze');
    const tables = ['person_month', 'person_year', 'person', 'unit', 'unit_month', 'initiative', 'student', 'task'];
    for (const table of tables) await s.db.query(`alter table ${table} set (autovacuum_enabled = false)`);
    const minimal = { prefer: 'return=minimal' };
    const rows = Array.from({ length: 1_200 }, (_, i) => ({ code: `TK${i}`, name: `Người ${i}`, unit: `Khoa ${i % 10}`, score: 80 }));
    // Members of Khoa 7 only are disciplined, so the disciplined units are known.
    const month = await s.call('POST', '/api/v1/months/2026-01/people', {
      body: { rows: rows.map((r, i) => (i % 100 === 7 ? { ...r, discipline: 'khiển trách' } : r)) },
      headers: minimal,
    });
    expect(month.body.counts.accepted).toBe(1_200);
    const tasks = rows.map((r, i) => ({ ref: i + 2, code: r.code, taskName: `Nhiệm vụ ${r.code}`, k: 1, g: 1, h: 1 }));
    expect((await s.call('POST', '/api/v1/months/2026-01/tasks', { body: { rows: tasks }, headers: minimal })).body.counts.accepted).toBe(1_200);
    const units = Array.from({ length: UNITS }, (_, u) => ({ unit: `Khoa ${u}`, score: 80 }));
    expect((await s.call('POST', '/api/v1/months/2026-01/units', { body: { rows: units }, headers: minimal })).body.counts.accepted).toBe(UNITS);
    const year = await s.call('POST', '/api/v1/years/2026/people', { body: { rows: rows.map(({ score: _, ...r }) => r) }, headers: minimal });
    expect(year.body.counts.accepted).toBe(1_200);
    const initiatives = rows.map((r) => ({ code: r.code, kind: 'Sáng kiến', title: `Sáng kiến ${r.code}`, level: 'Cơ sở', recognisedOn: '10/05/2026' }));
    expect((await s.call('POST', '/api/v1/years/2026/initiatives', { body: { rows: initiatives }, headers: minimal })).body.counts.accepted).toBe(1_200);
    const students = rows.map((_, i) => ({ code: `HV${i}`, name: `Học viên ${i}`, gpa: 8, conduct: 'Tốt' }));
    const cls = await s.call('POST', `/api/v1/classes/${encodeURIComponent(CLASS)}/students`, { body: { rows: students }, headers: minimal });
    expect(cls.body.counts.accepted).toBe(1_200);
  });
  afterAll(async () => {
    await s.db.close();
  });

  /** The plan of the one statement a loader runs, as the database would run it now; verbose shows how subplans run. */
  const planOf = async (load: (db: Db) => Promise<unknown>, rows = 1_200, verbose = false) => {
    const seen: { text: string; params: unknown[] | undefined }[] = [];
    const spy: Db = { ...s.db, query: async (text, params) => (seen.push({ text, params }), s.db.query(text, params)) };
    const loaded = await load(spy);
    expect(Array.isArray(loaded) ? loaded.length : 1).toBe(rows);
    expect(seen).toHaveLength(1);
    const plan = await s.db.query<Record<string, unknown>>(`explain ${verbose ? '(verbose) ' : ''}${seen[0]!.text}`, seen[0]!.params);
    return plan.map((r) => String(Object.values(r)[0])).join('\n');
  };

  it('takes the new rows for one row (the statistics are stale)', async () => {
    const plan = await s.db.query<Record<string, unknown>>('explain select 1 from person_month where org_id = $1 and period = $2', [s.orgId, '2026-01']);
    expect(String(Object.values(plan[0]!)[0])).toMatch(/rows=1\b/);
  });

  it.each([
    ['the month', (db: Db) => loadPersonMonth(db, s.orgId, '2026-01')],
    ['the months of the year', (db: Db) => loadPersonMonthsOfYear(db, s.orgId, '2026')],
    ['the yearly sheet', (db: Db) => loadPersonYear(db, s.orgId, '2026')],
    ['the initiatives of the year', (db: Db) => loadInitiatives(db, s.orgId, '2026')],
    ['the initiatives of three years', (db: Db) => loadInitiativesBetween(db, s.orgId, 2024, 2026)],
  ])('reads %s finding each person and unit by primary key', async (_, load) => {
    const plan = await planOf(load);
    expect(plan).toMatch(/Index Scan using person_pkey on person p/);
    expect(plan).not.toMatch(/person_name_idx/);
    expect(plan).toMatch(/Index Scan using unit_pkey on unit u/);
    expect(plan).not.toMatch(/unit_org_id_name_key_key/);
  });

  it.each([
    ['the roster', (db: Db) => listPeople(db, s.orgId)],
    ['people by staff code', (db: Db) => peopleByCode(db, s.orgId, Array.from({ length: 1_200 }, (_, i) => `TK${i}`))],
    ['people by name', (db: Db) => peopleByNameKey(db, s.orgId, Array.from({ length: 1_200 }, (_, i) => matchKey(`Người ${i}`)))],
  ])('reads %s finding each person’s unit by primary key', async (_, load) => {
    const plan = await planOf(load);
    expect(plan).toMatch(/Index Scan using unit_pkey on unit u/);
    expect(plan).not.toMatch(/unit_org_id_name_key_key/);
  });

  it('reads the units’ month finding each unit by primary key and the disciplined members in one pass', async () => {
    const plan = await planOf((db) => loadUnitMonth(db, s.orgId, '2026-01'), UNITS, true);
    expect(plan).toMatch(/Index Scan using unit_pkey on (public\.)?unit u/);
    expect(plan).not.toMatch(/unit_org_id_name_key_key/);
    // Hashed: the month's disciplined rows are read once, not the whole month once per unit.
    expect(plan).toMatch(/hashed SubPlan/);
    const rows = await loadUnitMonth(s.db, s.orgId, '2026-01');
    expect(rows.filter((r) => r.memberDisciplined).map((r) => r.unit)).toEqual(['Khoa 7']);
  });

  it('reads the year’s task rows over the task key, finding each person by primary key', async () => {
    const plan = await planOf((db) => loadTasksOfYear(db, s.orgId, '2026'));
    expect(plan).toMatch(/Index Scan using person_pkey on person p/);
    expect(plan).not.toMatch(/person_name_idx|Seq Scan on person\b/);
    expect(plan).toMatch(/task_pkey/);
    expect(plan).not.toMatch(/Seq Scan on task\b/);
  });

  it('reads the units’ months of the year finding each unit by primary key', async () => {
    const plan = await planOf((db) => loadUnitMonthsOfYear(db, s.orgId, '2026'), UNITS);
    expect(plan).toMatch(/Index Scan using unit_pkey on unit u/);
    expect(plan).not.toMatch(/unit_org_id_name_key_key/);
  });

  it('finds the units with a disciplined member reading the year’s rows once', async () => {
    const plan = await planOf((db) => loadDisciplinedUnits(db, s.orgId, '2026'), 1, true);
    expect(plan.match(/hashed SubPlan \d+/g)).toHaveLength(2);
    expect(await loadDisciplinedUnits(s.db, s.orgId, '2026')).toEqual(['Khoa 7']);
  });

  it.each([
    ['the class', (db: Db) => loadClass(db, s.orgId, matchKey(CLASS)), 1_200],
    ['the classes', (db: Db) => listClasses(db, s.orgId), 1],
    ['the class’s name', (db: Db) => storedClassName(db, s.orgId, matchKey(CLASS)), 1],
  ])('reads %s in one pass over the students’ key, with no per-row loop', async (_, load, rows) => {
    const plan = await planOf(load, rows);
    expect(plan).toMatch(/student_pkey/);
    expect(plan).not.toMatch(/Nested Loop|SubPlan/);
  });

  it('would scan the organisation per row with a plain join (what the lookup guards against)', async () => {
    const joined = `explain select p.code from person_month m join person p on p.id = m.person_id and p.org_id = m.org_id
      where m.org_id = $1 and m.period = $2`;
    const plan = (await s.db.query<Record<string, unknown>>(joined, [s.orgId, '2026-01'])).map((r) => String(Object.values(r)[0])).join('\n');
    expect(plan).not.toMatch(/Index Cond: \(id = m\.person_id\)/);
    const units = `explain select u.name from person_month m join unit u on u.id = m.unit_id and u.org_id = m.org_id
      where m.org_id = $1 and m.period = $2`;
    const unitPlan = (await s.db.query<Record<string, unknown>>(units, [s.orgId, '2026-01'])).map((r) => String(Object.values(r)[0])).join('\n');
    expect(unitPlan).toMatch(/unit_org_id_name_key_key/);
  });
});
