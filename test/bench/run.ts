// First: @hono/zod-openapi extends zod's schemas as they are created, and server/app.ts registers the contract's
// row schemas (.openapi), so the contract must not load before it (see the report: an import-order trap).
import '@hono/zod-openapi';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { makeRows } from './data.ts';
import { dropLeftovers, pgliteOpener, postgresOpener, type BenchDatabase, type Opener } from './databases.ts';
import { parseFloor, storageFloor, type FloorFigure } from './floors.ts';
import { collectGarbage, progress, round, withFloor, type Figure, type Plan } from './measure.ts';
import { provinceCases, provinceSize } from './province.ts';
import { printTable, targetLines } from './report.ts';
import { serviceCases } from './service-cases.ts';

/**
 * npm run bench [-- --tiny] [-- --json <file>]: the service on PGlite (and PostgreSQL when DATABASE_URL
 * is set) at 1,000 / 5,000 / 50,000 people, floors measured in the same run, peak memory of the largest
 * push, and the sheet engine. A benchmark: it reports, it never fails on a figure.
 * Then the province (4 / 40 / 400 organisations of 100 people in one database: one organisation's month and
 * year recomputed at each step), Excel round trips of a sync (10 / 5,000 / 50,000 rows on the counting fake
 * Excel) and the task pane (bundle size, time to first render in headless Chromium). These run on PostgreSQL
 * when DATABASE_URL is set, else on PGlite.
 * Then the month's task import and sync (10,000 documents, test/bench/task-cases.ts) against a COPY floor.
 * --service, --engine, --province, --excel, --pane, --tasks run only those cases (any combination).
 * For profiling: --db pglite|postgres|none, --rows <n>[,<n>…], --no-engine, --trace (statements of each push),
 * --explain (EXPLAIN ANALYZE of each bulk statement, rolled back, before it runs).
 * --load runs the load test instead (test/load/run.ts: 50 raters pushing and pulling for 60 s, then a recount).
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
  /** Only these of the newer cases (and none of the others) when any is given. */
  only: Set<'service' | 'engine' | 'province' | 'excel' | 'pane' | 'tasks'>;
}

const USAGE = 'usage: npm run bench -- [--tiny] [--json <file>] [--db pglite|postgres|none] [--rows 5000[,50000]] [--no-engine] [--trace] [--explain] [--service] [--engine] [--province] [--excel] [--pane] [--tasks]\n       npm run bench -- --load [--duration 60] [--connections 50] [--pulls 3] [--db pglite|postgres] [--in-process] [--json <file>]\n';

function parseArgs(argv: string[]): Args {
  const args: Args = { tiny: false, json: null, db: null, rows: null, engine: true, trace: false, explain: false, only: new Set() };
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
    else if (['--service', '--engine', '--province', '--excel', '--pane', '--tasks'].includes(a)) args.only.add(a.slice(2) as Args['only'] extends Set<infer K> ? K : never);
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
      const figure = (name: string, extra: Record<string, number | string> = {}) => ({
        name,
        ...base,
        ms: round(m[name]!),
        cpuMs: round(m[`${name} cpu`]!),
        ...(kind === 'postgres' ? { dbCpuMs: round(m[`${name} db cpu`]!) } : {}),
        runs: m.runs,
        ...extra,
      });
      // Each push read against today's floor, with the honest floors beside it: the bare write, the typed audit.
      const floors = (f: Figure): Figure => ({
        ...withFloor(f, floor.storage.ms),
        bareRatio: Math.round((f.ms / floor.bare.ms) * 100) / 100,
        auditRatio: Math.round((f.ms / floor.typedAudit.ms) * 100) / 100,
      });
      figures.push(floors(figure('push', { answerKb: Math.round(m['push bytes']! / 1024) })));
      figures.push(floors(figure('push-update')));
      figures.push(floors(figure('push-next-month')));
      figures.push(
        floors(
          figure('push-next-month-as-synced', {
            requests: m['push-next-month-as-synced requests']!,
            via: 'the same sync as the add-in sends it: pieces of 5,000 rows, all but the last answered Prefer: return=minimal',
          }),
        ),
      );
      figures.push(floors(figure('push-next-month-minimal', { via: 'the same sync asking Prefer: return=minimal (row results and the month state, no computed month)' })));
      if (m['push-http'] !== undefined) {
        const via = 'a new month of known people over HTTP: the add-in client (gzip both ways) to the service process';
        const inProcess = m['push-next-month']!;
        figures.push({ ...floors({ name: 'push-http', ...base, ms: round(m['push-http']), runs: m.runs, via }), vsInProcess: Math.round((m['push-http'] / inProcess) * 100) / 100 });
      }
      figures.push(figure('pull', { answerKb: Math.round(m['pull bytes']! / 1024) }));
      figures.push(figure('recompute'));
      const floorFigure = (name: string, f: FloorFigure) => ({
        name,
        ...base,
        ms: round(f.ms),
        cpuMs: round(f.cpuMs),
        ...(kind === 'postgres' ? { dbCpuMs: round(f.dbCpuMs) } : {}),
        runs: floor.runs,
      });
      figures.push(floorFigure('storage floor', floor.storage));
      figures.push(floorFigure('bare write floor', floor.bare));
      figures.push(floorFigure('typed audit floor', floor.typedAudit));
      if (peak) figures.push({ name: 'push-memory', ...base, ...peak, ms: round(peak.ms) });
    } finally {
      await bench.close();
    }
    collectGarbage();
  }
  return figures;
}

/** The newer cases' database: PostgreSQL when there is one (and --db allows), else PGlite; none with --db none. */
function newCasesDatabase(args: Args, url: string | undefined): Figure['database'] {
  if (args.db === 'none') return 'none';
  return url && args.db !== 'pglite' ? 'postgres' : 'pglite';
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
  const all = args.only.size === 0;
  let lite: Opener | null = null;
  const pglite = async () => (lite ??= await pgliteOpener());

  const figures: Figure[] = [];
  if (all || args.only.has('service')) {
    for (const n of sizes) {
      progress(`parse floor ${n}`);
      const parse = await parseFloor(makeRows(n), plan);
      figures.push({ name: 'parse floor', rows: n, database: 'none', ms: round(parse.ms), cpuMs: round(parse.cpuMs), runs: parse.runs });
    }
    if (args.db === null || args.db === 'pglite') figures.push(...(await databaseCases('pglite', await pglite(), sizes, plan, args)));
    if (url && (args.db === null || args.db === 'postgres')) figures.push(...(await databaseCases('postgres', postgresOpener(url), sizes, plan, args)));
  }
  if ((all && args.engine) || args.only.has('engine')) {
    {
      progress('sheet engine');
      try {
        // Loaded here, not at the top: an engine in the middle of a change must not stop the service cases.
        const { sheetEngineCases } = await import('./sheet-engine.ts');
        figures.push(...(await sheetEngineCases(engineSizes, plan)));
      } catch (error) {
        notes.push(`sheet engine skipped: ${(error as Error).message}`);
      }
    }
  }

  const kind = newCasesDatabase(args, url);
  const open = async (): Promise<BenchDatabase | null> =>
    kind === 'none' ? null : kind === 'postgres' ? postgresOpener(url!)() : (await pglite())();
  if (all || args.only.has('province')) {
    const bench = await open();
    if (!bench) notes.push('province skipped: --db none');
    else {
      try {
        const size = provinceSize(args.tiny);
        if (bench.kind === 'pglite' && !args.tiny) {
          notes.push('province on PGlite (DATABASE_URL not set): full size, the whole province in one in-memory WebAssembly process');
        }
        const provincePlan: Plan = args.tiny
          ? { warmups: () => 0, runs: () => 2, budgetMs: 0 }
          : { warmups: () => 4, runs: () => 20, budgetMs: 20_000 };
        figures.push(...(await provinceCases(bench, size, provincePlan)));
      } finally {
        await bench.close();
      }
      collectGarbage();
    }
  }
  if (all || args.only.has('excel')) {
    const bench = await open();
    if (!bench) notes.push('excel skipped: --db none');
    else {
      try {
        // Loaded here: the add-in's sync flow, mid-change in another hand, must not stop the other cases.
        const { excelCases, EXCEL_SIZES } = await import('./excel.ts');
        figures.push(...(await excelCases(bench, args.tiny ? EXCEL_SIZES.tiny : EXCEL_SIZES.full, args.tiny)));
      } catch (error) {
        notes.push(`excel skipped: ${(error as Error).message.split('\n')[0]}`);
      } finally {
        await bench.close();
      }
      collectGarbage();
    }
  }
  if (all || args.only.has('tasks')) {
    const bench = await open();
    if (!bench) notes.push('tasks skipped: --db none');
    else {
      try {
        // Loaded here: the task import and sync (issue 14), its own file to keep the bench's merges apart.
        const { taskCases } = await import('./task-cases.ts');
        figures.push(...(await taskCases(bench, args.tiny ? 200 : 10_000, args.tiny ? plan : { warmups: () => 1, runs: () => 3, budgetMs: 60_000 })));
      } catch (error) {
        notes.push(`tasks skipped: ${(error as Error).message.split('\n')[0]}`);
      } finally {
        await bench.close();
      }
      collectGarbage();
    }
  }
  if (all || args.only.has('pane')) {
    try {
      const { bundleFigures, firstRenderFigure } = await import('./pane.ts');
      figures.push(...(await bundleFigures()));
      const bench = await open();
      if (!bench) notes.push('pane first render skipped: --db none');
      else {
        try {
          figures.push(await firstRenderFigure(bench, args.tiny ? 2 : 5));
        } finally {
          await bench.close();
        }
      }
    } catch (error) {
      notes.push(`pane skipped: ${(error as Error).message.split('\n')[0]}`);
    }
  }

  printTable(figures);
  // Running only some of the newer cases: the other targets were not measured, not missed.
  const targets = targetLines(figures, args.tiny).filter((line) => all || !line.endsWith('not measured'));
  for (const line of [...targets, ...notes]) process.stdout.write(`${line}\n`);
  process.stdout.write(`total ${Math.round((performance.now() - started) / 1000)} s, load ${load()}\n`);
  if (args.json) {
    writeFileSync(args.json, JSON.stringify(figures, null, 2) + '\n');
    process.stdout.write(`wrote ${args.json}\n`);
  }
}

const url = process.env.DATABASE_URL || undefined;
if (process.argv.includes('--load')) {
  // npm run bench -- --load [--duration 60] [--connections 50] …: the load test (test/load/run.ts) instead.
  const { loadMain } = await import('../load/run.ts');
  loadMain(process.argv.slice(2).filter((a) => a !== '--load'));
} else {
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
}
