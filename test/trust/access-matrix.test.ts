import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.ts';
import { CALLERS, callerKeys, openOrg, type CallerName, type Org } from './support.ts';

/**
 * Every route × every caller. `other` is the admin of a second organisation on the same database: it reaches
 * only its own organisation (reads answer 200 with its own, empty data) and cannot find this one's users or
 * keys (404). A rater of unit B may call the push routes (200) but its unit-A row is rejected, tested below.
 */
const TABLE = `
                        admin council raterA raterB viewer none wrong revoked expired disabled other
GET    months/people      200   200     200    200    200   401   401    401     401     401     200
POST   months/people      200   200     200    200    403   401   401    401     401     401     200
GET    months/units       200   200     200    200    200   401   401    401     401     401     200
POST   months/units       200   200     200    200    403   401   401    401     401     401     200
GET    months/summary     200   200     200    200    200   401   401    401     401     401     200
POST   months/decisions   201   201     403    403    403   401   401    401     401     401     201
GET    rule-set           200   200     200    200    200   401   401    401     401     401     200
PUT    rule-set           200   403     403    403    403   401   401    401     401     401     200
GET    users              200   403     403    403    403   401   401    401     401     401     200
POST   users              201   403     403    403    403   401   401    401     401     401     201
PATCH  users/target       200   403     403    403    403   401   401    401     401     401     404
GET    keys               200   403     403    403    403   401   401    401     401     401     200
POST   keys               201   403     403    403    403   401   401    401     401     401     404
DELETE keys/victim        200   403     403    403    403   401   401    401     401     401     404
GET    roster             200   200     200    200    200   401   401    401     401     401     200
GET    me                 200   200     200    200    200   401   401    401     401     401     200
GET    audit              200   200     403    403    403   401   401    401     401     401     200
GET    years/movements    200   200     200    200    200   401   401    401     401     401     200
POST   years/movements    200   200     403    403    403   401   401    401     401     401     200
GET    years/contributions 200  200     200    200    200   401   401    401     401     401     200
POST   years/contributions 200  200     200    200    403   401   401    401     401     401     200
GET    years/statistics   200   200     200    200    200   401   401    401     401     401     200
PUT    classes/year       200   200     403    403    403   401   401    401     401     401     200
`;

const [header, ...lines] = TABLE.trim().split('\n');
const columns = header!.trim().split(/\s+/) as CallerName[];
const EXPECTED = lines.map((line) => {
  const [method, route, ...statuses] = line.trim().split(/\s+/);
  return { method: method!, route: route!, expected: Object.fromEntries(columns.map((c, i) => [c, Number(statuses[i])])) };
});

const P = '2030-01';

describe.each(testDatabases())('access on $name', (database) => {
  let org: Org;
  let other: Org;
  let keys: Awaited<ReturnType<typeof callerKeys>>;
  let target: { id: number; keyId: number };
  let victim: { keyId: number };

  beforeAll(async () => {
    const db = await database.open();
    org = await openOrg(db, 'main-org', { authThrottle: false });
    other = await openOrg(db, 'other', { authThrottle: false });
    keys = await callerKeys(org, other);
    target = await org.user('viewer');
    victim = await org.user('viewer');
  });
  afterAll(async () => {
    await org.db.close();
  });

  function request(route: string): { path: string; body?: unknown } {
    const requests: Record<string, { path: string; body?: unknown }> = {
      'months/people': { path: `months/${P}/people`, body: { rows: [{ code: 'MX-1', name: 'Người Ma Trận', unit: 'Khoa A', score: 80 }] } },
      'months/units': { path: `months/${P}/units`, body: { rows: [{ unit: 'Khoa A', score: 80 }] } },
      'months/summary': { path: `months/${P}/summary` },
      'months/decisions': { path: `months/${P}/decisions`, body: { kind: 'raise-rate', rate: 22, reason: 'Thử bảng quyền' } },
      'rule-set': { path: 'rule-set', body: { preset: 'default' } },
      users: { path: 'users', body: { name: 'Người dùng mới', role: 'viewer' } },
      'users/target': { path: `users/${target.id}`, body: { name: 'Tên đã sửa' } },
      keys: { path: 'keys', body: { userId: target.id } },
      'keys/victim': { path: `keys/${victim.keyId}` },
      roster: { path: 'roster' },
      me: { path: 'me' },
      audit: { path: 'audit' },
      'years/movements': { path: 'years/2030/movements', body: { rows: [{ code: 'MT', name: 'Phong trào ma trận' }] } },
      'years/contributions': { path: 'years/2030/contributions', body: { rows: [{ driveCode: 'MT', unit: 'Khoa A', amount: 1000 }] } },
      'years/statistics': { path: 'years/2030/statistics' },
      'classes/year': { path: 'classes/L%E1%BB%9Bp%20M/year', body: { year: 2030 } },
    };
    return requests[route]!;
  }

  it.each(EXPECTED)('answers $method $route for each caller as the table says', async ({ method, route, expected }) => {
    const { path, body } = request(route);
    const actual: Record<string, number> = {};
    for (const caller of CALLERS) {
      const res = await org.call(method, `/api/v1/${path}`, { key: keys[caller], ...(method === 'GET' || method === 'DELETE' ? {} : { body }) });
      actual[caller] = res.status;
      if (res.status >= 400) expect(res.body.error, `${caller} ${method} ${route}`).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    expect(actual).toEqual(expected);
  });

  it('lets raters read every unit of their organisation but write only their own units', async () => {
    await org.call('POST', '/api/v1/months/2030-02/people', { body: { rows: [{ code: 'RB-1', name: 'Người Khoa B', unit: 'Khoa B', score: 81 }] } });
    const read = await org.call('GET', '/api/v1/months/2030-02/people', { key: keys.raterA });
    expect(read.body.rows.map((r: any) => r.code)).toEqual(['RB-1']);
    const pushed = await org.call('POST', '/api/v1/months/2030-02/people', {
      key: keys.raterA,
      body: {
        rows: [
          { code: 'RA-1', name: 'Người Khoa A', unit: 'Khoa A', score: 75 },
          { code: 'RA-2', name: 'Người Khoa B khác', unit: 'Khoa B', score: 75 },
          { code: 'RB-1', name: 'Người Khoa B', unit: 'Khoa A', score: 99 },
        ],
      },
    });
    expect(pushed.body.results.map((r: any) => [r.status, r.errors[0]?.field ?? null])).toEqual([
      ['accepted', null],
      ['rejected', 'unit'],
      ['rejected', 'code'],
    ]);
    const after = await org.call('GET', '/api/v1/months/2030-02/people');
    expect(after.body.rows.map((r: any) => [r.code, r.unit, r.score])).toEqual([
      ['RA-1', 'Khoa A', 75],
      ['RB-1', 'Khoa B', 81],
    ]);
    const units = await org.call('POST', '/api/v1/months/2030-02/units', { key: keys.raterA, body: { rows: [{ unit: 'Khoa A', score: 80 }, { unit: 'Khoa B', score: 80 }] } });
    expect(units.body.results.map((r: any) => [r.status, r.errors[0]?.field ?? null])).toEqual([
      ['accepted', null],
      ['rejected', 'unit'],
    ]);
  });

  it('shows a person’s donation only to the admin, the council and the rater of that person’s unit (DRV-4)', async () => {
    await org.call('POST', '/api/v1/months/2031-01/units', { body: { rows: [{ unit: 'Khoa A', score: 80 }] } });
    await org.call('POST', '/api/v1/years/2031/movements', { body: { rows: [{ code: 'VNN', name: 'Ngày vì người nghèo' }] } });
    const pushed = await org.call('POST', '/api/v1/years/2031/contributions', {
      key: keys.raterA,
      body: { rows: [{ driveCode: 'VNN', unit: 'Khoa A', code: 'DG-1', name: 'Người Ủng Hộ', amount: 1_234_000 }] },
    });
    expect(pushed.body.counts.accepted).toBe(1);
    const seen: Record<string, unknown> = {};
    for (const caller of ['admin', 'council', 'raterA', 'raterB', 'viewer', 'other'] as const) {
      const res = await org.call('GET', '/api/v1/years/2031/contributions', { key: keys[caller] });
      seen[caller] = [res.body.rows.map((r: any) => [r.code, r.amount]), res.body.totals.money];
    }
    expect(seen).toEqual({
      admin: [[['DG-1', 1_234_000]], 1_234_000],
      council: [[['DG-1', 1_234_000]], 1_234_000],
      raterA: [[['DG-1', 1_234_000]], 1_234_000],
      raterB: [[], 1_234_000],
      viewer: [[], 1_234_000],
      other: [[], 0],
    });
  });

  it("keeps organisations apart: another organisation's key sees none of this one's rows, roster, audit, users or keys", async () => {
    await org.call('POST', '/api/v1/months/2030-03/people', { body: { rows: [{ code: 'ISO-1', name: 'Tên Riêng Tổ Chức Một', unit: 'Khoa Riêng', score: 88 }] } });
    await org.call('POST', '/api/v1/months/2030-03/units', { body: { rows: [{ unit: 'Khoa Riêng', score: 88 }] } });
    const seen = [
      await org.call('GET', '/api/v1/months/2030-03/people', { key: keys.other }),
      await org.call('GET', '/api/v1/months/2030-03/units', { key: keys.other }),
      await org.call('GET', '/api/v1/months/2030-03/summary', { key: keys.other }),
      await org.call('GET', '/api/v1/roster', { key: keys.other }),
      await org.call('GET', '/api/v1/audit?limit=1000', { key: keys.other }),
      await org.call('GET', '/api/v1/users', { key: keys.other }),
      await org.call('GET', '/api/v1/keys', { key: keys.other }),
    ];
    expect(seen.map((s) => s.status)).toEqual([200, 200, 200, 200, 200, 200, 200]);
    expect(seen[0]!.body.rows).toEqual([]);
    expect(seen[1]!.body.rows).toEqual([]);
    expect(seen[2]!.body.people.byUnit).toEqual([]);
    const text = JSON.stringify(seen.map((s) => s.body));
    for (const secret of ['ISO-1', 'Tên Riêng Tổ Chức Một', 'Khoa Riêng']) expect(text).not.toContain(secret);
    const ours = await org.call('GET', '/api/v1/users');
    const theirIds = new Set(seen[5]!.body.map((u: any) => u.id));
    expect(ours.body.some((u: any) => theirIds.has(u.id))).toBe(false);
    const ourKeys = await org.call('GET', '/api/v1/keys');
    const theirKeys = new Set(seen[6]!.body.map((k: any) => k.id));
    expect(ourKeys.body.some((k: any) => theirKeys.has(k.id))).toBe(false);
  });

  it('makes the same staff code pushed in two organisations two different people', async () => {
    const row = { code: 'SAME-1', unit: 'Khoa Chung', score: 70 };
    await org.call('POST', '/api/v1/months/2030-04/people', { body: { rows: [{ ...row, name: 'Người Tổ Chức Một' }] } });
    await other.call('POST', '/api/v1/months/2030-04/people', { body: { rows: [{ ...row, name: 'Người Tổ Chức Hai', score: 90 }] } });
    const people = await org.db.query<{ id: number; org_id: number; full_name: string }>(
      `select id, org_id, full_name from person where code = 'SAME-1' order by org_id`,
    );
    expect(people).toHaveLength(2);
    expect(new Set(people.map((p) => p.id)).size).toBe(2);
    expect(people.map((p) => [p.org_id, p.full_name])).toEqual([
      [org.orgId, 'Người Tổ Chức Một'],
      [other.orgId, 'Người Tổ Chức Hai'],
    ]);
    const mine = await org.call('GET', '/api/v1/months/2030-04/people');
    const theirs = await other.call('GET', '/api/v1/months/2030-04/people');
    expect(mine.body.rows.map((r: any) => [r.name, r.score, r.version])).toEqual([['Người Tổ Chức Một', 70, 1]]);
    expect(theirs.body.rows.map((r: any) => [r.name, r.score, r.version])).toEqual([['Người Tổ Chức Hai', 90, 1]]);
  });

  it('shows the audit log to council and admin filtered by actor, record and period, and to no rater or viewer', async () => {
    const councilId = keys.userIds.council!;
    await org.call('POST', '/api/v1/months/2030-05/people', { body: { rows: [{ code: 'AU-1', name: 'Người Nhật Ký Một', unit: 'Khoa A', score: 70 }] } });
    await org.call('POST', '/api/v1/months/2030-06/people', { key: keys.council, body: { rows: [{ code: 'AU-2', name: 'Người Nhật Ký Hai', unit: 'Khoa A', score: 71 }] } });
    const byActor = await org.call('GET', `/api/v1/audit?actor=${councilId}`, { key: keys.council });
    expect(byActor.status).toBe(200);
    expect(byActor.body.length).toBeGreaterThan(0);
    expect(byActor.body.every((e: any) => e.actor === councilId)).toBe(true);
    expect(byActor.body.map((e: any) => e.entityKey)).toContain('AU-2');
    expect(byActor.body.map((e: any) => e.entityKey)).not.toContain('AU-1');
    const byRecord = await org.call('GET', '/api/v1/audit?record=AU-1', { key: keys.admin });
    expect(byRecord.body.map((e: any) => [e.entity, e.action])).toEqual(
      expect.arrayContaining([
        ['person', 'insert'],
        ['person_month', 'insert'],
      ]),
    );
    expect(byRecord.body.every((e: any) => e.entityKey === 'AU-1')).toBe(true);
    const byPeriod = await org.call('GET', '/api/v1/audit?period=2030-06', { key: keys.council });
    expect(byPeriod.body.map((e: any) => [e.entityKey, e.period, e.action, e.newValues.score])).toEqual([['AU-2', '2030-06', 'insert', 71]]);
    for (const caller of ['raterA', 'raterB', 'viewer'] as const) {
      const denied = await org.call('GET', '/api/v1/audit?record=AU-1', { key: keys[caller] });
      expect(denied.status).toBe(403);
      expect(JSON.stringify(denied.body)).not.toContain('AU-1');
    }
  });
});
