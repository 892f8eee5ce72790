// First: @hono/zod-openapi extends zod's schemas as they are created, and server/app.ts registers the contract's
// row schemas (.openapi), so the contract must not load before it (see the report: an import-order trap).
import '@hono/zod-openapi';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { makeRows } from './data.ts';
import { dropLeftovers, pgliteOpener, postgresOpener, type Opener } from './databases.ts';
import { parseFloor, storageFloor } from './floors.ts';
import { collectGarbage, progress, round, withFloor, type Figure, type Plan } from './measure.ts';
import { printTable, targetLines } from './report.ts';
import { serviceCases } from './service-cases.ts';

/**
 * npm run bench [-- --tiny] [-- --json <file>]: the service on PGlite (and PostgreSQL when DATABASE_URL
 * is set) at 1,000 / 5,000 / 50,000 people, floors measured in the same run, peak memory of the largest
 * push, and the sheet engine. A benchmark: it reports, it never fails on a figure.
 * For profiling: --db pglite|postgres|none, --rows <n>[,<n>…], --no-engine, --trace (statements of each push),
 * --explain (EXPLAIN ANALYZE of each bulk statement, rolled back, before it runs).
 */
interface Args {
  tiny: boolean;
  json: string | null;
  /** Only this database ('none': the sheet engine and the parse floor alone). */
  db: 'pglite' | 'postgres' | 'none' | null;
  rows: number[] | null;
  engine: boolean;
  trace: boolean;
  explain: boolean;
}

const USAGE = 'usage: npm run bench -- [--tiny] [--json <file>] [--db pglite|postgres|none] [--rows 5000[,50000]] [--no-engine] [--trace] [--explain]\n';

function parseArgs(argv: string[]): Args {
  const args: Args = { tiny: false, json: null, db: null, rows: null, engine: true, trace: false, explain: false };
  const value = (i: number) => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--')) throw new Error(`${argv[i - 1]} needs a value\n${USAGE}`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--tiny') args.tiny = true;
    else if (a === '--json') args.json = value(++i);
    else if (a === '--db') {
      const db = value(++i);
      if (db !== 'pglite' && db !== 'postgres' && db !== 'none') throw new Error(`--db pglite|postgres|none\n${USAGE}`);
      args.db = db;
    } else if (a === '--rows') args.rows = value(++i).split(',').map((n) => Number(n.replace(/_/g, '')));
    else if (a === '--no-engine') args.engine = false;
    else if (a === '--trace') args.trace = true;
    else if (a === '--explain') args.explain = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  if (args.rows?.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--rows takes whole numbers\n${USAGE}`);
  return args;
}

const FULL_RUNS: Record<number, number> = { 1000: 7, 5000: 5, 50000: 3 };

async function databaseCases(kind: Figure['database'], open: Opener, sizes: number[], plan: Plan, args: Args): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const n of sizes) {
    const rows = makeRows(n);
    const bench = await open();
    try {
      progress(`${kind} ${n} rows: storage floor`);
      const floor = await storageFloor(bench, rows, plan);
      progress(`${kind} ${n} rows: service`);
      const memory = n === sizes[sizes.length - 1];
      const { timings: m, memory: peak } = await serviceCases(bench, rows, plan, { memory, trace: args.trace, explain: args.explain });
      const base = { rows: n, database: kind };
      const figure = (name: string, extra: Record<string, number> = {}) => ({
        name,
        ...base,
        ms: round(m[name]!),
        cpuMs: round(m[`${name} cpu`]!),
        ...(kind === 'postgres' ? { dbCpuMs: round(m[`${name} db cpu`]!) } : {}),
        runs: m.runs,
        ...extra,
      });
      figures.push(withFloor(figure('push', { answerKb: Math.round(m['push bytes']! / 1024) }), floor.ms));
      figures.push(withFloor(figure('push-update'), floor.ms));
      figures.push(figure('pull', { answerKb: Math.round(m['pull bytes']! / 1024) }));
      figures.push(figure('recompute'));
      figures.push({
        name: 'storage floor',
        ...base,
        ms: round(floor.ms),
        cpuMs: round(floor.cpuMs),
        ...(kind === 'postgres' ? { dbCpuMs: round(floor.dbCpuMs) } : {}),
        runs: floor.runs,
      });
      if (peak) figures.push({ name: 'push-memory', ...base, ...peak, ms: round(peak.ms) });
    } finally {
      await bench.close();
    }
    collectGarbage();
  }
  return figures;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const url = process.env.DATABASE_URL || undefined;
  const sizes = args.rows ?? (args.tiny ? [200] : [1000, 5000, 50000]);
  const engineSizes = args.rows ?? (args.tiny ? [200] : [1000, 20000, 100000]);
  // 50,000 rows get no warm-up of their own: the smaller sizes before them warmed the same code.
  const plan: Plan = args.tiny
    ? { warmups: () => 0, runs: () => 1, budgetMs: 0 }
    : { warmups: (n) => (n >= 50000 ? 0 : 1), runs: (n) => FULL_RUNS[n] ?? 5, budgetMs: 60_000 };
  const notes: string[] = [];
  const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
  process.stdout.write(
    `Bình Xét bench${args.tiny ? ' (tiny)' : ''}: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load ${load()}\n`,
  );
  if (!url) process.stdout.write('DATABASE_URL is not set: measuring PGlite alone.\n');
  if (args.db === 'postgres' && !url) throw new Error('--db postgres needs DATABASE_URL');

  const figures: Figure[] = [];
  for (const n of sizes) {
    progress(`parse floor ${n}`);
    const parse = await parseFloor(makeRows(n), plan);
    figures.push({ name: 'parse floor', rows: n, database: 'none', ms: round(parse.ms), cpuMs: round(parse.cpuMs), runs: parse.runs });
  }
  if (args.db === null || args.db === 'pglite') figures.push(...(await databaseCases('pglite', await pgliteOpener(), sizes, plan, args)));
  if (url && (args.db === null || args.db === 'postgres')) figures.push(...(await databaseCases('postgres', postgresOpener(url), sizes, plan, args)));
  if (args.engine) {
    progress('sheet engine');
    try {
      // Loaded here, not at the top: an engine in the middle of a change must not stop the service cases.
      const { sheetEngineCases } = await import('./sheet-engine.ts');
      figures.push(...(await sheetEngineCases(engineSizes, plan)));
    } catch (error) {
      notes.push(`sheet engine skipped: ${(error as Error).message}`);
    }
  }

  printTable(figures);
  for (const line of [...targetLines(figures, args.tiny), ...notes]) process.stdout.write(`${line}\n`);
  process.stdout.write(`total ${Math.round((performance.now() - started) / 1000)} s, load ${load()}\n`);
  if (args.json) {
    writeFileSync(args.json, JSON.stringify(figures, null, 2) + '\n');
    process.stdout.write(`wrote ${args.json}\n`);
  }
}

const url = process.env.DATABASE_URL || undefined;
process.once('SIGINT', () => {
  void dropLeftovers(url).finally(() => process.exit(130));
});
main().then(
  () => process.exit(0),
  async (error: unknown) => {
    await dropLeftovers(url);
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
