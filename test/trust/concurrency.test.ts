import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../server/contract/rule-set.ts';
import type { Db } from '../../server/db/database.ts';
import { loadPersonMonth } from '../../server/months/month-repository.ts';
import { personMonthInput } from '../../server/months/month-view.ts';
import { openServer } from '../../server/db/server.ts';
import { classifyMonth } from '../../server/rules/index.ts';
import { testDatabases } from '../support/databases.ts';
import { freshPostgres, openOrg, personRows, type Org } from './support.ts';

type Push = (period: string, rows: unknown[], o?: { key?: string; idem?: string }) => Promise<{ status: number; body: any }>;
const pusher = (org: Org): Push => (period, rows, o = {}) =>
  org.call('POST', `/api/v1/months/${period}/people`, { body: { rows }, ...(o.key ? { key: o.key } : {}), ...(o.idem ? { headers: { 'idempotency-key': o.idem } } : {}) });

async function auditCount(db: Db, orgId: number, period: string, entityKey?: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from audit where org_id = $1 and period = $2 and ($3::text is null or entity_key = $3)`,
    [orgId, period, entityKey ?? null],
  );
  return row!.n;
}

/** Two clients push the same person's month over the same version at once: one wins, the other sees its values. */
async function sameVersionRace(a: Push, b: Push, db: Db, orgId: number, round: number) {
  const period = '2032-01';
  const row = { code: `RACE-${round}`, name: `Người Tranh ${round}`, unit: 'Khoa A', score: 70 };
  expect((await a(period, [row])).body.results[0].version).toBe(1);
  const answers = await Promise.all([a(period, [{ ...row, score: 80, baseVersion: 1 }]), b(period, [{ ...row, score: 90, baseVersion: 1 }])]);
  const results = answers.map((x) => x.body.results[0]);
  expect(results.map((r) => r.status).sort()).toEqual(['accepted', 'conflict']);
  const winner = results.findIndex((r) => r.status === 'accepted');
  const winningScore = winner === 0 ? 80 : 90;
  expect(results[1 - winner].stored).toMatchObject({ score: winningScore, version: 2 });
  const stored = await db.query<{ score: number; version: number }>(
    `select m.score::float8 as score, m.version from person_month m join person p on p.id = m.person_id
     where m.org_id = $1 and m.period = $2 and p.code = $3`,
    [orgId, period, row.code],
  );
  expect(stored).toEqual([{ score: winningScore, version: 2 }]);
  expect(await auditCount(db, orgId, period, row.code)).toBe(2);
}

/** Two pushes with one idempotency key and one body at once: one answer for both, rows and audit written once. */
async function sameKeyRace(a: Push, b: Push, db: Db, orgId: number, period: string, idem: string) {
  const rows = personRows(40, `${idem}-`);
  const [first, second] = await Promise.all([a(period, rows, { idem }), b(period, rows, { idem })]);
  expect([first.status, second.status]).toEqual([200, 200]);
  expect(second.body.results).toEqual(first.body.results);
  expect(first.body.counts).toEqual({ accepted: 40, unchanged: 0, rejected: 0, conflict: 0 });
  const [{ n } = { n: -1 }] = await db.query<{ n: number }>(`select count(*)::int as n from person_month where org_id = $1 and period = $2`, [orgId, period]);
  expect(n).toBe(40);
  expect(await auditCount(db, orgId, period)).toBe(40);
}

describe.each(testDatabases())('concurrent pushes on $name', (database) => {
  let org: Org;
  beforeAll(async () => {
    org = await openOrg(await database.open(), 'concurrent');
  });
  afterAll(async () => {
    await org.db.close();
  });

  it('accepts exactly one of two pushes over the same version and answers the other with the stored values', async () => {
    for (let round = 0; round < 4; round++) await sameVersionRace(pusher(org), pusher(org), org.db, org.orgId, round);
  });

  it('answers two simultaneous pushes with the same idempotency key alike and stores them once', async () => {
    await sameKeyRace(pusher(org), pusher(org), org.db, org.orgId, '2032-02', 'same-key-one');
  });
});

describe.each(testDatabases().filter((d) => d.name === 'postgres'))('two service instances on one $name database', () => {
  let database: Awaited<ReturnType<typeof freshPostgres>>;
  let dbA: Db;
  let dbB: Db;
  let a: Org;
  let b: Org;
  beforeAll(async () => {
    database = await freshPostgres();
    dbA = openServer(database.url, 6);
    dbB = openServer(database.url, 6);
    a = await openOrg(dbA, 'shared');
    b = await openOrg(dbB, 'shared');
  });
  afterAll(async () => {
    await dbA.close();
    await dbB.close();
    await database.drop();
  });

  it('serves one organisation from both: a push through one is pulled through the other', async () => {
    expect(b.orgId).toBe(a.orgId);
    const pushed = await pusher(a)('2032-03', personRows(25, 'AB-'));
    const pulled = await b.call('GET', '/api/v1/months/2032-03/people', { key: a.adminKey });
    expect(pulled.body.rows).toEqual(pushed.body.rows);
  });

  it('replays a retry sent through the other instance and writes nothing twice', async () => {
    const rows = personRows(30, 'RETRY-');
    const first = await pusher(a)('2032-04', rows, { idem: 'retry-across-1' });
    const audit = await auditCount(dbA, a.orgId, '2032-04');
    const retry = await pusher(b)('2032-04', rows, { idem: 'retry-across-1', key: a.adminKey });
    expect(retry.body.results).toEqual(first.body.results);
    expect(await auditCount(dbB, a.orgId, '2032-04')).toBe(audit);
  });

  it('keeps one answer for one idempotency key sent to both instances at once', async () => {
    await sameKeyRace(pusher(a), (p, r, o) => pusher(b)(p, r, { ...o, key: a.adminKey }), dbA, a.orgId, '2032-05', 'same-key-two');
  });

  it('lets only one of two instances win a race over one version', async () => {
    for (let round = 10; round < 14; round++) await sameVersionRace(pusher(a), pusher(b), dbA, a.orgId, round);
  });

  it('finds a person another transaction created while this push was creating the same one', async () => {
    const code = 'RACE-NEW-1';
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const holding = new Promise<void>((resolve) => (inserted = resolve));
    // The other instance creates the person and keeps it uncommitted: the push's lookup does not see it, and
    // its insert of the same code waits for that transaction, then skips the code when it commits.
    const holder = dbB.transaction(async () => {
      await dbB.query(`insert into person (org_id, code, full_name, name_key) values ($1, $2, 'Người Giữ', 'người giữ')`, [a.orgId, code]);
      inserted();
      await held;
    });
    await holding;
    const push = pusher(a)('2032-09', [{ code, name: 'Người Giữ', unit: 'Khoa A', score: 75 }]);
    for (let waiting = 0; waiting === 0; ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      [{ waiting = 0 } = {}] = await dbA.query<{ waiting: number }>(
        `select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
    }
    release();
    await holder;
    const answer = await push;
    expect(answer.body.results[0]).toMatchObject({ status: 'accepted', key: code });
    const people = await dbA.query<{ n: number }>(`select count(*)::int as n from person where org_id = $1 and code = $2`, [a.orgId, code]);
    expect(people).toEqual([{ n: 1 }]);
  });

  it('never deadlocks two months that create and rename the same people in opposite orders', async () => {
    for (let round = 0; round < 3; round++) {
      const rows = Array.from({ length: 300 }, (_, i) => ({ code: `DL${round}-${i}`, name: `Người ${i}`, unit: `Tổ ${round}-${i % 30}`, score: 70 }));
      const renamed = rows.map((r) => ({ ...r, name: `${r.name} (sửa)`, baseVersion: 1 }));
      for (const batch of [rows, renamed]) {
        const answers = await Promise.all([pusher(a)('2032-07', batch), pusher(b)('2032-08', [...batch].reverse())]);
        expect(answers.map((x) => x.status)).toEqual([200, 200]);
        // Both find every person, the one the other created meanwhile included (renames leave months unchanged).
        expect(answers.map((x) => x.body.counts.rejected + x.body.counts.conflict)).toEqual([0, 0]);
      }
    }
  });

  it('stores ten raters pushing their own units at once exactly as a from-scratch computation of the month', async () => {
    const period = '2032-06';
    const units = Array.from({ length: 10 }, (_, u) => `Đơn vị ${u}`);
    const raters = await Promise.all(units.map((unit) => a.user('rater', [unit.toLocaleLowerCase('vi')])));
    const sent = units.map((unit, u) =>
      Array.from({ length: 30 }, (_, i) => ({
        code: `U${u}-${i}`,
        name: `Cán bộ ${u}-${i}`,
        unit,
        dutyGroup: i % 3 === 0 ? 'Chuyên viên' : 'Giảng viên',
        score: 70 + ((u * 7 + i * 3) % 31),
      })),
    );
    const answers = await Promise.all(sent.map((rows, u) => pusher(u % 2 ? a : b)(period, rows, { key: raters[u]!.key })));
    for (const answer of answers) expect(answer.body.counts).toEqual({ accepted: 30, unchanged: 0, rejected: 0, conflict: 0 });

    const month = await a.call('GET', `/api/v1/months/${period}/people`);
    const expectedCodes = sent.flat().map((r) => r.code).sort();
    expect(month.body.rows.map((r: any) => r.code).sort()).toEqual(expectedCodes);
    const sentScore = new Map(sent.flat().map((r) => [r.code, r.score]));
    for (const r of month.body.rows) expect(r.score).toBe(sentScore.get(r.code));

    const stored = await loadPersonMonth(dbA, a.orgId, period);
    const inputs = stored.map(personMonthInput);
    const fresh = classifyMonth(inputs, DEFAULT_RULE_SET, DEFAULT_RULE_SET.quota.personMonth, { raisedRate: null, awards: [] });
    const view = (r: any) => [r.code ?? r.key, r.level, r.levelBeforeQuota, r.rankInUnit, r.rankInOrg, r.tieAtQuota];
    expect(month.body.rows.map(view)).toEqual(fresh.rows.map(view));
    expect(month.body.quotas).toEqual(fresh.quotas);
  });
});
