import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { LockedError, takeLock } from '../../../server/db/lock-file.ts';

const run = promisify(execFile);
const RACER = new URL('./lock-racer.ts', import.meta.url).pathname;

/** The pid of a process that has exited: what a lock left by a crash holds. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(String(child.stdout));
}

describe('the data folder lock', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'binhxet-lock-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('is taken once: a second taker in the same folder is refused while the first holds it, and may take it after release', () => {
    const dir = tempDir();
    const release = takeLock(dir);
    writeFileSync(join(dir, 'x'), '');
    expect(() => takeLock(dir)).toThrow(LockedError);
    release();
    const again = takeLock(dir);
    again();
  });

  it("takes over the lock of a process that died, and refuses a live process's lock naming its pid", () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.lock'), String(deadPid()));
    takeLock(dir)();
    const live = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.ppid))']);
    writeFileSync(join(dir, '.lock'), String(live.stdout));
    expect(() => takeLock(dir)).toThrow(/đang được tiến trình \d+ sử dụng/);
  });

  it('leaves a lock that another process took over in place when the old owner releases', () => {
    const dir = tempDir();
    const release = takeLock(dir);
    writeFileSync(join(dir, '.lock'), `${process.ppid}\nsomeone-else`);
    release();
    expect(readFileSync(join(dir, '.lock'), 'utf8')).toBe(`${process.ppid}\nsomeone-else`);
  });

  it('never has two owners when two processes race for a stale lock, 400 times', { timeout: 120_000 }, async () => {
    const root = tempDir();
    const rounds = 400;
    const stale = String(deadPid());
    for (let i = 0; i < rounds; i++) {
      mkdirSync(join(root, `round-${i}`));
      writeFileSync(join(root, `round-${i}`, '.lock'), stale);
    }
    const racer = (me: string, other: string) =>
      run(process.execPath, ['--import', 'tsx', RACER, root, me, other, String(rounds)], { timeout: 100_000 });
    const [a, b] = await Promise.all([racer('a', 'b'), racer('b', 'a')]);
    const took = [JSON.parse(a.stdout) as string[], JSON.parse(b.stdout) as string[]];
    const owners = Array.from({ length: rounds }, (_, i) => took.filter((t) => t[i] === 'took').length);
    expect(owners.filter((n) => n === 2).length).toBe(0);
    expect(owners.filter((n) => n === 0).length).toBe(0);
  });
});
