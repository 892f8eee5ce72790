import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { Db } from '../../server/db/database.ts';
import { embeddedDb } from '../../server/db/embedded.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openServer } from '../../server/db/server.ts';
import { progress } from './measure.ts';

/** A fresh, migrated database for one size, with a raw COPY path beside the service's Db. */
export interface BenchDatabase {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** PostgreSQL's connection string, for a service in its own process. */
  url?: string;
  /** `COPY table (columns) FROM` the given text-format data. */
  copy(table: string, columns: readonly string[], text: string): Promise<void>;
  close(): Promise<void>;
}

export type Opener = () => Promise<BenchDatabase>;

/**
 * PGlite: initdb + migrate once (5–10 s), dump, and start each size's database from the dump (~1 s).
 * The Db is the app's own (server/db/embedded.ts); the bench opens PGlite itself only to reach
 * `query(…, { blob })` for COPY FROM '/dev/blob'.
 */
export async function pgliteOpener(): Promise<Opener> {
  const started = performance.now();
  const first = await PGlite.create();
  await migrate(embeddedDb(first));
  const template = (await first.dumpDataDir('none')) as Blob;
  await first.close();
  progress(`pglite template ready in ${Math.round(performance.now() - started)} ms`);
  return async () => {
    const pg = await PGlite.create({ loadDataDir: template });
    return {
      kind: 'pglite',
      db: embeddedDb(pg),
      copy: async (table, columns, text) => {
        await pg.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([text]) });
      },
      close: () => pg.close(),
    };
  };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

const created = new Set<string>();

/** PostgreSQL: a new database per size (`create database bench_…`), migrated, dropped on close. */
export function postgresOpener(url: string): Opener {
  return async () => {
    const name = `bench_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    created.add(name);
    const target = withDatabase(url, name);
    const db = openServer(target);
    await migrate(db);
    const raw = postgres(target, { max: 1, onnotice: () => {}, connection: { jit: 'off' } });
    return {
      kind: 'postgres',
      db,
      url: target,
      copy: async (table, columns, text) => {
        const writable = await raw.unsafe(`copy ${table} (${columns.join(', ')}) from stdin`).writable();
        await pipeline(Readable.from([text]), writable);
      },
      close: async () => {
        await raw.end({ timeout: 5 });
        await db.close();
        await dropDatabase(url, name);
      },
    };
  };
}

async function dropDatabase(url: string, name: string): Promise<void> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    created.delete(name);
  } finally {
    await admin.end();
  }
}

/** Drops what an interrupted run left behind. */
export async function dropLeftovers(url: string | undefined): Promise<void> {
  if (!url) return;
  for (const name of [...created]) await dropDatabase(url, name).catch(() => {});
}
