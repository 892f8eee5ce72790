import type { Figure } from './measure.ts';

/** The printed table and the targets this project set itself (reported, never enforced). */

const MEMORY_KEYS = ['baseRssMb', 'peakRssMb', 'baseHeapMb', 'peakHeapMb'] as const;

const num = (v: unknown) => (typeof v === 'number' ? v : Number.NaN);
const kb = (bytes: unknown) => `${(num(bytes) / 1024).toFixed(0)} KB`;

function notes(f: Figure): string {
  const parts: string[] = [];
  if (MEMORY_KEYS.every((k) => typeof f[k] === 'number')) {
    parts.push(`rss ${f.baseRssMb}→${f.peakRssMb} MB, heap ${f.baseHeapMb}→${f.peakHeapMb} MB`);
  }
  if (typeof f.dbCpuMs === 'number' && f.dbCpuMs > 0) parts.push(`server cpu ${f.dbCpuMs.toFixed(0)} ms`);
  if (typeof f.answerKb === 'number') parts.push(`answer ${(f.answerKb / 1024).toFixed(1)} MB`);
  if (typeof f.bareRatio === 'number') parts.push(`÷ bare write ${f.bareRatio.toFixed(2)}×, ÷ typed audit ${num(f.auditRatio).toFixed(2)}×`);
  if (typeof f.vsInProcess === 'number') parts.push(`${f.vsInProcess.toFixed(2)}× in process`);
  if (typeof f.via === 'string') parts.push(f.via);
  // Province: how many organisations share the database, and this cost against the smallest step's.
  if (typeof f.orgs === 'number' && typeof f.vsFirst === 'number') {
    const read = typeof f.readMs === 'number' ? `, repository read ${f.readMs} ms, ${num(f.readRows).toLocaleString('en-US')} rows examined (seq scans: ${f.seqScans})` : '';
    parts.push(`${f.orgs} orgs × ${f.peoplePerOrg} people; ${f.vsFirst.toFixed(2)}× the ${f.firstOrgs}-org time${read}`);
  } else if (typeof f.orgs === 'number') {
    parts.push(`to ${f.orgs} orgs${typeof f.rowsPerS === 'number' ? `, ${f.rowsPerS.toLocaleString('en-US')} rows/s with ANALYZE` : ''}`);
  }
  // Excel: round trips and payloads of one sync, and the part of its time spent in the service.
  if (typeof f.roundTrips === 'number') {
    parts.push(
      `${f.roundTrips} round trips, largest request ${kb(f.maxRequestBytes)} / response ${kb(f.maxResponseBytes)}, ` +
        `${f.sent} rows sent in ${f.requests} requests, service ${num(f.serviceMs).toFixed(0)} ms` +
        (typeof f.maxHttpResponseBytes === 'number'
          ? `, answers: largest ${kb(f.maxHttpResponseBytes)}, total ${kb(f.totalHttpResponseBytes)}`
          : ''),
    );
  }
  // The task pane: gzipped sizes (ms is the build's time) and the page load.
  if (typeof f.gzipKb === 'number') {
    const budget =
      typeof f.budgetKb === 'number'
        ? ` of ${f.budgetKb} KB budget: taskpane.js ${f.mainGzipKb} KB + ${num(f.files) - 1} static chunk(s); ms = build`
        : ` ${f.file}`;
    parts.push(`${f.gzipKb} KB gzipped (${f.rawKb} KB raw)${budget}`);
  }
  if (typeof f.wallMs === 'number') {
    parts.push(`navigation → data-ready; wall ${f.wallMs} ms, ${f.requests} requests, ${f.transferKb} KB (office.js ${f.officeKb} KB)`);
  }
  return parts.join('; ');
}

export function printTable(figures: readonly Figure[]): void {
  const header = ['case', 'rows', 'database', 'ms', 'cpu ms', 'floor ms', 'ratio', 'runs', 'notes'];
  const fixed = (v: unknown) => (typeof v === 'number' ? v.toFixed(1) : '');
  const lines = figures.map((f) => [
    f.name,
    f.rows.toLocaleString('en-US'),
    f.database,
    f.ms.toFixed(1),
    fixed(f.cpuMs),
    fixed(f.floorMs),
    f.ratio === undefined ? '' : `${f.ratio.toFixed(2)}×`,
    typeof f.runs === 'number' ? String(f.runs) : '',
    notes(f),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const right = new Set([1, 3, 4, 5, 6, 7]);
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  process.stdout.write(`\n${fmt(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const l of lines) process.stdout.write(`${fmt(l)}\n`);
  process.stdout.write('\n');
}

const find = (figures: readonly Figure[], name: string, rows: number, database: Figure['database']) =>
  figures.find((f) => f.name === name && f.rows === rows && f.database === database);

function check(label: string, f: Figure | undefined, limit: number): string {
  if (f === undefined) return `target ${label} ≤ ${limit} ms: not measured`;
  const cpu = typeof f.cpuMs === 'number' ? ` (cpu ${f.cpuMs.toFixed(0)} ms)` : '';
  return `target ${label} ≤ ${limit} ms: ${f.ms.toFixed(0)} ms${cpu} ${f.ms <= limit ? 'met' : 'MISSED'}`;
}

export function targetLines(figures: readonly Figure[], tiny: boolean): string[] {
  const lines = [...provinceLines(figures), ...excelLines(figures), ...paneLines(figures)];
  if (tiny) return ['targets: not checked in --tiny (the lines above are the tiny sizes)', ...lines].filter((l) => !l.includes('not measured'));
  lines.push(
    check('push 5,000 rows on PostgreSQL', find(figures, 'push', 5000, 'postgres'), 300),
    check('push 50,000 rows on PostgreSQL', find(figures, 'push', 50000, 'postgres'), 3000),
    // The same targets for the push a sheet makes every month: its people known, the month new.
    check('push 5,000 rows of a new month of known people on PostgreSQL', find(figures, 'push-next-month', 5000, 'postgres'), 300),
    check('push 50,000 rows of a new month of known people on PostgreSQL', find(figures, 'push-next-month', 50000, 'postgres'), 3000),
  );
  for (const n of [1000, 5000, 50000]) {
    const lite = find(figures, 'push', n, 'pglite')?.ms;
    const server = find(figures, 'push', n, 'postgres')?.ms;
    if (lite === undefined || server === undefined) continue;
    const x = lite / server;
    lines.push(`target push ${n.toLocaleString('en-US')} rows PGlite within 3× of PostgreSQL: ${x.toFixed(2)}× ${x <= 3 ? 'met' : 'MISSED'}`);
  }
  lines.push(...monthlySyncLines(figures));
  const engine = figures.find((f) => f.rows === 20000 && f.name.startsWith('sheet') && f.floorMs !== undefined);
  lines.push(check('sheet engine 20,000 rows', engine, 300));
  for (const f of figures) {
    if (f.ratio !== undefined && f.ratio > 2) lines.push(`ratio above 2: ${f.name} ${f.rows} ${f.database} ${f.ratio}× its floor`);
  }
  return lines;
}

/**
 * The monthly sync (a new month of known people), issue 16's targets: ratios within this run. The targets are read
 * on the sync as the add-in sends it (pieces of 5,000 rows, all but the last answered minimally); the same rows in
 * one request with the whole computed month as its answer stand beside it, labelled.
 */
export function monthlySyncLines(figures: readonly Figure[]): string[] {
  const lines: string[] = [];
  const synced = (rows: number, database: Figure['database']) => find(figures, 'push-next-month-as-synced', rows, database);
  const single = (rows: number, database: Figure['database']) => find(figures, 'push-next-month', rows, database);
  const verdict = (x: number, limit: number) => `${x.toFixed(2)}× ${x <= limit ? 'met' : 'MISSED'}`;
  const floors = (f: Figure) => `(bare write ${num(f.bareRatio).toFixed(2)}×, typed audit ${num(f.auditRatio).toFixed(2)}×)`;
  for (const n of [5000, 50000]) {
    const rows = n.toLocaleString('en-US');
    const f = synced(n, 'postgres');
    if (f?.ratio !== undefined) {
      lines.push(
        `target monthly sync ${rows} rows as the add-in sends it (${num(f.requests)} request(s)) on PostgreSQL ≤ 2× the storage floor: ` +
          `${verdict(f.ratio, 2)} ${floors(f)}`,
      );
    }
    const parse = find(figures, 'parse floor', n, 'none');
    const audit = find(figures, 'typed audit floor', n, 'postgres');
    const storage = find(figures, 'storage floor', n, 'postgres');
    if (f && parse && audit && storage) {
      // Neither floor is optional for a push: the body must be read and checked, every change audited.
      const least = parse.ms + audit.ms;
      lines.push(
        `  what any push must do at least, read and check the body (parse floor) and write with a typed audit per change ` +
          `(typed audit floor): ${(least / storage.ms).toFixed(2)}× the storage floor; the sync is ${(f.ms / least).toFixed(2)}× that`,
      );
    }
    const one = single(n, 'postgres');
    if (one?.ratio !== undefined) lines.push(`  the same rows in one request answered with the whole computed month: ${one.ratio.toFixed(2)}× ${floors(one)}`);
    const minimal = find(figures, 'push-next-month-minimal', n, 'postgres');
    if (minimal?.ratio !== undefined) lines.push(`  in one request answered Prefer: return=minimal: ${minimal.ratio.toFixed(2)}× the storage floor`);
    const http = find(figures, 'push-http', n, 'postgres');
    if (typeof http?.vsInProcess === 'number') lines.push(`target monthly sync ${rows} rows in one request over HTTP ≤ 1.3× in process: ${verdict(http.vsInProcess, 1.3)}`);
    const lite = synced(n, 'pglite');
    if (lite && f) lines.push(`target monthly sync ${rows} rows as the add-in sends it, PGlite ≤ 2× PostgreSQL: ${verdict(lite.ms / f.ms, 2)}`);
  }
  for (const [label, pick] of [['as the add-in sends it', synced], ['in one request, whole answer', single]] as const) {
    const small = pick(5000, 'postgres');
    const big = pick(50000, 'postgres');
    if (small && big) lines.push(`target monthly sync 50,000 / 5,000 rows on PostgreSQL ≤ 10.5× (${label}): ${verdict(big.ms / small.ms, 10.5)}`);
  }
  return lines;
}

/**
 * Province: one organisation's cost at the last step (most organisations) against the first. The verdict goes by
 * the rows the repositories' reads examined (a count the machine's load cannot blur), not by the milliseconds.
 */
export function provinceLines(figures: readonly Figure[]): string[] {
  const lines: string[] = [];
  const n = (v: unknown) => num(v).toLocaleString('en-US');
  for (const name of ['province month', 'province year']) {
    for (const database of ['postgres', 'pglite'] as const) {
      const steps = figures.filter((f) => f.name === name && f.database === database);
      if (steps.length < 2) continue;
      const a = steps[0]!;
      const b = steps[steps.length - 1]!;
      const x = b.ms / a.ms;
      const work = num(b.readRows) / num(a.readRows);
      const verdict = work <= 1.5 ? 'flat' : `GROWS with the province${b.seqScans !== 'none' ? `: whole ${b.seqScans} read` : ''}`;
      lines.push(
        `${name} (${database}) per organisation, ${b.orgs} vs ${a.orgs} orgs: ${b.ms.toFixed(1)} vs ${a.ms.toFixed(1)} ms = ${x.toFixed(2)}×; ` +
          `rows examined ${n(a.readRows)} → ${n(b.readRows)} = ${work.toFixed(2)}× (${verdict}); ` +
          `repository read ${a.readMs} → ${b.readMs} ms; bare read ${a.floorMs ?? '?'} → ${b.floorMs ?? '?'} ms`,
      );
    }
  }
  return lines;
}

const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export function excelLines(figures: readonly Figure[]): string[] {
  const syncs = figures.filter((f) => f.name.startsWith('excel'));
  if (syncs.length === 0) return [];
  const lines: string[] = [];
  const sync = syncs.find((f) => f.name === 'excel sync' && f.rows === 5000);
  if (sync) {
    const trips = num(sync.roundTrips);
    lines.push(`target 5,000-row sync ≤ 6 Excel round trips: ${trips} ${trips <= 6 ? 'met' : 'MISSED'}`);
  } else lines.push('target 5,000-row sync ≤ 6 Excel round trips: not measured');
  for (const f of syncs) {
    const biggest = Math.max(num(f.maxRequestBytes), num(f.maxResponseBytes));
    if (biggest > PAYLOAD_LIMIT) lines.push(`excel: ${f.name} ${f.rows} rows sent a payload over 5 MB (${biggest} bytes)`);
    if (num(f.failedSyncs) > 0) lines.push(`excel: ${f.name} ${f.rows} rows had ${f.failedSyncs} refused sync(s) (payload too large, retried smaller)`);
  }
  return lines;
}

export function paneLines(figures: readonly Figure[]): string[] {
  const bundle = figures.find((f) => f.name === 'pane bundle');
  if (!bundle) return [];
  const gz = num(bundle.gzipKb);
  const budget = num(bundle.budgetKb);
  return [`target task pane ≤ ${budget} KB gzipped: ${gz.toFixed(1)} KB ${gz <= budget ? 'met' : 'MISSED'}`];
}
