import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { memoryFailureStore } from '../../server/db/auth-failures.ts';
import { addressKey, clientAddress, TrustedProxies } from '../../server/middleware/client-info.ts';
import { createLogger } from '../../server/log.ts';
import { testDatabases } from '../support/databases.ts';
import { openOrg, type Org } from './support.ts';

const wrong = (i: number) => `bx_wrong-key-for-throttle-tests-${i}`;

describe.each(testDatabases())('failed authentication limits on $name', (database) => {
  let org: Org;
  let clock = 1_000_000;
  const throttle = { keyLimit: 5, limit: 20, windowMs: 60_000, slowMs: 20, now: () => clock };
  beforeAll(async () => {
    org = await openOrg(await database.open(), 'throttle', { authThrottle: throttle, trustedProxies: new TrustedProxies(['10.0.0.0/8', 'fd00::/8']) });
  });
  afterAll(async () => {
    await org.db.close();
  });

  const me = (address: string, key: string | null, headers: Record<string, string> = {}) => org.call('GET', '/api/v1/me', { key, address, headers });

  it('never refuses a correct key, even from an address that failed with 40 different keys (an office behind one NAT)', async () => {
    for (let i = 0; i < 40; i++) expect([401, 429]).toContain((await me('203.0.113.1', wrong(i))).status);
    expect((await me('203.0.113.1', org.adminKey)).status).toBe(200);
    const colleague = await org.user('rater', ['khoa a']);
    expect((await me('203.0.113.1', colleague.key)).status).toBe(200);
  });

  it('answers the failures of a guessing address 429 with Retry-After and a Vietnamese message, until the window is over', async () => {
    for (let i = 0; i < 20; i++) expect((await me('203.0.113.2', wrong(100 + i))).status).toBe(401);
    clock += 15_000;
    const refused = await me('203.0.113.2', wrong(200));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('45');
    expect(refused.body.error).toMatchObject({ code: 'too_many_requests', message: expect.stringContaining('hãy thử lại sau 45 giây') });
    expect((await me('203.0.113.2', org.adminKey)).status).toBe(200);
    expect((await me('203.0.113.3', wrong(201))).status).toBe(401);
    clock += 45_000;
    expect((await me('203.0.113.2', wrong(202))).status).toBe(401);
  });

  it('slows a guessing address: its unknown keys are looked up one at a time', async () => {
    for (let i = 0; i < 20; i++) await me('203.0.113.4', wrong(300 + i));
    const started = performance.now();
    await Promise.all(Array.from({ length: 10 }, (_, i) => me('203.0.113.4', wrong(400 + i))));
    expect(performance.now() - started).toBeGreaterThanOrEqual(9 * throttle.slowMs);
  });

  it('refuses one failing key after 5 tries without a lookup, and counts it once against its address', async () => {
    const stale = wrong(500);
    for (let i = 0; i < 5; i++) expect((await me('203.0.113.5', stale)).status).toBe(401);
    for (let i = 0; i < 50; i++) expect((await me('203.0.113.5', stale)).status).toBe(429);
    // 55 failures of one key are one failing key: the address is not slowed, other keys are answered 401.
    for (let i = 0; i < 18; i++) expect((await me('203.0.113.5', wrong(600 + i))).status).toBe(401);
    expect((await me('203.0.113.5', org.adminKey)).status).toBe(200);
  });

  it('reads X-Forwarded-For only from a trusted proxy (TRUSTED_PROXIES)', async () => {
    // Behind a trusted load balancer, one client's failures do not touch another's.
    for (let i = 0; i < 20; i++) await me('10.0.0.7', wrong(700 + i), { 'x-forwarded-for': '198.51.100.9' });
    expect((await me('10.0.0.7', wrong(800), { 'x-forwarded-for': '198.51.100.9' })).status).toBe(429);
    expect((await me('10.0.0.7', wrong(801), { 'x-forwarded-for': '198.51.100.10' })).status).toBe(401);
    // Any other peer's X-Forwarded-For is its own claim, ignored: it cannot escape its count by lying.
    for (let i = 0; i < 20; i++) await me('192.0.2.50', wrong(900 + i), { 'x-forwarded-for': `198.51.100.${i}` });
    expect((await me('192.0.2.50', wrong(950), { 'x-forwarded-for': '198.51.100.200' })).status).toBe(429);
  });

  it('reads the client address from the socket of a real HTTP connection', async () => {
    const server = serve({ fetch: org.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/me`;
    try {
      const get = (key: string) => fetch(url, { headers: { authorization: `Bearer ${key}` } });
      for (let i = 0; i < 20; i++) expect((await get(wrong(1000 + i))).status).toBe(401);
      expect((await get(wrong(1100))).status).toBe(429);
      expect((await get(org.adminKey)).status).toBe(200);
      expect((await me('local', wrong(1101))).status).toBe(401);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it.runIf(database.name === 'postgres')('shares the counts between two service processes on one database', async () => {
    const second = createApp({ db: org.db, logger: createLogger('silent'), publicUrl: 'https://localhost:3000', authThrottle: throttle });
    const at = (app: { request: typeof second.request }, key: string) =>
      app.request('/api/v1/me', { headers: { authorization: `Bearer ${key}` } }, { incoming: { socket: { remoteAddress: '203.0.113.77' } } });
    for (let i = 0; i < 10; i++) expect((await at(org.app, wrong(1200 + i))).status).toBe(401);
    for (let i = 0; i < 10; i++) expect((await at(second, wrong(1300 + i))).status).toBe(401);
    expect((await at(org.app, wrong(1400))).status).toBe(429);
    expect((await at(second, wrong(1401))).status).toBe(429);
    expect((await at(second, org.adminKey)).status).toBe(200);
  });
});

describe('failed authentication counts in the process', () => {
  it('remember at most their bound of keys and addresses, forgetting the oldest first', async () => {
    const store = memoryFailureStore(100);
    for (let i = 0; i < 3; i++) await store.fail(`k${i}`, '198.51.100.1', 0, 60_000);
    for (let i = 0; i < 10_000; i++) await store.fail(`flood${i}`, `10.${i >> 8}.${i & 255}.1`, 1, 60_000);
    expect((await store.read(null, '198.51.100.1', 2, 60_000)).address).toBeNull();
    await store.fail('x', '198.51.100.2', 3, 60_000);
    await store.fail('x', '198.51.100.2', 3, 60_000);
    expect(await store.read('x', '198.51.100.2', 4, 60_000)).toEqual({ key: { since: 3, failures: 2 }, address: { since: 3, failures: 1 } });
  });

  it('take the address from the Node socket, through trusted proxies only, else call the caller local', () => {
    const proxies = new TrustedProxies(['10.0.0.0/8', '2001:db8:ffff::/48']);
    const at = (remoteAddress?: string, xff?: string) =>
      clientAddress({ env: { incoming: { socket: { remoteAddress } } }, req: { header: () => xff } } as never, proxies);
    expect(at('192.0.2.5')).toBe('192.0.2.5');
    expect(at('::ffff:192.0.2.5')).toBe('192.0.2.5');
    expect(at('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(at('192.0.2.5', '198.51.100.1')).toBe('192.0.2.5');
    expect(at('10.1.1.1', '198.51.100.1, 10.2.2.2')).toBe('198.51.100.1');
    expect(at('::ffff:10.1.1.1', 'junk, 198.51.100.3')).toBe('198.51.100.3');
    expect(at('2001:db8:ffff::5', '2001:db8:1:2::9')).toBe('2001:db8:1:2::/64');
    expect(at(undefined)).toBe('local');
    expect(addressKey('2001:db8:7:9:1::1')).toBe('2001:db8:7:9::/64');
    expect(() => new TrustedProxies(['10.0.0.0/33'])).toThrow(/TRUSTED_PROXIES/);
    expect(() => new TrustedProxies(['proxy.local'])).toThrow(/TRUSTED_PROXIES/);
  });
});
