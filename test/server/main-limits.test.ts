import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildService, type ChildService } from '../support/child-service.ts';

/** A raw connection to the service, and a promise of when the service closed it (ms after opening). */
function rawConnection(url: string): Promise<{ socket: Socket; closed: Promise<{ after: number; said: string }> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      const opened = performance.now();
      let said = '';
      socket.on('data', (d) => (said += String(d)));
      socket.on('error', () => {});
      const closed = new Promise<{ after: number; said: string }>((done) => socket.on('close', () => done({ after: performance.now() - opened, said })));
      resolve({ socket, closed });
    });
    socket.once('error', reject);
  });
}

describe('the HTTP server of server/main.ts holds slow and idle clients only so long', () => {
  let service: ChildService;
  beforeAll(async () => {
    service = await startChildService({ HEADERS_TIMEOUT_MS: '1500', REQUEST_TIMEOUT_MS: '2500', KEEP_ALIVE_TIMEOUT_MS: '500', MAX_CONNECTIONS: '12', PUSH_RATE_PER_MINUTE: '3' });
  }, 120_000);
  afterAll(async () => {
    await service.stop();
  });

  it('ends a body sent a byte at a time once the request timeout has passed (408)', { timeout: 30_000 }, async () => {
    const { socket, closed } = await rawConnection(service.url);
    socket.write(`POST /api/v1/users HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${service.token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`);
    const drip = setInterval(() => socket.writable && socket.write(' '), 200);
    const end = await closed;
    clearInterval(drip);
    expect(end.after).toBeLessThan(6_000);
    expect(end.said).toMatch(/^HTTP\/1\.1 408/);
  });

  it('ends a connection that never finishes its headers once the headers timeout has passed', { timeout: 30_000 }, async () => {
    const { socket, closed } = await rawConnection(service.url);
    socket.write('GET /health HTTP/1.1\r\nHost: x\r\n');
    const end = await closed;
    expect(end.after).toBeLessThan(5_000);
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', { timeout: 30_000 }, async () => {
    const { socket, closed } = await rawConnection(service.url);
    socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    const end = await closed;
    expect(end.said).toMatch(/^HTTP\/1\.1 200/);
    expect(end.after).toBeLessThan(3_000);
  });

  it('refuses connections beyond MAX_CONNECTIONS and serves again once they close', { timeout: 30_000 }, async () => {
    const held = await Promise.all(Array.from({ length: 12 }, () => rawConnection(service.url)));
    await new Promise((r) => setTimeout(r, 100));
    const extra = await rawConnection(service.url);
    extra.socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    const refused = await extra.closed;
    expect(refused.said).toBe('');
    expect(refused.after).toBeLessThan(1_000);
    for (const h of held) h.socket.destroy();
    await new Promise((r) => setTimeout(r, 100));
    expect((await fetch(`${service.url}/health`)).status).toBe(200);
  });

  it('limits the pushes of one key per minute (PUSH_RATE_PER_MINUTE), and only that key', { timeout: 30_000 }, async () => {
    const push = (key: string, month: string) =>
      fetch(`${service.url}/api/v1/months/${month}/people`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ rows: [{ code: 'R1', name: 'Người', unit: 'Khoa A', score: 80 }] }),
      });
    for (const month of ['2031-01', '2031-02', '2031-03']) expect((await push(service.token, month)).status).toBe(200);
    const refused = await push(service.token, '2031-04');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe('too_many_requests');
    expect((await fetch(`${service.url}/api/v1/months/2031-01/people`, { headers: { authorization: `Bearer ${service.token}` } })).status).toBe(200);
    const user = await (await fetch(`${service.url}/api/v1/users`, { method: 'POST', headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Người chấm', role: 'rater', units: ['Khoa A'] }) })).json();
    const key = await (await fetch(`${service.url}/api/v1/keys`, { method: 'POST', headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ userId: user.id }) })).json();
    expect((await push(key.key, '2031-05')).status).toBe(200);
  });
});
