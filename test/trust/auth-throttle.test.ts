import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, failedAuthCounter } from '../../server/middleware/auth-throttle.ts';
import { testDatabases } from '../support/databases.ts';
import { openOrg, type Org } from './support.ts';

const WRONG = 'bx_wrong-key-for-throttle-tests';

describe.each(testDatabases())('failed authentication limit on $name', (database) => {
  let org: Org;
  let clock = 1_000_000;
  beforeAll(async () => {
    org = await openOrg(await database.open(), 'throttle', { authThrottle: { limit: 20, windowMs: 60_000, now: () => clock } });
  });
  afterAll(async () => {
    await org.db.close();
  });

  const me = (address: string, key: string | null) => org.call('GET', '/api/v1/me', { key, address });

  it('refuses an address with 429, Retry-After and a Vietnamese message after 20 failures in a minute, even with the right key, until the minute is over', async () => {
    for (let i = 0; i < 20; i++) expect((await me('203.0.113.1', i % 2 ? WRONG : null)).status).toBe(401);
    clock += 15_000;
    const refused = await me('203.0.113.1', org.adminKey);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('45');
    expect(refused.body.error).toMatchObject({ code: 'too_many_requests', message: expect.stringContaining('hãy thử lại sau 45 giây') });
    expect((await org.call('POST', '/api/v1/months/2030-01/people', { address: '203.0.113.1', body: { rows: [] } })).status).toBe(429);
    clock += 45_000;
    expect((await me('203.0.113.1', org.adminKey)).status).toBe(200);
  });

  it('keeps answering other addresses while one is refused', async () => {
    for (let i = 0; i < 20; i++) await me('203.0.113.5', WRONG);
    expect((await me('203.0.113.5', org.adminKey)).status).toBe(429);
    expect((await me('203.0.113.2', org.adminKey)).status).toBe(200);
    expect((await me('203.0.113.3', WRONG)).status).toBe(401);
  });

  it('never counts successful authentications', async () => {
    for (let i = 0; i < 60; i++) expect((await me('203.0.113.4', org.adminKey)).status).toBe(200);
    for (let i = 0; i < 19; i++) expect((await me('203.0.113.4', WRONG)).status).toBe(401);
    expect((await me('203.0.113.4', org.adminKey)).status).toBe(200);
  });

  it('counts every address of one IPv6 /64 as one client', async () => {
    for (let i = 0; i < 20; i++) expect((await me(`2001:db8:7:9:${i.toString(16)}::1`, WRONG)).status).toBe(401);
    expect((await me('2001:db8:7:9:ffff:1:2:3', org.adminKey)).status).toBe(429);
    expect((await me('2001:db8:7:a::1', org.adminKey)).status).toBe(200);
  });

  it('reads the client address from the socket of a real HTTP connection', async () => {
    const server = serve({ fetch: org.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/me`;
    try {
      const get = (key: string) => fetch(url, { headers: { authorization: `Bearer ${key}` } });
      for (let i = 0; i < 20; i++) expect((await get(WRONG)).status).toBe(401);
      const refused = await get(org.adminKey);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await me('local', org.adminKey)).status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('failed authentication counter', () => {
  it('remembers at most its bound of addresses, forgetting the oldest first', () => {
    let now = 0;
    const counter = failedAuthCounter({ limit: 3, windowMs: 60_000, maxAddresses: 100, now: () => now });
    for (let i = 0; i < 3; i++) counter.fail('198.51.100.1');
    for (let i = 0; i < 10_000; i++) counter.fail(`10.${i >> 8}.${i & 255}.1`);
    expect(counter.size).toBeLessThanOrEqual(100);
    expect(counter.blockedFor('198.51.100.1')).toBeNull();
    for (let i = 0; i < 3; i++) counter.fail('198.51.100.2');
    expect(counter.blockedFor('198.51.100.2')).toBe(60);
    now += 60_000;
    counter.fail('198.51.100.3');
    expect(counter.size).toBe(1);
  });

  it('takes the address from the Node socket, else calls the caller local', () => {
    const at = (remoteAddress?: string) => clientAddress({ env: { incoming: { socket: { remoteAddress } } } } as never);
    expect(at('192.0.2.5')).toBe('192.0.2.5');
    expect(at('::ffff:192.0.2.5')).toBe('192.0.2.5');
    expect(at('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(at(undefined)).toBe('local');
    expect(clientAddress({ env: undefined } as never)).toBe('local');
  });
});
