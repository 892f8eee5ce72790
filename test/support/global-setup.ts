import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import postgres from 'postgres';
import { openEmbedded } from '../../server/db/embedded.ts';
import { migrate } from '../../server/db/migrate.ts';
import { openServer } from '../../server/db/server.ts';

/** Each run its own template, so two runs against one server (two developers, CI jobs) never drop each other's. */
const templateName = () => `binhxet_test_template_${randomBytes(4).toString('hex')}`;

/**
 * A fresh PGlite costs 5–10 s of initdb, so the migrated database is built once and dumped; each suite
 * starts from the dump in about a second. With DATABASE_URL, a migrated template database is made the same way.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  const dir = mkdtempSync(join(tmpdir(), 'binhxet-test-'));
  const embedded = await openEmbedded(undefined);
  await migrate(embedded);
  const dump = join(dir, 'template.tar');
  writeFileSync(dump, Buffer.from(await (await embedded.dump()).arrayBuffer()));
  await embedded.close();
  project.provide('pgliteTemplate', dump);

  const url = process.env.DATABASE_URL;
  project.provide('postgresUrl', url ?? '');
  if (!url) return;
  const name = templateName();
  project.provide('postgresTemplate', name);
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const template = openServer(withDatabase(url, name), 1);
  await migrate(template);
  await template.close();
  return async () => {
    const drop = postgres(url, { max: 1, onnotice: () => {} });
    await drop.unsafe(`drop database if exists ${name} with (force)`);
    await drop.end();
  };
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
    /** The migrated template database of this run (with DATABASE_URL). */
    postgresTemplate: string;
  }
}
