import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Db } from './database.ts';
import { openEmbedded } from './embedded.ts';
import { takeLock } from './lock-file.ts';
import { migrate } from './migrate.ts';
import { openServer } from './server.ts';

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
}

/** The one place the service opens its database: PostgreSQL when a URL is given, else PGlite in `dataDir`. */
export async function openDatabase(options: DatabaseOptions): Promise<Db> {
  if (options.databaseUrl) {
    const db = openServer(options.databaseUrl);
    await migrate(db);
    return db;
  }
  const dir = resolve(options.dataDir);
  mkdirSync(dir, { recursive: true });
  const release = takeLock(dir);
  try {
    const db = await openEmbedded(resolve(dir, 'pglite'));
    await migrate(db);
    return {
      ...db,
      close: async () => {
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
