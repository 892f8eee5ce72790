import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.ts';
import { openOrg, type Org } from './support.ts';

describe.each(testDatabases())('who may add people (roster control) on $name', (database) => {
  let org: Org;
  let rater: { key: string };
  beforeAll(async () => {
    org = await openOrg(await database.open(), 'roster-control');
    rater = await org.user('rater', ['khoa a']);
    // The admin's roster: one known person in each unit.
    const known = [{ code: 'A1', name: 'Người A1', unit: 'Khoa A', score: 95 }, { code: 'B1', name: 'Người B1', unit: 'Khoa B', score: 90 }];
    expect((await org.call('POST', '/api/v1/months/2031-01/people', { body: { rows: known } })).body.counts.accepted).toBe(2);
  });
  afterAll(async () => {
    await org.db.close();
  });

  it('by default lets a rater add people, flagged "mới" in the month summary and in the audit for the council', async () => {
    expect((await org.call('GET', '/api/v1/organisation/settings')).body).toEqual({ ratersCreatePeople: true });
    const rows = [{ code: 'A1', name: 'Người A1', unit: 'Khoa A', score: 95 }, { code: 'A9', name: 'Người mới A9', unit: 'Khoa A', score: 60 }];
    const push = await org.call('POST', '/api/v1/months/2031-02/people', { key: rater.key, body: { rows } });
    expect(push.body.counts).toMatchObject({ accepted: 2 });
    const summary = await org.call('GET', '/api/v1/months/2031-02/summary');
    expect(summary.body.newPeople).toEqual([{ code: 'A9', name: 'Người mới A9', unit: 'Khoa A' }]);
    expect((await org.call('GET', '/api/v1/months/2031-01/summary')).body.newPeople).toEqual([]);
    const audit = await org.call('GET', '/api/v1/audit?record=A9');
    expect(audit.body.find((e: any) => e.entity === 'person')).toMatchObject({ action: 'insert', newValues: expect.objectContaining({ flag: 'mới' }) });
  });

  it("set to admin only, refuses a rater's rows of people not on the roster with a Vietnamese message, keeping the others", async () => {
    expect((await org.call('PUT', '/api/v1/organisation/settings', { key: rater.key, body: { ratersCreatePeople: true } })).status).toBe(403);
    expect((await org.call('PUT', '/api/v1/organisation/settings', { body: { ratersCreatePeople: false } })).body).toEqual({ ratersCreatePeople: false });
    // Invented people with low scores would widen the organisation-wide HTXS quota and change other units' results.
    const invented = Array.from({ length: 10 }, (_, i) => ({ code: `X${i}`, name: `Người bịa ${i}`, unit: 'Khoa A', score: 55 }));
    const push = await org.call('POST', '/api/v1/months/2031-03/people', { key: rater.key, body: { rows: [{ code: 'A1', name: 'Người A1', unit: 'Khoa A', score: 95 }, ...invented] } });
    expect(push.body.counts).toMatchObject({ accepted: 1, rejected: 10 });
    expect(push.body.results[1].errors[0].message).toMatch(/chỉ cho quản trị viên thêm cán bộ mới/);
    const stored = await org.db.query<{ n: number }>(`select count(*)::int as n from person where org_id = $1 and code like 'X%'`, [org.orgId]);
    expect(stored[0]!.n).toBe(0);
    const byAdmin = await org.call('POST', '/api/v1/months/2031-03/people', { body: { rows: [{ code: 'A10', name: 'Người nhận mới', unit: 'Khoa A', score: 70 }] } });
    expect(byAdmin.body.counts).toMatchObject({ accepted: 1 });
    expect((await org.call('GET', '/api/v1/months/2031-03/summary')).body.newPeople).toEqual([]);
  });
});
