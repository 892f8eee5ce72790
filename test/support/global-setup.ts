import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import postgres from 'postgres';
import { openEmbedded } from '../../server/db/embedded.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openServer } from '../../server/db/server.ts';

export const PG_TEMPLATE = 'binhxet_test_template';

/**
 * A fresh PGlite costs 5–10 s of initdb, so the migrated database is built once and dumped; each suite
 * starts from the dump in about a second. With DATABASE_URL, a migrated template database is made the same way.
 */
export default async function setup(project: TestProject): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'binhxet-test-'));
  const embedded = await openEmbedded(undefined);
  await migrate(embedded);
  const dump = join(dir, 'template.tar');
  writeFileSync(dump, Buffer.from(await (await embedded.dump()).arrayBuffer()));
  await embedded.close();
  project.provide('pgliteTemplate', dump);

  const url = process.env.DATABASE_URL;
  project.provide('postgresUrl', url ?? '');
  if (url) {
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${PG_TEMPLATE} with (force)`);
    await admin.unsafe(`create database ${PG_TEMPLATE}`);
    await admin.end();
    const template = openServer(withDatabase(url, PG_TEMPLATE), 1);
    await migrate(template);
    await template.close();
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresUrl: string;
  }
}
