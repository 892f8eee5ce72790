import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite has no postmaster.pid: two processes on one folder would both write to it and corrupt it
 * (research §2.4). The service holds `<dir>/.lock`, holding its pid and a token of its own.
 *
 * Every step is atomic: the lock appears whole by `link` of a file already written (it fails when a lock
 * exists), and a stale lock — its process dead — is taken away by `rename` to a name of this process's
 * own, then read again: when it was not the stale lock any more (another process took it over between
 * the read and the rename) it is linked back in place. An empty or unreadable lock is never taken as stale.
 */
export function takeLock(dir: string): () => void {
  const path = join(dir, '.lock');
  const content = `${process.pid}\n${randomBytes(12).toString('hex')}`;
  const mine = join(dir, `.lock.${process.pid}.${randomBytes(6).toString('hex')}`);
  writeFileSync(mine, content, { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        linkSync(mine, path);
        return () => releaseLock(path, content);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const held = readLock(path);
      if (held === undefined) continue; // released meanwhile
      const pid = lockPid(held);
      if (pid === null || pid === process.pid || isAlive(pid)) throw new LockedError(dir, pid ?? 0);
      removeStale(path, held, mine);
    }
    throw new LockedError(dir, 0);
  } finally {
    unlinkSync(mine);
  }
}

/** Moves the stale lock `held` out of the way, or puts back a fresh lock that was moved by mistake. */
function removeStale(path: string, held: string, mine: string): void {
  const grave = `${mine}.stale`;
  try {
    renameSync(path, grave);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // another process removed it first
    throw error;
  }
  try {
    if (readFileSync(grave, 'utf8') !== held) linkSync(grave, path);
  } finally {
    unlinkSync(grave);
  }
}

function releaseLock(path: string, content: string): void {
  // A lock taken over while this process was thought dead (a paused process) is not ours to remove.
  if (readLock(path) === content) unlinkSync(path);
}

function readLock(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The pid on the lock's first line (earlier versions wrote the pid alone); null when unreadable. */
function lockPid(content: string): number | null {
  const pid = Number(content.split('\n', 1)[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export class LockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    const who = pid > 0 ? `tiến trình ${pid}` : 'một tiến trình khác';
    super(
      `Thư mục dữ liệu ${dir} đang được ${who} sử dụng. Hãy dừng tiến trình đó, hoặc đặt DATA_DIR khác. ` +
        `(The data folder is in use by ${pid > 0 ? `process ${pid}` : 'another process'}; stop it or set another DATA_DIR.)` +
        (pid > 0 ? '' : ` Nếu chắc chắn không còn tiến trình nào dùng thư mục, hãy xóa ${join(dir, '.lock')}. (If no process uses it, delete that file.)`),
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
