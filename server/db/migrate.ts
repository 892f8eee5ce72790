import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from './database.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * Applies the plain SQL files of `migrations/` in name order, each once, recorded in `schema_migration`.
 * An advisory lock held for the transaction makes processes that start together apply them one at a time.
 */
export async function migrate(db: Db): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
  return db.transaction(async () => {
    await db.query(`select pg_advisory_xact_lock(7261001)`);
    await db.query(
      `create table if not exists schema_migration (name text primary key, applied_at timestamptz not null default now())`,
    );
    const done = new Set((await db.query<{ name: string }>(`select name from schema_migration`)).map((r) => r.name));
    const applied: string[] = [];
    for (const file of files) {
      if (done.has(file)) continue;
      const sql = await readFile(MIGRATIONS_DIR + file, 'utf8');
      await db.exec(sql);
      await db.query(`insert into schema_migration (name) values ($1)`, [file]);
      applied.push(file);
    }
    return applied;
  });
}
