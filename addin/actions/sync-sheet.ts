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
  type SheetGrid,
  type SheetKind,
  type SheetTable,
  type WritePlan,
} from '../sheet/index.ts';
import { kindSpec, type ComputedRow, type PeriodAnswer, type PushReceipt } from '../sheet/kinds/index.ts';
import { NEED_PERIOD } from '../sheet/period-kinds.ts';
import { currentComputed, type Ownership, type TypedCell } from '../sheet/typed-cells.ts';
import { conflictDifferences } from '../sheet/sync-status.ts';
import type { WorkbookAdapter, WorkbookSession } from '../workbook/adapter.ts';
import { noCounts, type Progress, type SyncAction, type SyncOutcome } from './outcome.ts';
import { keepMine, openConflicts, recordConflicts, takeStoredVersions } from './conflicts.ts';
import { monthGlance } from './month-glance.ts';
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
  /** Write the computed value over cells someone typed (the user confirmed it). */
  overwriteTyped?: boolean;
  /** Only the confirm step's writing: a refresh that leaves conflicts as they are (they are not what was asked). */
  keepConflicts?: boolean;
}

/** Rows per request: the service takes 50,000; smaller pieces give the progress bar something to show. */
export const PUSH_CHUNK = 5_000;

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
  /** Rows held back by their own errors: never sent. */
  invalid: number;
  grid: SheetGrid;
}

async function prepare(session: WorkbookSession, deps: SyncDeps, options: SyncOptions): Promise<Prepared> {
  deps.progress?.({ phase: 'read', done: 0, total: 1 });
  const name = options.sheet ?? (await session.activeSheetName());
  const memory = readMemory(await session.loadState(memoryKey(name)), options.kind);
  if (options.mapping) memory.mapping = { ...memory.mapping, ...options.mapping };
  const grid = await session.readSheet(name);
  deps.progress?.({ phase: 'check', done: 0, total: 1 });
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
  const changes = changedRows(validation.valid, memory);
  deps.progress?.({ phase: 'check', done: 1, total: 1 });
  const invalid = table.rows.length - validation.valid.length;
  return { name, memory, table, period, issues, changes, rows: table.rows.length, invalid, grid };
}

/** Who may write a computed cell (`typed-cells.ts`); rows synced before fingerprints were kept are the add-in's. */
function ownershipOf(memory: SheetMemory): Ownership {
  const legacy = Object.keys(memory.written).length === 0;
  return { written: memory.written, syncedBefore: (key) => legacy && Object.hasOwn(memory.rows, key) };
}

const typedIssues = (typed: readonly TypedCell[]): SheetIssue[] =>
  typed.map((t) => ({ cell: t.cell, row: t.row, field: t.column, message: t.message, severity: 'warning' }));

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
    pending: 0,
    notSent: p.invalid,
    typed: [],
    glance: null,
    taken: 0,
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
    if (p.table.header.headerRows.length === 0) return outcome('check', p);
    // Connected, the computed values stored for the period say which typed cells differ; else they are named.
    const stored = deps.client && p.period && p.table.header.missing.length === 0
      ? await pullAnswer(deps.client, options.kind, p.period).catch(() => null)
      : null;
    const full = planWriteBack(p.table, stored?.rows ?? [], [], p.issues, p.memory.highlight, {
      current: currentComputed(p.grid, p.table),
      ownership: ownershipOf(p.memory),
      quotas: stored?.quotas ?? [],
    });
    const plan = onlyHighlights(full);
    await session.applyPlan(p.name, plan);
    await session.saveState(memoryKey(p.name), { ...p.memory, highlight: plan.highlight });
    const typed = [...full.typed, ...full.uncompared];
    return outcome('check', p, { issues: [...p.issues, ...typedIssues(typed)], typed: full.typed });
  });
}

/**
 * Đồng bộ: pushes the rows changed since the last sync, with the versions they were synced at, and writes
 * the computed columns of every row back. Offline, the rows stay pending in the workbook for the next sync.
 * Every kind of sheet goes the same way, to its own endpoint (its spec's `endpoint`).
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
    const results: RowResult[] = [];
    let month: PeriodAnswer<ComputedRow> | null = null;
    let memory: SheetMemory = { ...p.memory, period };
    const size = options.chunkRows ?? PUSH_CHUNK;
    if (send.length > 0) deps.progress?.({ phase: 'send', done: 0, total: send.length });
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
        if (start + size < send.length) answer = await client.push(options.kind, period, body, key, 'minimal');
        else {
          const full = await client.push(options.kind, period, body, key);
          month = kindSpec(options.kind).endpoint.answer(full) as PeriodAnswer<ComputedRow>;
          answer = full;
        }
        memory = { ...memory, ...nextSyncState(memory, chunk, answer.results), lastPush: null };
        memory.conflicts = recordConflicts(memory, p.table, chunk, answer.results);
        for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += answer.counts[k];
        results.push(...answer.results);
        deps.progress?.({ phase: 'send', done: Math.min(start + size, send.length), total: send.length });
      }
      month ??= await pullAnswer(client, options.kind, period);
    } catch (error) {
      if (!(error instanceof ApiError) || !error.retryable) throw error;
      await session.saveState(memoryKey(p.name), memory);
      return outcome(action, p, { offline: true, sent: 0, pending: send.length });
    }
    const unsynced = new Set(action === 'refresh' ? p.changes.map((c) => c.key) : []);
    let statusOf = new Map<string, string>();
    if (action === 'refresh' && options.keepConflicts) statusOf = openConflicts(memory);
    else if (action === 'refresh') ({ memory, status: statusOf } = takeStoredVersions(memory, p.table, month.rows));
    const plan = planWriteBack(p.table, month.rows, results, p.issues, p.memory.highlight, {
      unsynced,
      statusOf,
      current: currentComputed(p.grid, p.table),
      ownership: ownershipOf(p.memory),
      overwriteTyped: options.overwriteTyped === true,
      quotas: month.quotas ?? [],
    });
    deps.progress?.({ phase: 'write', done: 0, total: 1 });
    await session.applyPlan(p.name, plan);
    await offerDisciplineList(session, p.name, p.table);
    await session.saveState(memoryKey(p.name), { ...memory, highlight: plan.highlight, written: plan.written });
    deps.progress?.({ phase: 'write', done: 1, total: 1 });
    return outcome(action, p, {
      counts,
      sent: send.length,
      rowProblems: rowProblemsOf(p.table, send, results),
      issues: [...p.issues, ...typedIssues(plan.typed)],
      typed: plan.typed,
      glance: monthGlance(month.rows, month.quotas),
      taken: action === 'refresh' && !options.keepConflicts ? statusOf.size : 0,
    });
  });
}

/** A period's computed rows of a kind, as the sheet matches them. */
async function pullAnswer(client: BinhXetClient, kind: SheetKind, period: string): Promise<PeriodAnswer<ComputedRow>> {
  return kindSpec(kind).endpoint.answer(await client.pull(kind, period)) as PeriodAnswer<ComputedRow>;
}

/** The rows the service refused or found in conflict, named by their person and the sheet's own row key. */
function rowProblemsOf(table: SheetTable, sent: readonly ChangedRow[], results: readonly RowResult[]): SyncOutcome['rowProblems'] {
  const byRef = new Map(sent.map((c) => [String(c.ref), c]));
  const rowsBySheetRow = new Map(table.rows.map((r) => [r.row, r]));
  return results.flatMap((r) => {
    if (r.status !== 'rejected' && r.status !== 'conflict') return [];
    const change = r.ref === null ? undefined : byRef.get(String(r.ref));
    const row = change ? rowsBySheetRow.get(change.row) : undefined;
    const who = row ? String(row.input.name ?? row.input.unit ?? '').trim() || null : null;
    // A conflict says what differs; the ways out are the pane's button and the command line's own line.
    const differences = r.status === 'conflict' && row ? conflictDifferences(table.header, row, r) : '';
    const version = r.version === null ? '' : ` (phiên bản ${r.version})`;
    const message = differences !== '' ? `${differences}${version}` : r.errors.map((e) => e.message).join('; ');
    return [{ ref: r.ref, key: r.key, sheetKey: change?.key ?? null, who, status: r.status, message }];
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

/** "Giữ giá trị của tôi": the named conflicting rows go over the stored version their conflict showed, now. */
export async function keepMyValues(deps: SyncDeps, options: SyncOptions, keys: readonly string[]): Promise<SyncOutcome> {
  await deps.workbook.session(async (session) => {
    const name = options.sheet ?? (await session.activeSheetName());
    const memory = readMemory(await session.loadState(memoryKey(name)), options.kind);
    await session.saveState(memoryKey(name), keepMine(memory, keys));
  });
  return syncSheet(deps, options);
}
