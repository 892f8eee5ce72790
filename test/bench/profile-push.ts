// First, as in run.ts: @hono/zod-openapi must extend zod before the contract loads.
import '@hono/zod-openapi';
import { makeRows } from './data.ts';
import { pgliteOpener, postgresOpener } from './databases.ts';
import { benchService } from './service-cases.ts';

/**
 * The monthly sync alone, for a CPU profile of the service's own work:
 *   node --cpu-prof --cpu-prof-dir=<dir> --import tsx test/bench/profile-push.ts [rows] [pushes] [minimal]
 * One organisation gets a first month of new people (not profiled apart: it warms the code), then `pushes`
 * new months of the same people, each timed. On PostgreSQL when DATABASE_URL is set, else PGlite.
 */
const rows = makeRows(Number(process.argv[2] ?? 5000));
const pushes = Number(process.argv[3] ?? 10);
const prefer = process.argv[4] === 'minimal' ? 'minimal' : 'representation';
const url = process.env.DATABASE_URL || undefined;
const bench = await (url ? postgresOpener(url) : await pgliteOpener())();
try {
  const service = benchService(bench);
  const { token } = await service.organisation('profile');
  const body = JSON.stringify({ rows });
  const month = (i: number) => `/api/v1/months/${2001 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}/people`;
  const headers: Record<string, string> = prefer === 'minimal' ? { prefer: 'return=minimal' } : {};
  for (let i = 0; i <= pushes; i++) {
    const started = performance.now();
    const res = await service.request('POST', month(i), token, body, headers);
    if (res.status !== 200) throw new Error(`HTTP ${res.status} ${res.text.slice(0, 200)}`);
    process.stdout.write(`${i === 0 ? 'first (new people)' : `sync ${i}`}: ${Math.round(performance.now() - started)} ms, answer ${res.text.length} bytes\n`);
  }
} finally {
  await bench.close();
}
