import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import postgres from 'postgres';
import { createApp } from '../../server/app.ts';
import type { Db } from '../../server/db/database.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openServer } from '../../server/db/server.ts';
import { createLogger } from '../../server/log.ts';
import { bootstrapOrganisation } from '../../server/admin/bootstrap.ts';
import { startChildService } from '../support/child-service.ts';

/** The service under load on a loopback port, and a database handle of its own for the recount. */
export interface LoadTarget {
  url: string;
  adminKey: string;
  orgId: number;
  db: Db;
  database: 'pglite' | 'postgres';
  where: 'in-process' | 'child process';
  /** The service's error log lines (5xx are logged with their SQLSTATE). */
  errorLog(): string[];
  close(): Promise<void>;
}

/** createApp on 127.0.0.1 in this process, over `db` (left open: the caller owns it). */
export async function inProcessTarget(db: Db, database: LoadTarget['database']): Promise<LoadTarget> {
  const adminKey = `load-admin-${randomBytes(12).toString('hex')}`;
  const { organisation } = await bootstrapOrganisation(db, { slug: 'load-test', name: 'Tổ chức thử tải' }, adminKey);
  const lines: string[] = [];
  const app = createApp({ db, logger: createLogger('error', (l) => lines.push(l)), publicUrl: 'http://127.0.0.1' });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    adminKey,
    orgId: organisation.id,
    db,
    database,
    where: 'in-process',
    errorLog: () => lines,
    close: async () => {
      (server as import('node:http').Server).closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A new empty database on the server of `serverUrl`, dropped (with force) by `drop`. */
export async function freshDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `binhxet_load_${randomBytes(5).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  return {
    url: withDatabase(serverUrl, name),
    drop: async () => {
      const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists ${name} with (force)`);
      await sql.end();
    },
  };
}

/** In this process on a new PostgreSQL database with the service's own pool size (10). */
export async function inProcessPostgres(serverUrl: string): Promise<LoadTarget> {
  const fresh = await freshDatabase(serverUrl);
  const db = openServer(fresh.url);
  await migrate(db);
  const target = await inProcessTarget(db, 'postgres');
  return {
    ...target,
    close: async () => {
      await target.close();
      await db.close();
      await fresh.drop();
    },
  };
}

/**
 * `server/main.ts` as its own process on a new PostgreSQL database, so the load generator does not share its
 * event loop with the service; the recount reads the same database through a small pool of its own.
 */
export async function childPostgres(serverUrl: string): Promise<LoadTarget> {
  const fresh = await freshDatabase(serverUrl);
  let child: Awaited<ReturnType<typeof startChildService>> | null = null;
  try {
    child = await startChildService({ DATABASE_URL: fresh.url, LOG_LEVEL: 'error', ORG_SLUG: 'load-test' });
    const me = await fetch(`${child.url}/api/v1/me`, { headers: { authorization: `Bearer ${child.token}` } });
    const { organisation } = (await me.json()) as { organisation: { id: number } };
    const db = openServer(fresh.url, 2);
    return {
      url: child.url,
      adminKey: child.token,
      orgId: organisation.id,
      db,
      database: 'postgres',
      where: 'child process',
      errorLog: () => child!.output().split('\n').filter((l) => l.includes('"level":"error"')),
      close: async () => {
        await child!.stop();
        await db.close();
        await fresh.drop();
      },
    };
  } catch (error) {
    await child?.stop();
    await fresh.drop();
    throw error;
  }
}
