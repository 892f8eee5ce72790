import { cpus, loadavg } from 'node:os';
import { percentile, serverErrors, type LoadRun } from './harness.ts';
import type { Check } from './recount.ts';
import type { LoadTarget } from './service.ts';

export const loadAverage = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** The figures of one run, as printed and as written with --json. */
export interface LoadFigures {
  database: LoadTarget['database'];
  service: LoadTarget['where'];
  node: string;
  cpus: string;
  loadBefore: string;
  loadAfter: string;
  connections: number;
  durationSec: number;
  pullsPerPush: number;
  answered: number;
  reqPerSec: number;
  pushesPerSec: number;
  rowsSentPerSec: number;
  rowsAcceptedPerSec: number;
  latencyMs: { all: { p50: number; p99: number }; push: Spread | null; pull: Spread | null };
  receivedMBps: number;
  statuses: Record<string, number>;
  serverErrors: Record<string, number>;
  autocannon: { errors: number; timeouts: number; non2xx: number; p50: number; p99: number };
  rows: { accepted: number; unchanged: number; rejected: number; expectedConflicts: number; unexpectedConflicts: number };
  pushesSent: number;
  replayed: number;
  lostMidRun: number;
  checks: Check[];
  errorLog: string[];
}

const r1 = (x: number) => Math.round(x * 10) / 10;
type Spread = { p50: number; p99: number; max: number };
const spread = (s: Spread | null) => (s ? `${s.p50} / ${s.p99} / ${s.max} ms` : 'none sent');

export function figures(run: LoadRun, target: LoadTarget, checks: Check[], loadBefore: string): LoadFigures {
  const secs = run.cannon.duration || run.options.durationSec;
  const answered = Object.entries(run.statuses).filter(([k]) => /^(push|pull) [1-9]/.test(k)).reduce((a, [, n]) => a + n, 0);
  const pushAnswered = Object.entries(run.statuses).filter(([k]) => /^push [1-9]/.test(k)).reduce((a, [, n]) => a + n, 0);
  const lat = (xs: number[]) => (xs.length === 0 ? null : { p50: r1(percentile(xs, 50)), p99: r1(percentile(xs, 99)), max: r1(Math.max(...xs)) });
  const t = run.tally;
  return {
    database: target.database,
    service: target.where,
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`,
    loadBefore,
    loadAfter: loadAverage(),
    connections: run.options.connections,
    durationSec: r1(secs),
    pullsPerPush: run.options.pullsPerPush ?? 3,
    answered,
    reqPerSec: r1(answered / secs),
    pushesPerSec: r1(pushAnswered / secs),
    rowsSentPerSec: r1(run.rowsSent / secs),
    rowsAcceptedPerSec: r1(t.acceptedRows / secs),
    latencyMs: {
      all: { p50: r1(percentile([...run.latencyMs.push, ...run.latencyMs.pull], 50)), p99: r1(percentile([...run.latencyMs.push, ...run.latencyMs.pull], 99)) },
      push: lat(run.latencyMs.push),
      pull: lat(run.latencyMs.pull),
    },
    receivedMBps: r1(run.cannon.throughput.average / 1e6),
    statuses: run.statuses,
    serverErrors: serverErrors(run),
    autocannon: { errors: run.cannon.errors, timeouts: run.cannon.timeouts, non2xx: run.cannon.non2xx, p50: run.cannon.latency.p50, p99: run.cannon.latency.p99 },
    rows: { accepted: t.acceptedRows, unchanged: t.unchangedRows, rejected: t.rejectedRows, expectedConflicts: t.expectedConflicts, unexpectedConflicts: t.unexpectedConflicts },
    pushesSent: run.pushesSent,
    replayed: run.replayed,
    lostMidRun: run.lostMidRun,
    checks,
    errorLog: target.errorLog().slice(0, 20),
  };
}

export function printFigures(f: LoadFigures): void {
  const rows: [string, string][] = [
    ['database / service', `${f.database}, ${f.service}`],
    ['machine', `node ${f.node}, ${f.cpus}`],
    ['load average before → after', `${f.loadBefore} → ${f.loadAfter}`],
    ['raters (connections) × duration', `${f.connections} × ${f.durationSec} s, 1 push : ${f.pullsPerPush} pulls`],
    ['answered requests', `${f.answered} (${f.reqPerSec} req/s)`],
    ['pushes', `${f.pushesSent} sent, ${f.pushesPerSec} answered/s, ${f.replayed} replayed after a lost answer (${f.lostMidRun} lost mid-run)`],
    ['rows/s', `${f.rowsSentPerSec} pushed, ${f.rowsAcceptedPerSec} accepted`],
    ['latency p50 / p99 (all)', `${f.latencyMs.all.p50} / ${f.latencyMs.all.p99} ms`],
    ['latency p50 / p99 / max (push)', spread(f.latencyMs.push)],
    ['latency p50 / p99 / max (pull)', spread(f.latencyMs.pull)],
    ['received', `${f.receivedMBps} MB/s of answers`],
    ['autocannon (2xx only) p50 / p99', `${f.autocannon.p50} / ${f.autocannon.p99} ms; errors ${f.autocannon.errors}, timeouts ${f.autocannon.timeouts}, non-2xx ${f.autocannon.non2xx}`],
    ['statuses', Object.entries(f.statuses).sort().map(([k, n]) => `${k}: ${n}`).join(', ')],
    ['rows in answers', `accepted ${f.rows.accepted}, unchanged ${f.rows.unchanged}, rejected ${f.rows.rejected}, conflicts ${f.rows.expectedConflicts} deliberate + ${f.rows.unexpectedConflicts} other`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`\n${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\n\ninvariants:\n`);
  for (const c of f.checks) process.stdout.write(`  ${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}${c.ok ? '' : `\n        ${c.detail}`}\n`);
  if (f.errorLog.length > 0) process.stdout.write(`service error log (first ${f.errorLog.length}):\n${f.errorLog.map((l) => `  ${l}`).join('\n')}\n`);
}
