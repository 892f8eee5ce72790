import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { inject } from 'vitest';
import { ERROR_STATUS } from '../../server/contract/errors.ts';
import type { Db } from '../../server/db/database.ts';
import { updateUser } from '../../server/admin/user-repository.ts';
import { revokeKey } from '../../server/access/access-key-repository.ts';
import { issueKey } from '../../server/access/access.ts';
import { withDatabase } from '../support/global-setup.ts';
import { startService, type Answer, type ServiceOptions, type TestService } from '../support/service.ts';

export const ROOT = new URL('../../', import.meta.url).pathname;
const run = promisify(execFile);

export type { Answer, CallOptions } from '../support/service.ts';
/** An organisation with its own app instance (several may share a database). */
export type Org = TestService;

/** One organisation on `db` with its own app instance (the same slug on one database is the same organisation). */
export const openOrg = (db: Db, slug: string, app: ServiceOptions = {}): Promise<Org> => startService(db, { ...app, slug });

export const CALLERS = ['admin', 'council', 'raterA', 'raterB', 'viewer', 'none', 'wrong', 'revoked', 'expired', 'disabled', 'other'] as const;
export type CallerName = (typeof CALLERS)[number];

/** A key (or none) for every kind of caller; `other` is the admin of a second organisation on the same database. */
export async function callerKeys(org: Org, other: Org): Promise<Record<CallerName, string | null> & { userIds: Record<string, number> }> {
  const council = await org.user('council');
  const raterA = await org.user('rater', ['khoa a']);
  const raterB = await org.user('rater', ['khoa b']);
  const viewer = await org.user('viewer');
  const revoked = await org.user('council');
  await revokeKey(org.db, org.orgId, revoked.keyId);
  const expiredUser = await org.user('council');
  const expired = await issueKey(org.db, org.orgId, expiredUser.id, { expiresAt: '2020-01-01T00:00:00Z' });
  const disabled = await org.user('admin');
  await updateUser(org.db, org.orgId, disabled.id, { disabled: true });
  return {
    admin: org.adminKey,
    council: council.key,
    raterA: raterA.key,
    raterB: raterB.key,
    viewer: viewer.key,
    none: null,
    wrong: `bx_${randomBytes(32).toString('base64url')}`,
    revoked: revoked.key,
    expired: expired.key,
    disabled: disabled.key,
    other: other.adminKey,
    userIds: { council: council.id, raterA: raterA.id, raterB: raterB.id, viewer: viewer.id },
  };
}

/** True when the answer is a success or the service's one error shape with a known code — never a 5xx. */
export function isContractAnswer(a: Answer): boolean {
  if (a.status >= 200 && a.status < 300) return true;
  if (a.status >= 500) return false;
  const e = a.body?.error;
  return typeof e?.code === 'string' && e.code in ERROR_STATUS && typeof e.message === 'string' && e.message.length > 0;
}

export function personRows(count: number, prefix: string, unit = (i: number) => `Khoa ${i % 20}`) {
  return Array.from({ length: count }, (_, i) => ({ code: `${prefix}${i}`, name: `${prefix} Người ${i}`, unit: unit(i), score: 50 + (i % 50) }));
}

/** A new empty migrated database on the PostgreSQL server of DATABASE_URL, and a way to drop it. */
export async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const server = inject('postgresUrl');
  const name = `binhxet_trust_${randomBytes(6).toString('hex')}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${inject('postgresTemplate')}`);
  await admin.end();
  return {
    url: withDatabase(server, name),
    drop: async () => {
      const sql = postgres(server, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists ${name} with (force)`);
      await sql.end();
    },
  };
}

export interface ServiceProcess {
  url: string;
  child: ChildProcess;
  stderr(): string;
  exited: Promise<number | null>;
}

/** Starts `server/main.ts` as a real process on a free port; resolves once it prints the port it listens on. */
export async function startServiceProcess(env: Record<string, string | undefined>): Promise<ServiceProcess> {
  const childEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: '', ...env };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /cổng (\d+)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`service exited (${code}) before listening:\n${err}`));
    });
  });
  return { url: `http://127.0.0.1:${port}`, child, stderr: () => err, exited };
}

/**
 * A private PostgreSQL server from .ci/pg-up.sh on its own port, so restarting it disturbs no other suite. Its commits
 * are synchronous: a server killed in immediate mode keeps every commit it acknowledged, as a real one does.
 */
export async function privatePostgres(port: number) {
  const { stdout } = await run(`${ROOT}.ci/pg-up.sh`, { env: { ...process.env, PGPORT: String(port), PG_SYNCHRONOUS_COMMIT: 'on' } });
  const vars = Object.fromEntries([...stdout.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
  const env = { ...process.env, PGTMP: vars.PGTMP, PGBIN: vars.PGBIN };
  const asPostgres = (args: string[]) =>
    process.getuid?.() === 0 ? run('runuser', ['-u', 'postgres', '--', `${vars.PGBIN}/pg_ctl`, ...args]) : run(`${vars.PGBIN}/pg_ctl`, args);
  return {
    url: vars.DATABASE_URL!,
    /** Immediate mode: backends are killed mid-statement, as in a crash; start again waits until it accepts connections. */
    restart: () => asPostgres(['-D', `${vars.PGTMP}/data`, '-m', 'immediate', '-w', '-l', `${vars.PGTMP}/server.log`, 'restart']),
    down: () => run(`${ROOT}.ci/pg-down.sh`, { env }),
  };
}

export async function postJson(url: string, key: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text), headers: res.headers };
}
