import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface HttpService {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The service as it is deployed: `server/main.ts` in its own process on a loopback port, over the bench's
 * PostgreSQL database (PGlite lives inside the bench's process and cannot be shared). A push through it pays
 * what the in-process cases skip: HTTP, @hono/node-server, gzip both ways, and the client's own work.
 */
export async function startHttpService(databaseUrl: string): Promise<HttpService> {
  const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'error', DATABASE_URL: databaseUrl };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /cổng (\d+)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`service exited (${code}) before listening:\n${err.slice(-2000)}`));
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
