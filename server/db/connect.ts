import { resolve } from 'node:path';
import { closeUp, prepareDataDir } from './data-dir.ts';
import type { Db } from './database.ts';
import { openEmbeddedThread } from './embedded-thread.ts';
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
    try {
      await migrate(db);
    } catch (error) {
      await db.close().catch(() => {});
      throw error;
    }
    return db;
  }
  const dir = resolve(options.dataDir);
  prepareDataDir(dir);
  const release = takeLock(dir);
  let db: Db | undefined;
  try {
    db = await openEmbeddedThread(resolve(dir, 'pglite'));
    await migrate(db);
    closeUp(dir);
    const opened = db;
    return {
      ...opened,
      close: async () => {
        try {
          await opened.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    await db?.close().catch(() => {});
    release();
    throw error;
  }
}
