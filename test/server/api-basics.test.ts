import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.ts';
import { startService, type TestService } from '../support/service.ts';

describe.each(testDatabases())('API basics on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open(), { bodyLimitBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('answers health with the database kind and version', async () => {
    const res = await s.call('GET', '/health', { key: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: database.name === 'pglite' ? 'embedded' : 'postgres', version: expect.any(String) });
  });

  it('documents every route in an OpenAPI 3 document and serves a docs page', async () => {
    const doc = await s.call('GET', '/openapi.json', { key: null });
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/months/{period}/people', '/api/v1/months/{period}/units', '/api/v1/months/{period}/summary', '/api/v1/months/{period}/decisions', '/api/v1/rule-set', '/api/v1/users', '/api/v1/keys', '/api/v1/roster', '/api/v1/audit']),
    );
    expect(doc.body.components.schemas.PersonRow).toBeDefined();
    const docs = await s.call('GET', '/docs', { key: null });
    expect(docs.status).toBe(200);
    expect(String(docs.body)).toContain('swagger');
  });

  it('answers every error in one shape with a Vietnamese message', async () => {
    const noKey = await s.call('GET', '/api/v1/months/2021-10/people', { key: null });
    expect(noKey.status).toBe(401);
    expect(noKey.body.error).toMatchObject({ code: 'unauthorised', message: expect.stringContaining('khóa truy cập') });
    const wrongKey = await s.call('GET', '/api/v1/months/2021-10/people', { key: 'bx_not-a-real-key' });
    expect(wrongKey.status).toBe(401);
    const badPeriod = await s.call('GET', '/api/v1/months/2021-13/people');
    expect(badPeriod.status).toBe(422);
    expect(badPeriod.body.error.code).toBe('validation_failed');
    expect(badPeriod.body.error.message).toContain('YYYY-MM');
    const badJson = await s.call('POST', '/api/v1/months/2021-10/people', { body: '{"rows": [' });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.code).toBe('bad_request');
    const notRows = await s.call('POST', '/api/v1/months/2021-10/people', { body: { rows: 'x' } });
    expect(notRows.status).toBe(422);
    const notARow = await s.call('POST', '/api/v1/months/2021-10/people', { body: { rows: [{ name: 'A', unit: 'B' }, 7] } });
    expect(notARow.status).toBe(422);
    expect(JSON.stringify(notARow.body.error)).toMatch(/Mỗi dòng phải là một đối tượng/);
    expect(JSON.stringify(notARow.body.error)).toMatch(/rows\.1|rows\W+1/);
    const big = await s.call('POST', '/api/v1/months/2021-10/people', { body: { rows: [{ name: 'x'.repeat(70 * 1024) }] } });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    const nowhere = await s.call('GET', '/api/v1/nothing-here');
    expect(nowhere.status).toBe(404);
    expect(nowhere.body.error.code).toBe('not_found');
    for (const res of [noKey, wrongKey, badPeriod, badJson, big, nowhere]) {
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('issues keys shown once, stored hashed, and refuses them once revoked or expired', async () => {
    const user = await s.call('POST', '/api/v1/users', { body: { name: 'Thư ký', role: 'council' } });
    expect(user.status).toBe(201);
    const issued = await s.call('POST', '/api/v1/keys', { body: { userId: user.body.id } });
    expect(issued.status).toBe(201);
    const key: string = issued.body.key;
    expect(key).toMatch(/^bx_[A-Za-z0-9_-]{43}$/);
    const stored = await s.db.query<{ hash: string }>('select hash from access_key where id = $1', [issued.body.info.id]);
    expect(stored[0]!.hash).not.toContain(key);
    expect((await s.call('GET', '/api/v1/me', { key })).body.user.role).toBe('council');
    const list = await s.call('GET', '/api/v1/keys');
    expect(JSON.stringify(list.body)).not.toContain(key);
    await s.call('DELETE', `/api/v1/keys/${issued.body.info.id}`);
    expect((await s.call('GET', '/api/v1/me', { key })).status).toBe(401);
    const past = await s.call('POST', '/api/v1/keys', { body: { userId: user.body.id, expiresAt: '2020-01-01T00:00:00Z' } });
    expect((await s.call('GET', '/api/v1/me', { key: past.body.key })).status).toBe(401);
    const councilKey = (await s.call('POST', '/api/v1/keys', { body: { userId: user.body.id } })).body.key;
    expect((await s.call('GET', '/api/v1/users', { key: councilKey })).status).toBe(403);
  });

  it('logs routes and statuses but never names, scores or keys', async () => {
    await s.call('POST', '/api/v1/months/2024-01/people', { body: { rows: [{ code: 'L1', name: 'Bạc Cầm Riêng', unit: 'Khoa Bí Mật', score: 87.3 }] } });
    const log = s.lines.join('\n');
    expect(log).toContain('/api/v1/months/:period/people');
    expect(log).not.toContain('Bạc Cầm Riêng');
    expect(log).not.toContain('Khoa Bí Mật');
    expect(log).not.toContain('87.3');
    expect(log).not.toContain(s.adminKey);
  });
});
