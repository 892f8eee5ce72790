import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../server/contract/rule-set.ts';
import { listAudit } from '../../../server/db/audit.ts';
import type { Db } from '../../../server/db/database.ts';
import { loadPersonMonth } from '../../../server/months/month-repository.ts';
import { peopleByCode, peopleByNameKey } from '../../../server/people/roster-repository.ts';
import { loadYearData } from '../../../server/years/year-inputs.ts';
import { plannedScans, seqScanned, usesIndex } from '../../bench/plans.ts';
import { loadProvince, provinceName, type ProvinceShape } from '../../bench/province-data.ts';
import { testDatabases } from '../../support/databases.ts';

/**
 * The planner's own choice for the hot reads, on enough rows to matter: 20 organisations × 200 people × 3 months
 * (12,000 month rows, 4,000 people, 12,000 audit rows) loaded in SQL, then ANALYZE, with every planner method
 * left on, so a read that would touch the whole province (a Seq Scan on person_month, person or audit) fails here.
 * The SQL is the repositories' own: each function runs against a Db that records what it sends, and that text is
 * EXPLAINed with the same parameters (test/bench/plans.ts). A failure prints every scan of the plan.
 */

const SHAPE: ProvinceShape = { slug: 'plans', peoplePerOrg: 200, unitsPerOrg: 10, year: '2021', months: 3, audit: true };
const ORGS = 20;
const BIG_TABLES = new Set(['person_month', 'person', 'audit']);

const seqScans = (list: readonly string[]) => seqScanned(list, BIG_TABLES).map((t) => `Seq Scan on ${t}`);

describe.each(testDatabases())('query plans of the hot reads on $name', (database) => {
  let db: Db;
  let org: number;
  let firstOrg: number;
  const people = (n: number) => Array.from({ length: n }, (_, i) => provinceName(org, i * Math.floor(SHAPE.peoplePerOrg / n) + 1));

  beforeAll(async () => {
    db = await database.open();
    const { orgIds } = await loadProvince(db, SHAPE, 1, ORGS);
    await db.query('analyze');
    org = orgIds[ORGS / 2]!;
    firstOrg = orgIds[0]!;
  });
  afterAll(async () => {
    await db?.close();
  });

  it('loads an organisation’s month (loadPersonMonth) by the month key, joining people by theirs', async () => {
    const rows = await loadPersonMonth(db, org, `${SHAPE.year}-02`);
    expect(rows).toHaveLength(SHAPE.peoplePerOrg);
    const plan = await plannedScans(db, (d) => loadPersonMonth(d, org, `${SHAPE.year}-02`));
    expect(plan.statements).toBe(1);
    expect(seqScans(plan.scans), plan.scans.join('\n')).toEqual([]);
    expect(usesIndex(plan.scans, 'person_month_pkey'), plan.scans.join('\n')).toBe(true);
  });

  it('loads an organisation’s year (loadYearData: months, task rows, yearly rows, unit months, disciplined units) by the keys', async () => {
    const data = await loadYearData(db, org, SHAPE.year, DEFAULT_RULE_SET);
    expect(data.people).toHaveLength(SHAPE.peoplePerOrg);
    const plan = await plannedScans(db, (d) => loadYearData(d, org, SHAPE.year, DEFAULT_RULE_SET));
    expect(plan.statements).toBe(5);
    expect(seqScans(plan.scans), plan.scans.join('\n')).toEqual([]);
    expect(usesIndex(plan.scans, 'person_month_pkey'), plan.scans.join('\n')).toBe(true);
  });

  it('finds people by staff code on (org_id, code), for a few codes and for a whole organisation', async () => {
    const few = people(10).map((p) => p.code);
    expect(await peopleByCode(db, org, few)).toHaveLength(few.length);
    const plan = await plannedScans(db, (d) => peopleByCode(d, org, few));
    expect(seqScans(plan.scans), plan.scans.join('\n')).toEqual([]);
    expect(usesIndex(plan.scans, 'person_org_id_code_key'), plan.scans.join('\n')).toBe(true);
    // Every code of the organisation: any index that starts with org_id will do, never the whole table.
    const all = people(SHAPE.peoplePerOrg).map((p) => p.code);
    const whole = await plannedScans(db, (d) => peopleByCode(d, org, all));
    expect(seqScans(whole.scans), whole.scans.join('\n')).toEqual([]);
  });

  it('finds people by name key on (org_id, name_key), for a few names and for a whole organisation', async () => {
    const few = people(10).map((p) => p.nameKey);
    expect((await peopleByNameKey(db, org, few)).length).toBeGreaterThanOrEqual(few.length);
    const plan = await plannedScans(db, (d) => peopleByNameKey(d, org, few));
    expect(seqScans(plan.scans), plan.scans.join('\n')).toEqual([]);
    expect(usesIndex(plan.scans, 'person_name_idx'), plan.scans.join('\n')).toBe(true);
    const all = people(SHAPE.peoplePerOrg).map((p) => p.nameKey);
    const whole = await plannedScans(db, (d) => peopleByNameKey(d, org, all));
    expect(seqScans(whole.scans), whole.scans.join('\n')).toEqual([]);
  });

  it('lists an organisation’s audit newest first on (org_id, …), also for the oldest organisation and by person', async () => {
    expect(await listAudit(db, org, { limit: 50 })).toHaveLength(50);
    for (const [orgId, filter] of [
      [org, { limit: 50 }],
      [firstOrg, { limit: 50 }],
      [org, { limit: 50, period: `${SHAPE.year}-02` }],
    ] as const) {
      const plan = await plannedScans(db, (d) => listAudit(d, orgId, filter));
      expect(seqScans(plan.scans), plan.scans.join('\n')).toEqual([]);
      expect(usesIndex(plan.scans, 'audit_org_idx'), plan.scans.join('\n')).toBe(true);
    }
    const byPerson = await plannedScans(db, (d) => listAudit(d, org, { limit: 50, entityKey: people(1)[0]!.code }));
    expect(seqScans(byPerson.scans), byPerson.scans.join('\n')).toEqual([]);
    expect(usesIndex(byPerson.scans, 'audit_entity_idx'), byPerson.scans.join('\n')).toBe(true);
  });
});
