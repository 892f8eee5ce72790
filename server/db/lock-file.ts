import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite has no postmaster.pid: two processes on one folder would both write to it and corrupt it
 * (research §2.4). The service holds `<dir>/.lock` with its pid; a stale lock of a dead process is taken over.
 */
export function takeLock(dir: string): () => void {
  const path = join(dir, '.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => {
        try {
          unlinkSync(path);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(path, 'utf8'));
      if (pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new LockedError(dir, pid);
      }
      unlinkSync(path);
    }
  }
  throw new LockedError(dir, 0);
}

export class LockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `Thư mục dữ liệu ${dir} đang được tiến trình ${pid} sử dụng. Hãy dừng tiến trình đó, hoặc đặt DATA_DIR khác. ` +
        `(The data folder is in use by process ${pid}.)`,
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
