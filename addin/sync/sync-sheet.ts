import type { RowResult } from '../../server/contract/push.ts';
import { DISCIPLINES } from '../../server/contract/levels.ts';
import { ApiError, newIdempotencyKey, type BinhXetClient } from '../api/client.ts';
import {
  changedRows,
  hash53,
  markPending,
  matchRoster,
  nextSyncState,
  planWriteBack,
  readTable,
  SHEET_KINDS,
  validateTable,
  withRosterCodes,
  type ChangedRow,
  type SheetIssue,
  type SheetKind,
  type SheetTable,
  type WritePlan,
} from '../sheet/index.ts';
import type { WorkbookAdapter, WorkbookSession } from '../workbook/adapter.ts';
import { KIND_API, NEED_PERIOD, type PeriodAnswer, type PushReceipt } from './kind-api.ts';
import { noCounts, type Progress, type SyncAction, type SyncOutcome } from './outcome.ts';
import { memoryKey, readMemory, type SheetMemory } from './sheet-memory.ts';

export interface SyncDeps {
  workbook: WorkbookAdapter;
  client: BinhXetClient | null;
  progress?: Progress;
}

export interface SyncOptions {
  sheet?: string;
  kind: SheetKind;
  /** The period from the pane or the command line (a month, a year, a class), when the sheet does not say. */
  period?: string | null;
  /** Header text → field, chosen by the user; remembered in the workbook. */
  mapping?: Record<string, string>;
  /** Rows per request (default 5,000). */
  chunkRows?: number;
}

/** Rows per request: the service takes 50,000; smaller pieces give the progress bar something to show. */
const PUSH_CHUNK = 5_000;

const needPeriod = (kind: SheetKind): SheetIssue => ({
  cell: null,
  row: null,
  field: 'period',
  message: NEED_PERIOD[SHEET_KINDS[kind].period],
  severity: 'error',
});

interface Prepared {
  name: string;
  memory: SheetMemory;
  table: SheetTable;
  period: string | null;
  issues: SheetIssue[];
  changes: ChangedRow[];
  rows: number;
}

async function prepare(session: WorkbookSession, deps: SyncDeps, options: SyncOptions): Promise<Prepared> {
  const name = options.sheet ?? (await session.activeSheetName());
  const memory = readMemory(await session.loadState(memoryKey(name)), options.kind);
  if (options.mapping) memory.mapping = { ...memory.mapping, ...options.mapping };
  const grid = await session.readSheet(name);
  deps.progress?.({ phase: 'read', done: 1, total: 1 });
  const readOptions = { kind: options.kind, mapping: memory.mapping, periodHint: options.period ?? memory.period };
  let table = readTable(grid, readOptions);
  let roster: Awaited<ReturnType<BinhXetClient['roster']>> | null = null;
  const headed = SHEET_KINDS[options.kind].fields.includes('unit') && table.header.fields.name !== undefined;
  if (headed && table.header.fields.unit === undefined && deps.client) {
    // No unit column: units come from heading rows, which take the spelling of the unit the service knows by
    // that meaning ("II. K. LÝ LUẬN CƠ SỞ"); a heading naming a known unit is one even without numbering.
    roster = await deps.client.roster();
    table = readTable(grid, { ...readOptions, units: roster.units.map((u) => u.name) });
  }
  if (SHEET_KINDS[options.kind].rosterCodes && table.header.fields.code === undefined && deps.client && table.rows.length > 0) {
    // No staff-code column: names are matched within units to the roster; an unknown name goes without a code
    // (the service creates the person), an ambiguous one is held back with its reason, never guessed.
    roster ??= await deps.client.roster();
    const entries = roster.people.flatMap((p) => (p.unit ? [{ code: p.code, name: p.name, unit: p.unit }] : []));
    table = withRosterCodes(table, matchRoster(table.rows, entries, table.header));
  }
  const validation = validateTable(table);
  const issues = validation.issues;
  const period = table.period ?? options.period ?? null;
  if (!period) issues.push(needPeriod(options.kind));
  return { name, memory, table, period, issues, changes: changedRows(validation.valid, memory), rows: table.rows.length };
}

function outcome(action: SyncAction, p: Prepared, extra: Partial<SyncOutcome> = {}): SyncOutcome {
  return {
    action,
    sheet: p.name,
    period: p.period,
    rows: p.rows,
    sent: 0,
    counts: noCounts(),
    issues: p.issues,
    missing: p.table.header.missing,
    headers: p.table.header.columns.map((c) => c.text).filter((t) => t !== ''),
    rowProblems: [],
    offline: false,
    ...extra,
  };
}

function onlyHighlights(plan: WritePlan): WritePlan {
  return { blocks: [], highlight: plan.highlight, clearHighlight: plan.clearHighlight };
}

/** Kiểm tra: reads and validates, marks the bad cells and lists them; sends nothing. */
export function checkSheet(deps: SyncDeps, options: SyncOptions): Promise<SyncOutcome> {
  return deps.workbook.session(async (session) => {
    const p = await prepare(session, deps, options);
    if (p.table.header.headerRows.length > 0) {
      const plan = onlyHighlights(planWriteBack(p.table, [], [], p.issues, p.memory.highlight));
      await session.applyPlan(p.name, plan);
      await session.saveState(memoryKey(p.name), { ...p.memory, highlight: plan.highlight });
    }
    return outcome('check', p);
  });
}

/**
 * Đồng bộ: pushes the rows changed since the last sync, with the versions they were synced at, and writes
 * the computed columns of every row back. Offline, the rows stay pending in the workbook for the next sync.
 * Every kind of sheet goes the same way, to its own endpoints (`kind-api.ts`).
 */
export function syncSheet(deps: SyncDeps, options: SyncOptions, action: 'sync' | 'refresh' = 'sync'): Promise<SyncOutcome> {
  const client = deps.client;
  if (!client) throw new ApiError('unauthorised', 'Chưa kết nối máy chủ', 401);
  return deps.workbook.session(async (session) => {
    const p = await prepare(session, deps, options);
    if (p.table.header.missing.length > 0 || !p.period) return outcome(action, p);
    const period = p.period;
    const send = action === 'sync' ? p.changes : [];
    const counts = noCounts();
    const api = KIND_API[options.kind];
    const results: RowResult[] = [];
    let month: PeriodAnswer | null = null;
    let memory: SheetMemory = { ...p.memory, period };
    const size = options.chunkRows ?? PUSH_CHUNK;
    try {
      for (let start = 0; start < send.length; start += size) {
        const chunk = send.slice(start, start + size);
        const body = chunk.map((c) => ({ ...c.payload, ref: c.ref }));
        const hash = String(hash53(`${options.kind}|${period}|${JSON.stringify(body)}`));
        const key = memory.lastPush?.hash === hash ? memory.lastPush.key : newIdempotencyKey();
        memory = { ...memory, ...markPending(memory, chunk), lastPush: { key, hash } };
        // Only the last piece's answer carries the computed period the sheet is written from; the others are
        // answered minimally (Prefer: return=minimal), so the service does not compute the period once per piece.
        let answer: PushReceipt;
        if (start + size < send.length) answer = await api.pushMinimal(client, period, body, key);
        else answer = month = await api.push(client, period, body, key);
        memory = { ...memory, ...nextSyncState(memory, chunk, answer.results), lastPush: null };
        for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += answer.counts[k];
        results.push(...answer.results);
        deps.progress?.({ phase: 'send', done: Math.min(start + size, send.length), total: send.length });
      }
      month ??= await api.pull(client, period);
    } catch (error) {
      if (!(error instanceof ApiError) || !error.retryable) throw error;
      await session.saveState(memoryKey(p.name), memory);
      return outcome(action, p, { offline: true, sent: 0 });
    }
    const unsynced = new Set(action === 'refresh' ? p.changes.map((c) => c.key) : []);
    const plan = planWriteBack(p.table, month.rows, results, p.issues, p.memory.highlight, { unsynced });
    deps.progress?.({ phase: 'write', done: 0, total: 1 });
    await session.applyPlan(p.name, plan);
    await offerDisciplineList(session, p.name, p.table);
    await session.saveState(memoryKey(p.name), { ...memory, highlight: plan.highlight });
    deps.progress?.({ phase: 'write', done: 1, total: 1 });
    const rowProblems = results.flatMap((r) =>
      r.status === 'rejected' || r.status === 'conflict'
        ? [{ ref: r.ref, key: r.key, status: r.status, message: r.errors.map((e) => e.message).join('; ') }]
        : [],
    );
    return outcome(action, p, { counts, sent: send.length, rowProblems });
  });
}

/** Làm mới: pulls the period's computed columns without sending anything; edited rows are marked unsynced. */
export function refreshSheet(deps: SyncDeps, options: SyncOptions): Promise<SyncOutcome> {
  return syncSheet(deps, options, 'refresh');
}

/** The discipline column gets the six legal forms as a drop-down where Excel can keep one (ExcelApi 1.8). */
async function offerDisciplineList(session: WorkbookSession, sheet: string, table: SheetTable): Promise<void> {
  const col = table.header.fields.discipline;
  const last = table.rows.at(-1)?.row;
  if (!session.setChoices || col === undefined || last === undefined) return;
  const first = table.header.firstDataRow;
  await session.setChoices(sheet, [{ row: first, col, rows: last - first + 1, values: [...DISCIPLINES] }]);
}
