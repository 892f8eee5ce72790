import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.ts';
import { openOrg, type Org } from './support.ts';

const OWN = 'https://localhost:3000';
const EXTRA = 'https://addin.truong.example.vn';
const FOREIGN = ['https://evil.example', 'https://localhost:3000.evil.example', 'http://localhost:3000', 'null'];

describe.each(testDatabases())('security headers and CORS on $name', (database) => {
  let org: Org;
  beforeAll(async () => {
    org = await openOrg(await database.open(), 'headers', { corsOrigins: [EXTRA] });
  });
  afterAll(async () => {
    await org.db.close();
  });

  it('sends nosniff and a referrer policy on every kind of answer, and no X-Powered-By', async () => {
    const answers = [
      await org.call('GET', '/health', { key: null }),
      await org.call('GET', '/openapi.json', { key: null }),
      await org.call('GET', '/api/v1/me'),
      await org.call('GET', '/api/v1/me', { key: null }),
      await org.call('GET', '/api/v1/nowhere'),
      await org.call('GET', '/api/v1/months/2030-13/people'),
      await org.call('POST', '/api/v1/months/2030-01/people', { body: '{"rows": [' }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 401, 404, 422, 400]);
    for (const a of answers) {
      expect(a.headers.get('x-content-type-options')).toBe('nosniff');
      expect(a.headers.get('referrer-policy')).toBe('no-referrer');
      expect(a.headers.get('x-powered-by')).toBeNull();
      // Excel on the web frames the task pane from another origin, so framing must stay allowed.
      expect(a.headers.get('x-frame-options')).toBeNull();
    }
  });

  it("admits the service's own origin and CORS_ORIGINS, on answers and on errors alike", async () => {
    for (const origin of [OWN, EXTRA]) {
      const ok = await org.call('GET', '/api/v1/me', { headers: { origin } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('access-control-allow-origin')).toBe(origin);
      expect(ok.headers.get('vary')).toContain('Origin');
      const refused = await org.call('GET', '/api/v1/me', { key: 'bx_nope', headers: { origin } });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('access-control-allow-origin')).toBe(origin);
    }
    expect((await org.call('GET', '/api/v1/me', { headers: { origin: OWN } })).headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('answers a preflight from an admitted origin with 204 and the headers a push needs', async () => {
    const res = await org.call('OPTIONS', '/api/v1/months/2030-01/people', {
      key: null,
      headers: { origin: EXTRA, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,content-encoding,idempotency-key,prefer' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(EXTRA);
    const allowed = res.headers.get('access-control-allow-headers')!.toLowerCase().split(',');
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'content-encoding', 'idempotency-key', 'prefer']));
    expect(res.headers.get('access-control-allow-methods')!.split(',')).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('gives no Access-Control-Allow-Origin to any other origin, in a preflight or an answer', async () => {
    for (const origin of FOREIGN) {
      const pre = await org.call('OPTIONS', '/api/v1/months/2030-01/people', {
        key: null,
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,idempotency-key' },
      });
      expect(pre.headers.get('access-control-allow-origin'), origin).toBeNull();
      const get = await org.call('GET', '/api/v1/me', { headers: { origin } });
      expect(get.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it('lets an admitted origin read the too-many-requests answer', async () => {
    for (let i = 0; i < 5; i++) await org.call('GET', '/api/v1/me', { key: 'bx_nope', address: '192.0.2.44' });
    const res = await org.call('GET', '/api/v1/me', { key: 'bx_nope', address: '192.0.2.44', headers: { origin: OWN } });
    expect(res.status).toBe(429);
    expect(res.headers.get('access-control-allow-origin')).toBe(OWN);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
