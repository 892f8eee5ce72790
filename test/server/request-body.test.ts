import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestBody } from '../../server/middleware/request-body.ts';
import { testDatabases } from '../support/databases.ts';
import { openOrg, type Org } from '../trust/support.ts';

/** A tiny app that echoes the JSON body it parsed, behind the body reader. */
function echoApp(limit: number, maxCompressedInFlight = 4) {
  const app = new Hono();
  app.use('*', requestBody({ maxBytes: limit, maxCompressedInFlight }));
  app.post('/echo', async (c) => c.json({ got: await c.req.json(), encoding: c.req.header('content-encoding') ?? null }));
  return app;
}

const post = (app: Hono, body: BodyInit, headers: Record<string, string>) =>
  app.request('/echo', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, duplex: 'half' } as RequestInit);

/** A body that records whether anyone read it, and ends only when told. */
function watchedBody(bytes: Uint8Array) {
  let pulled = false;
  let finish: () => void = () => {};
  const ended = new Promise<void>((resolve) => (finish = resolve));
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (pulled) {
        await ended;
        controller.close();
        return;
      }
      pulled = true;
      controller.enqueue(bytes);
    },
  }, { highWaterMark: 0 });
  return { stream, pulled: () => pulled, finish };
}

describe('requestBody (body limit, gzip-compressed push bodies, UTF-8)', () => {
  const rows = { rows: Array.from({ length: 200 }, (_, i) => ({ ref: i + 6, name: 'Lò Văn Thắng', unit: 'Khoa Dân vận', score: 85.5 })) };

  it('unpacks a gzip body so the route parses the same JSON as if it were sent plain', async () => {
    const app = echoApp(1024 * 1024);
    const packed = gzipSync(JSON.stringify(rows));
    expect(packed.length).toBeLessThan(JSON.stringify(rows).length / 5);
    const res = await post(app, packed, { 'content-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ got: rows, encoding: null });
  });

  it('passes plain and identity bodies through untouched', async () => {
    const app = echoApp(1024 * 1024);
    for (const headers of [{}, { 'content-encoding': 'identity' }] as Record<string, string>[]) {
      const res = await post(app, JSON.stringify(rows), headers);
      expect(res.status).toBe(200);
      expect((await res.json()).got).toEqual(rows);
    }
  });

  it('refuses a small body that unpacks past the limit (a zip bomb) as too large, and a plain body past it', async () => {
    const app = echoApp(64 * 1024);
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const res = await post(app, bomb, { 'content-encoding': 'gzip' });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
    const plain = await post(app, new ReadableStream({ pull: (c) => c.enqueue(new Uint8Array(16 * 1024).fill(0x20)) }), {});
    expect(plain.status).toBe(413);
  });

  it('refuses broken gzip and unknown encodings with a Vietnamese message', async () => {
    const app = echoApp(1024 * 1024);
    const broken = gzipSync(JSON.stringify(rows)).subarray(0, 40);
    const bad = await post(app, broken, { 'content-encoding': 'gzip' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/gzip bị hỏng/);
    const br = await post(app, 'x', { 'content-encoding': 'br' });
    expect(br.status).toBe(415);
    expect((await br.json()).error.message).toMatch(/chỉ nhận gzip/);
  });

  it('refuses a body that is not UTF-8 with 400 invalid_utf8 instead of storing U+FFFD, plain or packed', async () => {
    const app = echoApp(1024 * 1024);
    const bytes = Buffer.concat([Buffer.from('{"rows":[{"name":"L'), Buffer.from([0xf2, 0x20]), Buffer.from('"}]}')]);
    for (const [body, headers] of [[bytes, {}], [gzipSync(bytes), { 'content-encoding': 'gzip' }]] as const) {
      const res = await post(app, body, headers);
      expect(res.status).toBe(400);
      const answer = await res.json();
      expect(answer.error.code).toBe('invalid_utf8');
      expect(answer.error.message).toContain('UTF-8');
    }
  });

  it('answers 503 server_busy with Retry-After to a compressed body beyond the bodies being unpacked at once', async () => {
    const app = echoApp(1024 * 1024, 2);
    const packed = gzipSync(JSON.stringify(rows));
    const slow = [watchedBody(packed.subarray(0, 100)), watchedBody(packed.subarray(0, 100))];
    const pending = slow.map((b) => post(app, b.stream, { 'content-encoding': 'gzip' }));
    await new Promise((r) => setTimeout(r, 50));
    const third = await post(app, packed, { 'content-encoding': 'gzip' });
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('2');
    expect((await third.json()).error).toMatchObject({ code: 'server_busy', details: { retryable: true } });
    for (const b of slow) b.finish();
    await Promise.all(pending);
    expect((await post(app, packed, { 'content-encoding': 'gzip' })).status).toBe(200);
  });
});

describe.each(testDatabases())('bodies of callers without a valid key on $name', (database) => {
  let org: Org;
  beforeAll(async () => {
    org = await openOrg(await database.open(), 'body-before-auth');
  });
  afterAll(async () => {
    await org.db.close();
  });

  it('are never read or unpacked: the 401 comes before the first byte is taken', async () => {
    const bomb = gzipSync(Buffer.alloc(39 * 1024 * 1024, 0x20));
    for (const key of [null, 'bx_not-a-key-at-all']) {
      const body = watchedBody(bomb);
      const headers: Record<string, string> = { 'content-type': 'application/json', 'content-encoding': 'gzip' };
      if (key) headers.authorization = `Bearer ${key}`;
      const res = await org.app.request('/api/v1/months/2031-01/people', { method: 'POST', headers, body: body.stream, duplex: 'half' } as RequestInit);
      expect(res.status).toBe(401);
      expect(body.pulled()).toBe(false);
      body.finish();
    }
  });

  it('with the right key, a packed body is unpacked within the limit and reaches the route', async () => {
    const packed = gzipSync(JSON.stringify({ rows: [{ code: 'GZ1', name: 'Nén', unit: 'Khoa A', score: 80 }] }));
    const headers = { 'content-type': 'application/json', 'content-encoding': 'gzip', authorization: `Bearer ${org.adminKey}` };
    const res = await org.app.request('/api/v1/months/2031-01/people', { method: 'POST', headers, body: packed });
    expect(res.status).toBe(200);
    expect((await res.json()).counts).toMatchObject({ accepted: 1 });
  });
});
