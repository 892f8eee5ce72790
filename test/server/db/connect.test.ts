import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/db/connect.ts';

function modes(dir: string): { path: string; mode: number; isDir: boolean }[] {
  const out = [{ path: dir, mode: statSync(dir).mode & 0o777, isDir: true }];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    out.push({ path, mode: statSync(path).mode & 0o777, isDir: entry.isDirectory() });
  }
  return out;
}

describe('the embedded data folder at rest', () => {
  const root = mkdtempSync(join(tmpdir(), 'binhxet-perm-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is created 0700 with every file 0600, so no other local account reads names and scores or writes the WAL', async () => {
    const dir = join(root, 'new', 'data');
    const db = await openDatabase({ dataDir: dir });
    await db.query(`insert into organisation (slug, name) values ('perm', 'Tên riêng tư')`);
    await db.close();
    const all = modes(dir);
    expect(all.length).toBeGreaterThan(100);
    const open = all.filter((f) => f.mode !== (f.isDir ? 0o700 : 0o600));
    expect(open.map((f) => `${f.mode.toString(8)} ${f.path}`)).toEqual([]);
  });

  it('refuses a folder that group or others can enter, saying the chmod to run, and touches nothing in it', async () => {
    const dir = join(root, 'shared');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(`chmod -R go-rwx ${dir}`);
    expect(readdirSync(dir)).toEqual([]);
    chmodSync(dir, 0o700);
    const db = await openDatabase({ dataDir: dir });
    await db.close();
  });

  it('closes up the files of a folder written by an earlier version (0666 files in a 0700 folder)', async () => {
    const dir = join(root, 'old');
    const db = await openDatabase({ dataDir: dir });
    await db.close();
    for (const f of modes(dir)) if (f.path !== dir) chmodSync(f.path, f.isDir ? 0o777 : 0o666);
    const again = await openDatabase({ dataDir: dir });
    await again.close();
    expect(modes(dir).filter((f) => f.mode !== (f.isDir ? 0o700 : 0o600))).toEqual([]);
  });
});
