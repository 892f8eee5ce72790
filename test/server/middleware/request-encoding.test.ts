import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { describe, expect, it } from 'vitest';
import { requestEncoding } from '../../../server/middleware/request-encoding.ts';

/** A tiny app that echoes the JSON body it parsed, behind the body limit and the request decoding. */
function echoApp(limit: number) {
  const app = new Hono();
  app.use('*', bodyLimit({ maxSize: limit, onError: (c) => c.json({ error: { code: 'payload_too_large' } }, 413) }));
  app.use('*', requestEncoding(limit));
  app.post('/echo', async (c) => c.json({ got: await c.req.json(), encoding: c.req.header('content-encoding') ?? null }));
  return app;
}

const post = (app: Hono, body: BodyInit, headers: Record<string, string>) =>
  app.request('/echo', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('requestEncoding (gzip-compressed push bodies)', () => {
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

  it('refuses a small body that unpacks past the limit (a zip bomb) as too large', async () => {
    const app = echoApp(64 * 1024);
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(64 * 1024);
    const res = await post(app, bomb, { 'content-encoding': 'gzip' });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
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
});
