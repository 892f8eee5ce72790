import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.ts';
import { openOrg, type Org } from './support.ts';

const row = (code: string) => ({ rows: [{ code, name: `Người ${code}`, unit: 'Khoa A', score: 80 }] });

describe.each(testDatabases())('pushes per key per minute (PUSH_RATE_PER_MINUTE) on $name', (database) => {
  // Two service processes on one database, as behind a load balancer; one push a minute per key.
  let first: Org;
  let second: Org;
  beforeAll(async () => {
    const db = await database.open();
    first = await openOrg(db, 'push-rate', { pushRatePerMinute: 1 });
    second = await openOrg(db, 'push-rate', { pushRatePerMinute: 1 });
  });
  afterAll(async () => {
    await first.db.close();
  });

  it("refuses a key's push beyond the rate with 429 and Retry-After, the key's other requests and other keys going on", async () => {
    const rater = await first.user('rater', ['khoa a']);
    const other = await first.user('rater', ['khoa a']);
    expect((await first.call('POST', '/api/v1/months/2031-03/people', { key: rater.key, body: row('PR1') })).status).toBe(200);
    const refused = await first.call('POST', '/api/v1/months/2031-03/people', { key: rater.key, body: row('PR2') });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(30);
    expect(refused.body.error.message).toMatch(/^Khóa truy cập này đã gửi quá 1 lần trong một phút; hãy thử lại sau \d+ giây$/);
    expect((await first.call('GET', '/api/v1/months/2031-03/people', { key: rater.key })).status).toBe(200);
    expect((await first.call('POST', '/api/v1/months/2031-03/people', { key: other.key, body: row('PR3') })).status).toBe(200);
  });

  it('counts every push of rows — tasks, the dossier — but not a council decision', async () => {
    const tasks = await first.user('admin');
    expect((await first.call('POST', '/api/v1/months/2031-03/tasks', { key: tasks.key, body: { rows: [] } })).status).not.toBe(429);
    expect((await first.call('POST', '/api/v1/months/2031-03/tasks', { key: tasks.key, body: { rows: [] } })).status).toBe(429);
    const dossier = await first.user('admin');
    expect((await first.call('POST', '/api/v1/years/2031/votes', { key: dossier.key, body: { rows: [] } })).status).not.toBe(429);
    expect((await first.call('POST', '/api/v1/years/2031/votes', { key: dossier.key, body: { rows: [] } })).status).toBe(429);
    const council = await first.user('council');
    for (let i = 0; i < 3; i++) {
      const decided = await first.call('POST', '/api/v1/months/2031-03/decisions', { key: council.key, body: { kind: 'raise-rate', rate: 20 + i, reason: 'Thử tỷ lệ' } });
      expect(decided.status).not.toBe(429);
    }
  });

  it.runIf(database.name === 'postgres')('shares the count between processes on PostgreSQL: a second process does not grant a second push', async () => {
    const rater = await first.user('rater', ['khoa a']);
    expect((await first.call('POST', '/api/v1/months/2031-04/people', { key: rater.key, body: row('PS1') })).status).toBe(200);
    expect((await second.call('POST', '/api/v1/months/2031-04/people', { key: rater.key, body: row('PS2') })).status).toBe(429);
  });
});
