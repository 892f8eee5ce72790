import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPane } from '../../addin/build.ts';
import { DEFAULT_RULE_SET } from '../../server/contract/rule-set.ts';
import { TrustedProxies } from '../../server/middleware/client-info.ts';
import { launchChromium } from '../support/browser.ts';
import { testDatabases } from '../support/databases.ts';
import { openOrg, ROOT, type Org } from './support.ts';

const DIST = join(ROOT, 'dist/addin');

describe.each(testDatabases())('headers and served files on $name', (database) => {
  let org: Org;
  beforeAll(async () => {
    await buildPane({ quiet: true });
    org = await openOrg(await database.open(), 'served', { trustedProxies: new TrustedProxies(['10.0.0.0/8']) });
  });
  afterAll(async () => {
    await org.db.close();
  });

  it('serves no source map and no build metafile: the build writes none into what is served', async () => {
    const files = readdirSync(DIST, { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith('.map') || f.endsWith('meta.json'))).toEqual([]);
    expect(readFileSync(join(DIST, 'taskpane.js'), 'utf8')).not.toContain('sourceMappingURL');
    for (const path of ['/addin/taskpane.js.map', '/addin/meta.json']) expect((await org.call('GET', path, { key: null })).status).toBe(404);
    expect((await org.call('GET', '/addin/taskpane.js', { key: null })).status).toBe(200);
  });

  it('gives the pane a strict Content-Security-Policy that still lets Office frame it', async () => {
    const page = await org.call('GET', '/addin/taskpane.html', { key: null });
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|frame-ancestors|script-src[^;]*unsafe-inline/);
    expect(page.headers.get('x-frame-options')).toBeNull();
  });

  it('serves Swagger UI from its own node_modules, never from a CDN', async () => {
    const docs = await org.call('GET', '/docs', { key: null });
    expect(docs.status).toBe(200);
    const html = String(docs.body);
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toEqual(expect.arrayContaining(['/docs/assets/swagger-ui-dist/swagger-ui.css', '/docs/assets/swagger-ui-dist/swagger-ui-bundle.js']));
    for (const asset of assets) {
      const res = await org.call('GET', asset, { key: null });
      expect(res.status, asset).toBe(200);
      expect(String(res.body).length).toBeGreaterThan(10_000);
    }
    expect((await org.call('GET', '/docs/assets/swagger-ui-dist/package.json', { key: null })).status).toBe(404);
  });

  it('sends HSTS only over HTTPS: a TLS socket, or a trusted proxy saying so', async () => {
    const at = async (socket: Record<string, unknown>, headers: Record<string, string> = {}) =>
      (await org.app.request('/health', { headers }, { incoming: { socket } })).headers.get('strict-transport-security');
    expect(await at({ remoteAddress: '192.0.2.1' })).toBeNull();
    expect(await at({ remoteAddress: '192.0.2.1', encrypted: true })).toMatch(/max-age=\d+/);
    expect(await at({ remoteAddress: '192.0.2.1' }, { 'x-forwarded-proto': 'https' })).toBeNull();
    expect(await at({ remoteAddress: '10.1.2.3' }, { 'x-forwarded-proto': 'https' })).toMatch(/max-age=\d+/);
    expect((await org.call('GET', '/health', { key: null })).headers.get('strict-transport-security')).toBeNull();
  });

  it('checks the role before the body: a caller without the role gets 403 whatever it sends, never 422', async () => {
    const viewer = await org.user('viewer');
    const rater = await org.user('rater', ['khoa a']);
    const council = await org.user('council');
    const junk = { nonsense: true };
    const answers = [
      await org.call('POST', '/api/v1/months/2030-01/decisions', { key: viewer.key, body: junk }),
      await org.call('POST', '/api/v1/months/2030-01/decisions', { key: rater.key, body: junk }),
      await org.call('POST', '/api/v1/years/2030/decisions', { key: rater.key, body: junk }),
      await org.call('POST', '/api/v1/months/2030-01/people', { key: viewer.key, body: junk }),
      await org.call('POST', '/api/v1/months/2030-01/units', { key: viewer.key, body: junk }),
      await org.call('POST', '/api/v1/years/2030/people', { key: viewer.key, body: junk }),
      await org.call('POST', '/api/v1/classes/K1/students', { key: viewer.key, body: junk }),
      await org.call('POST', '/api/v1/users', { key: council.key, body: junk }),
      await org.call('PATCH', '/api/v1/users/1', { key: rater.key, body: junk }),
      await org.call('POST', '/api/v1/keys', { key: rater.key, body: junk }),
      await org.call('PUT', '/api/v1/rule-set', { key: council.key, body: { ...DEFAULT_RULE_SET, name: 42 } }),
    ];
    expect(answers.map((a) => a.status)).toEqual(Array(answers.length).fill(403));
    expect((await org.call('POST', '/api/v1/months/2030-01/decisions', { body: junk })).status).toBe(422);
  });

  it("lets a pane pointed in Kết nối at another server of CORS_ORIGINS reach it, and no server beyond", async () => {
    // Two services on two origins, each listing the other in CORS_ORIGINS; the pane is loaded from the first.
    let first: Org['app'] | undefined;
    let second: Org['app'] | undefined;
    const listen = async (app: () => Org['app'] | undefined) => {
      const server = serve({ fetch: (req, env) => app()!.fetch(req, env), port: 0, hostname: '127.0.0.1' });
      await new Promise((r) => server.once('listening', r));
      return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
    };
    const a = await listen(() => first);
    const b = await listen(() => second);
    const elsewhere = await listen(() => second);
    const other = await openOrg(org.db, 'served-other', { corsOrigins: [a.origin] });
    second = other.app;
    first = (await openOrg(org.db, 'served', { corsOrigins: [b.origin] })).app;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(`${a.origin}/addin/taskpane.html`);
      await page.fill('#server', b.origin);
      await page.fill('#token', other.adminKey);
      await page.click('#connect-form button[type=submit]');
      await page.waitForSelector('#connected:not([hidden]), #status.error');
      expect(violations).toEqual([]);
      expect(await page.textContent('#who')).toContain('Tổ chức served-other');

      // A server not listed stays out of reach: the policy still refuses it.
      await page.click('#disconnect');
      await page.fill('#server', elsewhere.origin);
      await page.fill('#token', other.adminKey);
      await page.click('#connect-form button[type=submit]');
      await page.waitForSelector('#status.error');
      expect(violations.join('\n')).toContain(elsewhere.origin);
    } finally {
      await browser.close();
      for (const s of [a, b, elsewhere]) s.server.close();
    }
  });

  it('runs the pane in Chromium under its policy without a single violation', async () => {
    const server = serve({ fetch: org.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/addin/taskpane.html`);
      await page.waitForSelector('#file-mode:not([hidden])');
      await page.setInputFiles('#file', join(ROOT, 'test/fixtures/danh-gia-thang-10-2021.xlsx'));
      await page.waitForFunction(() => (document.querySelector('#sheet') as HTMLSelectElement | null)?.options.length);
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
      server.close();
    }
  });
});
