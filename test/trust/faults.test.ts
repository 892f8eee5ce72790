import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { testDatabases } from '../support/databases.ts';
import { freshPostgres, postJson, privatePostgres, startServiceProcess, type ServiceProcess } from './support.ts';

const TOKEN = 'faults-admin-token-0123456789';
const SECRET_NAME = 'Bí Mật Riêng Tư';
const SECRET_UNIT = 'Khoa Kín Đáo';
const SECRET_NOTE = 'ghi-chu-rieng-tu-khong-duoc-ghi-log';
const rowsBody = (count: number, period: string) =>
  JSON.stringify({
    rows: Array.from({ length: count }, (_, i) => ({ code: `${period}-${i}`, name: `${SECRET_NAME} ${i}`, unit: `${SECRET_UNIT} ${i % 25}`, score: 50 + (i % 50), note: SECRET_NOTE })),
  });

interface Counts {
  rows: number;
  people: number;
  monthAudit: number;
  monthInserts: number;
}
const COUNTS = `select (select count(*) from person_month where period = $1)::int as rows, (select count(*) from person)::int as people,
  (select count(*) from audit where period = $1)::int as "monthAudit",
  (select count(*) from audit where period = $1 and entity = 'person_month' and action = 'insert')::int as "monthInserts"`;

/** Polls until `seen` says the push is writing (so a kill lands inside its transaction), or gives up. */
async function waitUntil(seen: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await Promise.resolve().then(seen).catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

/** True while a service backend runs the bulk insert of new people on PostgreSQL. */
const bulkInsertRunning = (sql: postgres.Sql) => async () =>
  (await sql`select 1 from pg_stat_activity where application_name = 'binh-xet' and state = 'active' and query ilike '%insert into person (%'`).length > 0;

/** PGlite writes its WAL into the data folder: a new 16 MB segment means the bulk statements are running. */
function walGrew(dir: string): () => boolean {
  const size = () => readdirSync(join(dir, 'pg_wal')).reduce((n, f) => n + (statSync(join(dir, 'pg_wal', f)).isFile() ? statSync(join(dir, 'pg_wal', f)).size : 0), 0);
  const base = size();
  return () => size() > base;
}

function expectNoPersonalData(services: ServiceProcess[]) {
  const log = services.map((s) => s.stderr()).join('\n');
  expect(log).toContain('"event":"request"');
  for (const secret of [SECRET_NAME, SECRET_UNIT, SECRET_NOTE, TOKEN]) expect(log).not.toContain(secret);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const ROWS = 50_000;

describe.concurrent.each(testDatabases())('a service killed with SIGKILL during a 50,000-row push on $name', (database) => {
  it('keeps all of the push or none of it, and the retry with the same key stores it exactly once', async () => {
    const period = '2034-01';
    const started = Date.now();
    let env: Record<string, string>;
    let counts: () => Promise<Counts>;
    /** Starts watching; the watcher answers true once the push's bulk statements run. */
    let watchWrites: () => () => Promise<boolean> | boolean;
    let cleanup: () => Promise<void>;
    if (database.name === 'postgres') {
      const fresh = await freshPostgres();
      const sql = postgres(fresh.url, { max: 1, onnotice: () => {} });
      env = { DATABASE_URL: fresh.url };
      counts = async () => (await sql.unsafe(COUNTS, [period]))[0] as unknown as Counts;
      watchWrites = () => bulkInsertRunning(sql);
      cleanup = async () => {
        await sql.end();
        await fresh.drop();
      };
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'binhxet-faults-'));
      const seeded = await PGlite.create({ dataDir: join(dir, 'pglite'), loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
      await seeded.close();
      env = { DATA_DIR: dir };
      watchWrites = () => walGrew(join(dir, 'pglite'));
      counts = async () => {
        const pg = await PGlite.create({ dataDir: join(dir, 'pglite') });
        const [row] = (await pg.query<Counts>(COUNTS, [period])).rows;
        await pg.close();
        return row!;
      };
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    }
    const services: ServiceProcess[] = [];
    try {
      const body = rowsBody(ROWS, period);
      const first = await startServiceProcess({ ...env, BINHXET_ADMIN_TOKEN: TOKEN });
      services.push(first);
      const push = (s: ServiceProcess) => postJson(`${s.url}/api/v1/months/${period}/people`, TOKEN, body, { 'idempotency-key': 'faults-kill-0001' });
      const writing = watchWrites();
      const sent = Date.now();
      const inFlight = push(first).catch((error: unknown) => error as Error);
      const caughtWriting = await waitUntil(writing, 120_000);
      const killedAfter = Date.now() - sent;
      first.child.kill('SIGKILL');
      const lost = await inFlight;
      await first.exited;

      const second = await startServiceProcess({ ...env, BINHXET_ADMIN_TOKEN: TOKEN });
      services.push(second);
      const summary = await fetch(`${second.url}/api/v1/months/${period}/summary`, { headers: { authorization: `Bearer ${TOKEN}` } });
      const total = Object.values((await summary.json()).people.total as Record<string, number>).reduce((a, b) => a + b, 0);
      expect([0, ROWS]).toContain(total);

      const retried = await push(second);
      expect(retried.status).toBe(200);
      expect(retried.body.counts).toEqual({ accepted: ROWS, unchanged: 0, rejected: 0, conflict: 0 });
      expect(retried.body.rows).toHaveLength(ROWS);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);

      expect(await counts()).toEqual({ rows: ROWS, people: ROWS, monthAudit: ROWS, monthInserts: ROWS });
      expectNoPersonalData(services);
      console.info(
        `[faults] ${database.name}: killed ${killedAfter} ms after sending (${caughtWriting ? 'while writing' : 'writing not observed'}; ` +
          `first answer: ${lost instanceof Error ? 'connection dropped' : `HTTP ${lost.status}`}); after restart the month held ${total} rows; ` +
          `whole scenario ${Math.round((Date.now() - started) / 1000)} s`,
      );
    } finally {
      for (const s of services) s.child.kill('SIGKILL');
      await cleanup();
    }
  }, 600_000);
});

describe.concurrent.each(testDatabases().filter((d) => d.name === 'postgres'))('PostgreSQL restarted during a push ($name)', () => {
  it('answers with a retryable error or a dropped connection, writes nothing half, and succeeds on retry', async () => {
    if (!process.env.PGBIN || !process.env.PGTMP) {
      throw new Error('PGBIN/PGTMP are not set: run the suite under .ci/pg-up.sh (eval "$(.ci/pg-up.sh)") so the PostgreSQL restart case can run');
    }
    const period = '2034-02';
    const count = 10_000;
    const cluster = await privatePostgres(await freePort());
    const sql = postgres(cluster.url, { max: 1, onnotice: () => {} });
    const services: ServiceProcess[] = [];
    try {
      const service = await startServiceProcess({ DATABASE_URL: cluster.url, BINHXET_ADMIN_TOKEN: TOKEN });
      services.push(service);
      const body = rowsBody(count, period);
      const push = () => postJson(`${service.url}/api/v1/months/${period}/people`, TOKEN, body, { 'idempotency-key': 'faults-restart-01' });
      const inFlight = push().catch((error: unknown) => error as Error);
      expect(await waitUntil(bulkInsertRunning(sql), 120_000)).toBe(true);
      await cluster.restart();
      const answer = await inFlight;
      if (!(answer instanceof Error)) {
        expect(answer.status).toBe(503);
        expect(answer.body.error).toMatchObject({ code: 'database_unavailable', details: { retryable: true } });
      }
      // postgres.js once crashed the service a moment after such an answer (a write on the closed socket).
      await new Promise((r) => setTimeout(r, 500));
      expect(service.child.exitCode, `the service died:\n${service.stderr().slice(-2000)}`).toBeNull();
      const check = postgres(cluster.url, { max: 1, onnotice: () => {} });
      const [before] = await check.unsafe(COUNTS, [period]);
      expect([0, count]).toContain(before!.rows);
      const retried = await push();
      expect(retried.status).toBe(200);
      expect(retried.body.counts.accepted + retried.body.counts.unchanged).toBe(count);
      expect((await check.unsafe(COUNTS, [period]))[0]).toEqual({ rows: count, people: count, monthAudit: count, monthInserts: count });
      await check.end();
      expect((await fetch(`${service.url}/health`)).status).toBe(200);
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
      expectNoPersonalData(services);
      console.info(`[faults] PostgreSQL restart: first answer ${answer instanceof Error ? 'connection dropped' : `HTTP ${answer.status}`}; rows before retry ${before!.rows}`);
    } finally {
      for (const s of services) s.child.kill('SIGKILL');
      await sql.end({ timeout: 1 }).catch(() => {});
      await cluster.down();
    }
  }, 300_000);
});
