import { randomUUID } from 'node:crypto';
import { createClient } from '../../addin/api/client.ts';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/log.ts';
import { PUSH_CHUNK } from '../../addin/actions/sync-sheet.ts';
import { personMonthView } from '../../server/months/month-view.ts';
import { bootstrapOrganisation } from '../../server/admin/bootstrap.ts';
import { startChildService, type ChildService } from '../support/child-service.ts';
import { changedRows, makeRows, PERIOD, type BenchRow } from './data.ts';
import type { BenchDatabase } from './databases.ts';
import { cpuMeter, serverCpuClock, type CpuReading } from './cpu.ts';
import { medians, time, type Plan } from './measure.ts';
import { peakMemory, type MemoryPeak } from './memory.ts';
import { traceStatements } from './trace.ts';

/**
 * The service as the add-in meets it: requests through the in-process app (`app.request`: routing, auth,
 * body parsing, zod, the transaction, the month's recomputation and the JSON answer, read to the end).
 */
export interface BenchService {
  /** A new organisation with its own admin key: every push of new rows starts from an empty roster. */
  organisation(label: string): Promise<{ orgId: number; token: string }>;
  request(method: string, path: string, token: string, body?: string, extra?: Record<string, string>): Promise<{ status: number; text: string }>;
}

export function benchService(bench: BenchDatabase, db = bench.db): BenchService {
  const app = createApp({ db, logger: createLogger('info', () => {}), publicUrl: 'https://localhost:3000' });
  let count = 0;
  return {
    organisation: async (label) => {
      const token = `bench-${randomUUID()}`;
      const { organisation } = await bootstrapOrganisation(db, { slug: `bench-${label}-${++count}-${randomUUID().slice(0, 8)}`, name: 'Trường thử' }, token);
      return { orgId: organisation.id, token };
    },
    request: async (method, path, token, body, extra = {}) => {
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...extra };
      if (body !== undefined) {
        headers['content-type'] = 'application/json';
        headers['idempotency-key'] = randomUUID();
      }
      const res = await app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
      return { status: res.status, text: await res.text() };
    },
  };
}

const MONTH = `/api/v1/months/${PERIOD}/people`;
/** The month after: the same people, already known, in a month not pushed yet (the monthly sync of a sheet). */
const NEXT_MONTH = `/api/v1/months/${nextPeriod(PERIOD)}/people`;

/** The month after that, pushed over HTTP (push-http). */
const HTTP_PERIOD = nextPeriod(nextPeriod(PERIOD));

/** And the one after, the monthly sync asking `Prefer: return=minimal` (push-next-month-minimal). */
const MINIMAL_MONTH = `/api/v1/months/${nextPeriod(HTTP_PERIOD)}/people`;

/**
 * And the one after, sent as the add-in's Đồng bộ sends it (addin/actions/sync-sheet.ts): pieces of PUSH_CHUNK
 * rows, each its own request and transaction, all but the last answered `Prefer: return=minimal`, the last with
 * the computed month the sheet is written from (push-next-month-as-synced).
 */
const SYNCED_MONTH = `/api/v1/months/${nextPeriod(nextPeriod(HTTP_PERIOD))}/people`;

function nextPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

interface PushAnswer {
  counts: Record<string, number>;
  results: { version: number | null }[];
  rows: unknown[];
}

/** Checks an answer outside the timing: a benchmark of failing requests would be worthless. */
function accepted(label: string, res: { status: number; text: string }, expected: number): PushAnswer {
  if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
  const answer = JSON.parse(res.text) as PushAnswer;
  if (answer.counts.accepted !== expected || answer.rows.length !== expected) {
    throw new Error(`${label}: ${JSON.stringify(answer.counts)}, ${answer.rows.length} month rows; expected ${expected} accepted`);
  }
  return answer;
}

function pushBody(rows: readonly BenchRow[]): string {
  return JSON.stringify({ rows });
}

type Meter = () => CpuReading;

/** Wall and CPU time of one call (CPU: this process's, and a local PostgreSQL server's when readable). */
async function timeCpu<T>(cpu: Meter, fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; dbCpuMs: number; value: T }> {
  const before = cpu();
  const { ms, value } = await time(fn);
  const after = cpu();
  const db = after.db - before.db;
  return { ms, cpuMs: after.node - before.node + db, dbCpuMs: db, value };
}

/** One push of new rows into a fresh organisation. */
async function pushNew(service: BenchService, cpu: Meter, rows: readonly BenchRow[], body: string) {
  const { orgId, token } = await service.organisation('push');
  const res = await timeCpu(cpu, () => service.request('POST', MONTH, token, body));
  return { orgId, token, ms: res.ms, cpuMs: res.cpuMs, dbCpuMs: res.dbCpuMs, bytes: res.value.text.length, answer: accepted('push', res.value, rows.length) };
}

export interface ServiceOptions {
  /** Sample memory during the first measured push. */
  memory: boolean;
  /** Print each push's statements (`--trace`), and the plans of its bulk statements (`--explain`). */
  trace: boolean;
  explain: boolean;
}

export interface ServiceFigures {
  timings: Record<string, number> & { runs: number };
  memory: (MemoryPeak & { ms: number }) | null;
}

/**
 * push, push-update, push-next-month, pull, recompute: medians over fresh organisations, one per run. On
 * PostgreSQL also push-http: the monthly push of known people as the add-in sends it (its client, gzip both
 * ways) to the service in its own process, so the in-process figures can be read against the deployed path.
 */
export async function serviceCases(bench: BenchDatabase, rows: readonly BenchRow[], plan: Plan, options: ServiceOptions): Promise<ServiceFigures> {
  // The service as deployed, in its own process over the bench's database (PGlite lives in this process).
  const http = bench.url ? await startChildService({ DATABASE_URL: bench.url, LOG_LEVEL: 'error' }) : null;
  try {
    if (http) await warmUp(benchService(bench), http);
    return await measureService(bench, rows, plan, options, http);
  } finally {
    await http?.stop();
  }
}

/** A new process's first pushes run unoptimised code: a few small ones first, as a running service has had. */
async function warmUp(service: BenchService, http: ChildService): Promise<void> {
  const { token } = await service.organisation('warm-up');
  const client = createClient({ baseUrl: http.url, token, attempts: 1 });
  const rows = makeRows(1_000);
  for (let month = 1; month <= 6; month++) await client.push('person', `2020-${String(month).padStart(2, '0')}`, rows);
}

async function measureService(
  bench: BenchDatabase,
  rows: readonly BenchRow[],
  plan: Plan,
  options: ServiceOptions,
  http: ChildService | null,
): Promise<ServiceFigures> {
  const tracer = options.trace || options.explain ? traceStatements(bench.db, options.explain) : null;
  const service = benchService(bench, tracer?.db);
  const body = pushBody(rows); // the client's serialisation is not the service's work
  const pieces: string[] = [];
  for (let start = 0; start < rows.length; start += PUSH_CHUNK) pieces.push(pushBody(rows.slice(start, start + PUSH_CHUNK)));
  const cpu = cpuMeter(await serverCpuClock(bench.db));
  let memory: ServiceFigures['memory'] = null;
  const report = (title: string, ms: number) => {
    if (tracer) for (const line of tracer.lines(`${bench.kind} ${rows.length} ${title}`, ms)) process.stderr.write(`${line}\n`);
    tracer?.reset();
  };
  const timings = await medians(plan, rows.length, async (_, measured) => {
    tracer?.reset();
    let first: Awaited<ReturnType<typeof pushNew>>;
    if (options.memory && measured === 0) {
      const sampled = await peakMemory(() => pushNew(service, cpu, rows, body));
      first = sampled.value;
      memory = { ...sampled.memory, ms: first.ms };
    } else {
      first = await pushNew(service, cpu, rows, body);
    }
    report('push', first.ms);
    const versions = first.answer.results.map((r) => r.version);
    const update = pushBody(changedRows(rows, versions));
    const second = await timeCpu(cpu, () => service.request('POST', MONTH, first.token, update));
    accepted('push-update', second.value, rows.length);
    report('push-update', second.ms);
    const next = await timeCpu(cpu, () => service.request('POST', NEXT_MONTH, first.token, body));
    accepted('push-next-month', next.value, rows.length);
    report('push-next-month', next.ms);
    const overHttp = http
      ? await time(() => createClient({ baseUrl: http.url, token: first.token, attempts: 1 }).push('person', HTTP_PERIOD, rows as unknown[]))
      : null;
    if (overHttp && (overHttp.value.counts.accepted !== rows.length || overHttp.value.rows.length !== rows.length)) {
      throw new Error(`push-http: ${JSON.stringify(overHttp.value.counts)}`);
    }
    // The same sync answered with the row results and the month's state only: the write without the month's answer.
    const minimal = await timeCpu(cpu, () => service.request('POST', MINIMAL_MONTH, first.token, body, { prefer: 'return=minimal' }));
    if (minimal.value.status !== 200 || (JSON.parse(minimal.value.text) as PushAnswer).counts.accepted !== rows.length) {
      throw new Error(`push-next-month-minimal: HTTP ${minimal.value.status} ${minimal.value.text.slice(0, 300)}`);
    }
    report('push-next-month-minimal', minimal.ms);
    const synced = await timeCpu(cpu, () => syncInPieces(service, first.token, pieces));
    syncedRows(synced.value, rows.length);
    report('push-next-month-as-synced', synced.ms);
    const pull = await timeCpu(cpu, () => service.request('GET', MONTH, first.token));
    if (pull.value.status !== 200) throw new Error(`pull: HTTP ${pull.value.status}`);
    const recompute = await timeCpu(cpu, () => personMonthView(bench.db, first.orgId, PERIOD));
    if (recompute.value.rows.length !== rows.length) throw new Error(`recompute: ${recompute.value.rows.length} rows`);
    tracer?.reset();
    return {
      push: first.ms,
      'push-update': second.ms,
      'push-next-month': next.ms,
      'push-next-month-minimal': minimal.ms,
      pull: pull.ms,
      recompute: recompute.ms,
      'push-next-month-as-synced': synced.ms,
      'push-next-month-as-synced cpu': synced.cpuMs,
      'push-next-month-as-synced db cpu': synced.dbCpuMs,
      'push-next-month-as-synced requests': pieces.length,
      'push-next-month-minimal cpu': minimal.cpuMs,
      'push-next-month-minimal db cpu': minimal.dbCpuMs,
      'push cpu': first.cpuMs,
      'push-update cpu': second.cpuMs,
      'push-next-month cpu': next.cpuMs,
      'pull cpu': pull.cpuMs,
      'recompute cpu': recompute.cpuMs,
      'push db cpu': first.dbCpuMs,
      'push-update db cpu': second.dbCpuMs,
      'push-next-month db cpu': next.dbCpuMs,
      'pull db cpu': pull.dbCpuMs,
      'recompute db cpu': recompute.dbCpuMs,
      'push bytes': first.bytes,
      'pull bytes': pull.value.text.length,
      ...(overHttp ? { 'push-http': overHttp.ms } : {}),
    };
  });
  return { timings, memory };
}

/**
 * The add-in's sync of a whole sheet: its pieces one after another, the last answered with the computed month.
 * The answers are read to the end inside the timing and parsed after it, as for the other cases.
 */
async function syncInPieces(service: BenchService, token: string, pieces: readonly string[]): Promise<{ status: number; text: string }[]> {
  const answers: { status: number; text: string }[] = [];
  for (const [i, piece] of pieces.entries()) {
    const last = i === pieces.length - 1;
    const res = await service.request('POST', SYNCED_MONTH, token, piece, last ? {} : { prefer: 'return=minimal' });
    answers.push(res);
    if (res.status !== 200) break;
  }
  return answers;
}

function syncedRows(answers: readonly { status: number; text: string }[], rows: number): void {
  let accepted = 0;
  for (const [i, res] of answers.entries()) {
    if (res.status !== 200) throw new Error(`push-next-month-as-synced piece ${i + 1}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
    accepted += (JSON.parse(res.text) as PushAnswer).counts.accepted ?? 0;
  }
  const monthRows = (JSON.parse(answers[answers.length - 1]!.text) as PushAnswer).rows.length;
  if (accepted !== rows || monthRows !== rows) {
    throw new Error(`push-next-month-as-synced: ${accepted} accepted, ${monthRows} month rows; expected ${rows}`);
  }
}
