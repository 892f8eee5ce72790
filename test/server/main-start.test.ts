import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, startChildService } from '../support/child-service.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Runs server/main.ts to its end (a failed start) and gives its exit code and what it printed. */
function failedStart(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', HOST: '127.0.0.1', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += String(d)));
  child.stderr.on('data', (d) => (out += String(d)));
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    }),
  );
}

describe('a start that fails', () => {
  const root = mkdtempSync(join(tmpdir(), 'binhxet-start-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('with an admin token another organisation uses says so in Vietnamese and English, releases the lock and leaves the data usable', { timeout: 180_000 }, async () => {
    const dataDir = join(root, 'two-orgs');
    const token = 'shared-admin-token-0123456789';
    const first = await startChildService({ DATA_DIR: dataDir, ORG_SLUG: 'to-chuc-a', BINHXET_ADMIN_TOKEN: token });
    expect(await first.stop()).toBe(0);
    const port = String(await freePort());
    const second = await failedStart({ DATA_DIR: dataDir, ORG_SLUG: 'to-chuc-b', BINHXET_ADMIN_TOKEN: token, PORT: port });
    expect(second.code).toBe(1);
    expect(second.out).toContain('Không khởi động được Bình Xét (Bình Xét could not start)');
    expect(second.out).toContain('BINHXET_ADMIN_TOKEN đã là khóa của một tổ chức khác');
    expect(second.out).toContain('already the key of another organisation');
    expect(second.out).not.toMatch(/duplicate key|unique constraint|\n\s+at /);
    expect(existsSync(join(dataDir, '.lock'))).toBe(false);
    const again = await startChildService({ DATA_DIR: dataDir, ORG_SLUG: 'to-chuc-a', BINHXET_ADMIN_TOKEN: token });
    expect((await fetch(`${again.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect(await again.stop()).toBe(0);
  });

  it('on a port in use names the port in both languages and releases the lock', { timeout: 120_000 }, async () => {
    const dataDir = join(root, 'port');
    const busy: Server = createServer();
    const port = await new Promise<number>((resolve) => busy.listen(0, '127.0.0.1', () => resolve((busy.address() as { port: number }).port)));
    try {
      const start = await failedStart({ DATA_DIR: dataDir, PORT: String(port), BINHXET_ADMIN_TOKEN: 'port-admin-token-0123456789' });
      expect(start.code).toBe(1);
      expect(start.out).toContain(`Cổng ${port} trên 127.0.0.1 đang được chương trình khác dùng`);
      expect(start.out).toContain(`Port ${port} is in use`);
      expect(existsSync(join(dataDir, '.lock'))).toBe(false);
    } finally {
      busy.close();
    }
  });

  it('on a data folder others can read says the chmod to run', { timeout: 60_000 }, async () => {
    const dataDir = join(root, 'open');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    const start = await failedStart({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    expect(start.code).toBe(1);
    expect(start.out).toContain(`chmod -R go-rwx ${dataDir}`);
    expect(start.out).toContain('readable by group or others');
  });
});
