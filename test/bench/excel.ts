import { randomUUID } from 'node:crypto';
import { createClient } from '../../addin/api/client.ts';
import { syncSheet } from '../../addin/actions/sync-sheet.ts';
import { officeWorkbook } from '../../addin/workbook/office/index.ts';
import { createApp } from '../../server/app.ts';
import { createLogger } from '../../server/log.ts';
import { bootstrapOrganisation } from '../../server/admin/bootstrap.ts';
import { FakeWorkbook } from '../addin/workbook/fake-excel.ts';
import { makeGrid, makeRows } from './data.ts';
import type { BenchDatabase } from './databases.ts';
import { median, progress, round, type Figure } from './measure.ts';

/**
 * Excel round trips: one "Đồng bộ" of the familiar month sheet through the real sync flow (addin/actions/sync-sheet.ts)
 * and the real Office adapter (addin/workbook/office/), on the counting fake Excel of the add-in's tests
 * (test/addin/workbook/fake-excel.ts, office-addin-mock underneath) and the real API client answered by the app
 * in-process. Per sync: Excel round trips (context.sync calls), the largest request and response in bytes, the
 * service's answers (largest and total bytes), the wall time and the part of it spent in the service. Two syncs per size: the first (every row new) and a
 * second after 1% of the scores changed (only those rows are sent). The fake Excel's own time is not real
 * Excel's: the round trips and bytes are the figures to trust, the milliseconds only say where time goes here.
 */

export const EXCEL_SIZES = { full: [10, 5_000, 50_000], tiny: [10, 200] } as const;
const RUNS = (n: number, tiny: boolean) => (tiny || n >= 50_000 ? 1 : 3);

interface SyncFigure {
  ms: number;
  serviceMs: number;
  roundTrips: number;
  runs: number;
  requests: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalRequestBytes: number;
  totalResponseBytes: number;
  failedSyncs: number;
  sent: number;
  maxHttpResponseBytes: number;
  totalHttpResponseBytes: number;
}

/** Changes 1% of the scores in the workbook, as a rater would by hand (the "Điểm đánh giá" column, H). */
function editScores(book: FakeWorkbook, sheet: string, rows: number): number {
  const step = 100;
  let edited = 0;
  for (let i = 0; i < rows; i += step) {
    const address = `H${6 + i}`;
    const score = Number(book.value(sheet, address));
    book.put(sheet, address, [[score >= 99.5 ? score - 0.5 : score + 0.5]]);
    edited++;
  }
  return edited;
}

export async function excelCases(bench: BenchDatabase, sizes: readonly number[], tiny: boolean): Promise<Figure[]> {
  const db = bench.db;
  const app = createApp({ db, logger: createLogger('info', () => {}), publicUrl: 'https://localhost:3000' });
  const figures: Figure[] = [];
  for (const n of sizes) {
    const first: SyncFigure[] = [];
    const second: SyncFigure[] = [];
    for (let run = 0; run < RUNS(n, tiny); run++) {
      progress(`excel ${n} rows: sync ${run + 1}`);
      const token = `bench-${randomUUID()}`;
      await bootstrapOrganisation(db, { slug: `bench-excel-${n}-${randomUUID().slice(0, 8)}`, name: 'Trường thử' }, token);
      let serviceMs = 0;
      let requests = 0;
      let httpBytes: number[] = [];
      const client = createClient({
        baseUrl: 'http://binhxet.bench',
        token,
        attempts: 1,
        fetch: (async (url: string | URL | Request, init?: RequestInit) => {
          const started = performance.now();
          requests++;
          const res = await app.request(String(url).replace('http://binhxet.bench', ''), init);
          // The body read too: the client reads it right away, and the service's JSON is part of its work.
          const body = await res.arrayBuffer();
          serviceMs += performance.now() - started;
          httpBytes.push(body.byteLength);
          return new Response(body, { status: res.status, headers: res.headers });
        }) as typeof fetch,
      });
      const grid = makeGrid(makeRows(n, 11));
      const book = new FakeWorkbook({ [grid.name]: grid.values });
      const workbook = officeWorkbook(book.host());
      const sync = async (expectSent: number): Promise<SyncFigure> => {
        book.syncs = [];
        book.runs = 0;
        serviceMs = 0;
        requests = 0;
        httpBytes = [];
        const started = performance.now();
        const outcome = await syncSheet({ workbook, client }, { kind: 'person', sheet: grid.name });
        const ms = performance.now() - started;
        if (outcome.sent !== expectSent || outcome.counts.accepted !== expectSent || outcome.offline || outcome.rows !== n) {
          throw new Error(`excel ${n} rows: sent ${outcome.sent}, ${JSON.stringify(outcome.counts)}, ${outcome.rows} rows; expected ${expectSent}`);
        }
        if (book.runs !== 1) throw new Error(`excel ${n} rows: ${book.runs} Excel.run calls for one sync`);
        const ok = book.syncs.filter((s) => !s.failed);
        return {
          ms,
          serviceMs,
          roundTrips: book.syncs.length,
          runs: 1,
          requests,
          maxRequestBytes: Math.max(0, ...ok.map((s) => s.requestBytes)),
          maxResponseBytes: Math.max(0, ...ok.map((s) => s.responseBytes)),
          totalRequestBytes: book.syncs.reduce((sum, s) => sum + s.requestBytes, 0),
          totalResponseBytes: book.syncs.reduce((sum, s) => sum + s.responseBytes, 0),
          failedSyncs: book.syncs.length - ok.length,
          sent: expectSent,
          maxHttpResponseBytes: Math.max(0, ...httpBytes),
          totalHttpResponseBytes: httpBytes.reduce((sum, b) => sum + b, 0),
        };
      };
      first.push(await sync(n));
      const edited = editScores(book, grid.name, n);
      second.push(await sync(edited));
    }
    for (const [name, runs] of [['excel sync', first], ['excel resync 1%', second]] as const) {
      const med = (k: keyof SyncFigure) => median(runs.map((r) => r[k]));
      // Counts and bytes are the same every run (deterministic data); the times are medians.
      const last = runs[runs.length - 1]!;
      figures.push({
        name,
        rows: n,
        database: bench.kind,
        ms: round(med('ms')),
        serviceMs: round(med('serviceMs')),
        runs: runs.length,
        roundTrips: last.roundTrips,
        requests: last.requests,
        sent: last.sent,
        maxRequestBytes: last.maxRequestBytes,
        maxResponseBytes: last.maxResponseBytes,
        totalRequestBytes: last.totalRequestBytes,
        totalResponseBytes: last.totalResponseBytes,
        failedSyncs: last.failedSyncs,
        maxHttpResponseBytes: last.maxHttpResponseBytes,
        totalHttpResponseBytes: last.totalHttpResponseBytes,
      });
    }
  }
  return figures;
}
