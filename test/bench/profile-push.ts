// First, as in run.ts: @hono/zod-openapi must extend zod before the contract loads.
import '@hono/zod-openapi';
import { PUSH_CHUNK } from '../../addin/actions/sync-sheet.ts';
import { makeRows } from './data.ts';
import { pgliteOpener, postgresOpener } from './databases.ts';
import { benchService } from './service-cases.ts';

/**
 * The monthly sync alone, for a CPU profile of the service's own work:
 *   node --cpu-prof --cpu-prof-dir=<dir> --import tsx test/bench/profile-push.ts [rows] [pushes] [minimal|synced]
 * One organisation gets a first month of new people (not profiled apart: it warms the code), then `pushes`
 * new months of the same people, each timed. On PostgreSQL when DATABASE_URL is set, else PGlite. `synced`
 * sends each month as the add-in does: pieces of PUSH_CHUNK rows, all but the last answered minimally.
 */
const rows = makeRows(Number(process.argv[2] ?? 5000));
const pushes = Number(process.argv[3] ?? 10);
const mode = process.argv[4] === 'minimal' || process.argv[4] === 'synced' ? process.argv[4] : 'representation';
const url = process.env.DATABASE_URL || undefined;
const bench = await (url ? postgresOpener(url) : await pgliteOpener())();
try {
  const service = benchService(bench);
  const { token } = await service.organisation('profile');
  const pieces: string[] = [];
  const size = mode === 'synced' ? PUSH_CHUNK : rows.length;
  for (let start = 0; start < rows.length; start += size) pieces.push(JSON.stringify({ rows: rows.slice(start, start + size) }));
  const month = (i: number) => `/api/v1/months/${2001 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}/people`;
  const minimal = { prefer: 'return=minimal' };
  for (let i = 0; i <= pushes; i++) {
    const started = performance.now();
    let bytes = 0;
    for (const [p, piece] of pieces.entries()) {
      const last = p === pieces.length - 1;
      const headers = mode === 'minimal' || (mode === 'synced' && !last) ? minimal : {};
      const res = await service.request('POST', month(i), token, piece, headers);
      if (res.status !== 200) throw new Error(`HTTP ${res.status} ${res.text.slice(0, 200)}`);
      bytes += res.text.length;
    }
    process.stdout.write(`${i === 0 ? 'first (new people)' : `sync ${i}`}: ${Math.round(performance.now() - started)} ms, ${pieces.length} request(s), answers ${bytes} bytes\n`);
  }
} finally {
  await bench.close();
}
