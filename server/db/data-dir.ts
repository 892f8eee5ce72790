import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded database's folder holds every name and score (its WAL too), so it is the service's alone,
 * as PostgreSQL keeps its data directory: created 0700, files 0600 (umask 077 for everything PGlite writes
 * after this), and a folder that group or others may enter is refused rather than silently used.
 */
export function prepareDataDir(dir: string): void {
  // Process-wide, and before PGlite writes a file: the service writes nothing anyone else should read.
  process.umask(0o077);
  if (!existsSync(dir)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return;
  }
  const mode = statSync(dir).mode & 0o777;
  if (mode & 0o077) throw new DataDirOpenError(dir, mode);
  closeUp(dir);
}

/**
 * Files written by earlier versions (0666 under the default umask) inside a folder that is already private.
 * Also run once the database is open: PGlite copies its initial cluster in with explicit 0666 modes, which
 * the umask does not narrow (the folder, 0700 by then, already kept others out).
 */
export function closeUp(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isSymbolicLink()) continue;
    const wanted = entry.isDirectory() ? 0o700 : 0o600;
    if ((statSync(path).mode & 0o777) !== wanted) chmodSync(path, wanted);
  }
}

export class DataDirOpenError extends Error {
  constructor(
    readonly dir: string,
    readonly mode: number,
  ) {
    super(
      `Thư mục dữ liệu ${dir} có quyền ${mode.toString(8)}: người dùng khác trên máy đọc được tên và điểm trong đó. ` +
        `Hãy chạy: chmod -R go-rwx ${dir} rồi khởi động lại. ` +
        `(The data folder is readable by group or others (mode ${mode.toString(8)}); run chmod -R go-rwx ${dir} and start again.)`,
    );
  }
}
