import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { inject } from 'vitest';
import type { Db } from '../../server/db/database.ts';
import { openEmbedded } from '../../server/db/embedded.ts';
import { openServer } from '../../server/db/server.ts';
import { withDatabase } from './global-setup.ts';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  /** A new, migrated, empty database of this kind; close it when done. */
  open(): Promise<Db>;
}

const pglite: TestDatabase = {
  name: 'pglite',
  open: async () => openEmbedded(undefined, new Blob([readFileSync(inject('pgliteTemplate'))])),
};

const server = (url: string): TestDatabase => ({
  name: 'postgres',
  open: async () => {
    const name = `binhxet_t_${randomBytes(6).toString('hex')}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${inject('postgresTemplate')}`);
    await admin.end();
    const db = openServer(withDatabase(url, name), 4);
    return {
      ...db,
      close: async () => {
        await db.close();
        const drop = postgres(url, { max: 1, onnotice: () => {} });
        await drop.unsafe(`drop database if exists ${name} with (force)`);
        await drop.end();
      },
    };
  },
});

/** PGlite always; PostgreSQL too when DATABASE_URL is set (CI starts a throwaway server). */
export function testDatabases(): TestDatabase[] {
  const url = inject('postgresUrl');
  return url ? [pglite, server(url)] : [pglite];
}
