import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, gzipAnswers } from '../../server/middleware/gzip-answers.ts';

describe('acceptsGzip (RFC 9110 §12.5.3)', () => {
  it.each([
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['GZIP;q=0.5', true],
    ['x-gzip', true],
    ['br;q=1, gzip;q=0.1', true],
    ['*', true],
    ['deflate, *;q=0.2', true],
    ['identity', false],
    ['gzip;q=0', false],
    ['gzip;q=0, *', false],
    ['*;q=0', false],
    ['deflate, br', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('gzipAnswers', () => {
  const big = { rows: Array.from({ length: 2_000 }, (_, i) => ({ code: `CB${i}`, name: 'Nguyễn Thị Hoà', score: 85.5 })) };
  const app = new Hono();
  app.use('*', gzipAnswers());
  app.get('/big', (c) => c.json(big));
  app.get('/small', (c) => c.json({ ok: true }));
  app.get('/kept', (c) => c.json(big, 200, { 'Cache-Control': 'private, no-transform' }));
  app.get('/bytes', (c) => c.body(new Uint8Array(5_000), 200, { 'Content-Type': 'application/octet-stream' }));
  app.get('/tagged', (c) => c.json(big, 200, { ETag: '"v1"', Vary: 'Prefer' }));
  const get = (path: string, encoding?: string, method = 'GET') =>
    app.request(path, { method, headers: encoding === undefined ? {} : { 'accept-encoding': encoding } });

  it('packs a big JSON answer for a client that accepts gzip, with its length, and it unpacks to the same JSON', async () => {
    const res = await get('/big', 'gzip, deflate');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    const packed = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(packed.length);
    expect(packed.length).toBeLessThan(JSON.stringify(big).length / 5);
    expect(JSON.parse(gunzipSync(packed).toString('utf8'))).toEqual(big);
  });

  it('sends it as it is to a client that does not accept gzip, still saying it varies by Accept-Encoding', async () => {
    for (const encoding of [undefined, 'identity', 'gzip;q=0']) {
      const res = await get('/big', encoding);
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(await res.json()).toEqual(big);
    }
  });

  it('leaves small answers, bytes that are not text, no-transform answers and HEAD alone', async () => {
    const small = await get('/small', 'gzip');
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ ok: true });
    const bytes = await get('/bytes', 'gzip');
    expect(bytes.headers.get('content-encoding')).toBeNull();
    expect((await bytes.arrayBuffer()).byteLength).toBe(5_000);
    expect((await get('/kept', 'gzip')).headers.get('content-encoding')).toBeNull();
    expect((await get('/big', 'gzip', 'HEAD')).headers.get('content-encoding')).toBeNull();
  });

  it('weakens a strong ETag of a packed answer and adds to an existing Vary', async () => {
    const res = await get('/tagged', 'gzip');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('etag')).toBe('W/"v1"');
    expect(res.headers.get('vary')).toBe('Prefer, Accept-Encoding');
  });
});
