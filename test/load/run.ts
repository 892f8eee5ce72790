// First, as in test/bench/run.ts: @hono/zod-openapi must extend zod before the contract's schemas load.
import '@hono/zod-openapi';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Db } from '../../server/db/database.ts';
import { openEmbedded } from '../../server/db/embedded.ts';
import { migrate } from '../../server/db/migrate.ts';
import { runAndRecount } from './recount.ts';
import { figures, loadAverage, printFigures } from './report.ts';
import { childPostgres, inProcessPostgres, inProcessTarget, type LoadTarget } from './service.ts';

/**
 * The full load test: `npm run bench -- --load` or `node --import tsx test/load/run.ts`. 50 raters push and
 * pull one month for 60 s against PostgreSQL (DATABASE_URL; the service as its own process), then every
 * invariant is recounted from the database. Prints the figures and the checks; exits 1 when a check fails
 * (5xx, lost or doubled writes, a month that is not the rules over the stored rows), never on a timing.
 */
const USAGE =
  'usage: npm run bench -- --load [… the same options], or node --import tsx test/load/run.ts [--duration 60] [--connections 50] [--pulls 3] [--db pglite|postgres] [--in-process] [--json <file>]\n';

interface Args {
  durationSec: number;
  connections: number;
  pullsPerPush: number;
  db: 'pglite' | 'postgres' | null;
  inProcess: boolean;
  json: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { durationSec: 60, connections: 50, pullsPerPush: 3, db: null, inProcess: false, json: null };
  const value = (i: number) => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--')) throw new Error(`${argv[i - 1]} needs a value\n${USAGE}`);
    return v;
  };
  const whole = (v: string, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`${v}: a whole number ≥ ${min} expected\n${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--duration') args.durationSec = whole(value(++i), 1);
    else if (a === '--connections') args.connections = whole(value(++i), 1);
    else if (a === '--pulls') args.pullsPerPush = whole(value(++i), 0);
    else if (a === '--db') {
      const db = value(++i);
      if (db !== 'pglite' && db !== 'postgres') throw new Error(`--db pglite|postgres\n${USAGE}`);
      args.db = db;
    } else if (a === '--in-process') args.inProcess = true;
    else if (a === '--json') args.json = value(++i);
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      return { ...args, durationSec: 0 };
    } else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  return args;
}

let target: LoadTarget | null = null;
let embedded: Db | null = null;

async function closeAll(): Promise<void> {
  await target?.close();
  await embedded?.close();
  target = null;
  embedded = null;
}

/** Returns the exit code: 0 when every invariant held. */
export async function loadCli(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.durationSec === 0) return 0;
  const url = process.env.DATABASE_URL || undefined;
  if (args.db === 'postgres' && !url) throw new Error('--db postgres needs DATABASE_URL');
  const usePostgres = url !== undefined && args.db !== 'pglite';
  if (!url) process.stdout.write('DATABASE_URL is not set: the load test runs against PGlite (in-process), not PostgreSQL.\n');
  const loadBefore = loadAverage();
  process.stdout.write(`Bình Xét load test: ${args.connections} raters × ${args.durationSec} s, load ${loadBefore}\n`);
  try {
    if (usePostgres) target = args.inProcess ? await inProcessPostgres(url) : await childPostgres(url);
    else {
      embedded = await openEmbedded(undefined);
      await migrate(embedded);
      target = await inProcessTarget(embedded, 'pglite');
    }
    process.stderr.write(`service (${target.database}, ${target.where}) at ${target.url}; raters pushing and pulling…\n`);
    const { run, checks } = await runAndRecount(target, {
      connections: args.connections,
      durationSec: args.durationSec,
      pullsPerPush: args.pullsPerPush,
      period: '2033-03',
    });
    const f = figures(run, target, checks, loadBefore);
    printFigures(f);
    process.stdout.write(`\n${JSON.stringify(f)}\n`);
    if (args.json) {
      writeFileSync(args.json, JSON.stringify(f, null, 2) + '\n');
      process.stdout.write(`wrote ${args.json}\n`);
    }
    return checks.every((c) => c.ok) ? 0 : 1;
  } finally {
    await closeAll();
  }
}

/** The process entry (this file run directly, or `npm run bench -- --load`): exits with loadCli's code. */
export function loadMain(argv: string[]): void {
  process.once('SIGINT', () => {
    void closeAll().finally(() => process.exit(130));
  });
  loadCli(argv).then(
    (code) => process.exit(code),
    async (error: unknown) => {
      await closeAll().catch(() => {});
      process.stderr.write(`load test failed: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) loadMain(process.argv.slice(2));
