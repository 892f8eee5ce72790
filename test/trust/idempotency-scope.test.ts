import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.ts';
import { openOrg, type Org } from './support.ts';

describe.each(testDatabases())('idempotency keys belong to their user on $name', (database) => {
  let org: Org;
  beforeAll(async () => {
    org = await openOrg(await database.open(), 'idem-scope');
  });
  afterAll(async () => {
    await org.db.close();
  });

  it("never gives rater B the stored answer of rater A's key: B's push with the same key is its own", async () => {
    const a = await org.user('rater', ['khoa a']);
    const b = await org.user('rater', ['khoa b']);
    const idem = { 'idempotency-key': 'shared-key-000001' };
    const rowA = { code: 'IA1', name: 'Người A', unit: 'Khoa A', score: 90 };
    const pushA = await org.call('POST', '/api/v1/months/2031-01/people', { key: a.key, headers: idem, body: { rows: [rowA] } });
    expect(pushA.body.counts).toMatchObject({ accepted: 1 });
    // The same body: under an organisation-wide key B would get A's answer (A's row, "accepted") and write nothing.
    const replayB = await org.call('POST', '/api/v1/months/2031-01/people', { key: b.key, headers: idem, body: { rows: [rowA] } });
    expect(replayB.status).toBe(200);
    expect(replayB.body.results[0]).toMatchObject({ status: 'rejected', errors: [expect.objectContaining({ field: 'unit' })] });
    const rowB = { code: 'IB1', name: 'Người B', unit: 'Khoa B', score: 80 };
    const pushB = await org.call('POST', '/api/v1/months/2031-01/people', { key: b.key, headers: idem, body: { rows: [rowB] } });
    expect(pushB.status).toBe(422);
    expect(pushB.body.error.code).toBe('idempotency_mismatch');
    const other = await org.call('POST', '/api/v1/months/2031-01/people', { key: b.key, headers: { 'idempotency-key': 'b-own-key-000001' }, body: { rows: [rowB] } });
    expect(other.body.counts).toMatchObject({ accepted: 1 });
    const retryA = await org.call('POST', '/api/v1/months/2031-01/people', { key: a.key, headers: idem, body: { rows: [rowA] } });
    expect(retryA.body.results[0]).toMatchObject({ status: 'accepted' });
  });
});
