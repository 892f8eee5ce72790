import type { RowResult } from '../../server/contract/push.ts';
import type { QuotaFacts } from '../../server/contract/results.ts';
import { ComputedIndex, type ComputedRow } from './computed-rows.ts';
import { appendedLooks } from './header-look.ts';
import { SHEET_KINDS, type ComputedSpec } from './sheet-kinds.ts';
import { conflictStatus, EDITED_SINCE_SYNC, errorStatus, NOT_SYNCED, syncedStatus } from './sync-status.ts';
import { keepTyped, rowPrint, type Ownership, type TypedCell } from './typed-cells.ts';
import type { CellRef, CellValue, SheetIssue, SheetRow, SheetTable, WriteBlock, WritePlan } from './types.ts';

export interface WriteBackOptions {
  /** Keys of rows edited since their last sync and not sent this time (a refresh): their status says so. */
  unsynced?: ReadonlySet<string>;
  /** A status that says more than "synced" for some rows (a conflict whose stored version was taken). */
  statusOf?: ReadonlyMap<string, string>;
  /**
   * The computed columns' cells as they are now (`typed-cells.ts`), with what the add-in wrote before: a
   * cell someone typed is kept unless `overwriteTyped`. Without it every computed cell is written.
   */
  current?: (index: number) => readonly CellValue[] | null;
  ownership?: Ownership;
  overwriteTyped?: boolean;
  /** The period's quota groups, to say why a typed level differs. */
  quotas?: readonly QuotaFacts[];
}

/** A write plan and what it leaves: the typed cells it kept, and the fingerprints of what it wrote by row key. */
export interface WriteBackPlan extends WritePlan {
  typed: TypedCell[];
  /** Typed cells kept with no computed value yet to compare them with (a row not stored yet). */
  uncompared: TypedCell[];
  written: Record<string, string>;
}

interface Target {
  col: number;
  /** Index into the kind's computed values of a row. */
  value: number;
  appended: boolean;
}

function targets(table: SheetTable, computed: readonly ComputedSpec[]): Target[] {
  let next = table.lastColumn + 1;
  return computed.map(({ column }, value) => {
    const existing = table.header.computed[column];
    return existing === undefined ? { col: next++, value, appended: true } : { col: existing, value, appended: false };
  }).sort((a, b) => a.col - b.col);
}

function runs<T>(items: readonly T[], position: (item: T) => number): T[][] {
  const out: T[][] = [];
  for (const item of items) {
    const run = out[out.length - 1];
    if (run && position(run[run.length - 1]!) + 1 === position(item)) run.push(item);
    else out.push([item]);
  }
  return out;
}

/** Runs of table rows on adjacent sheet rows, as index ranges into the table's rows (20,000 rows, few runs). */
export function rowRanges(rows: readonly SheetRow[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < rows.length; i++) {
    const last = out[out.length - 1];
    if (last && rows[last.end - 1]!.row + 1 === rows[i]!.row) last.end = i + 1;
    else out.push({ start: i, end: i + 1 });
  }
  return out;
}

/** Excel's last row is 1,048,576: any row number fits an array. */
const MAX_REF = 1_048_577;
const isRowNumber = (n: number) => Number.isInteger(n) && n >= 0 && n <= MAX_REF;

/** The last answer naming each Excel row (`ref`): an array by row number, a Map for any other ref. */
export function resultsByRef(rowResults: readonly RowResult[]): (ref: number) => RowResult | undefined {
  const byRow: (RowResult | undefined)[] = [];
  const other = new Map<number, RowResult>();
  for (let i = 0; i < rowResults.length; i++) {
    const r = rowResults[i]!;
    if (r.ref === null) continue;
    const ref = Number(r.ref);
    if (isRowNumber(ref)) byRow[ref] = r;
    else other.set(ref, r);
  }
  return (ref) => (isRowNumber(ref) ? byRow[ref] : other.get(ref));
}

function errorsByRow(issues: readonly SheetIssue[]): Map<number, SheetIssue[]> {
  const map = new Map<number, SheetIssue[]>();
  for (const issue of issues) {
    if (issue.severity !== 'error' || issue.row === null) continue;
    const list = map.get(issue.row);
    if (list) list.push(issue);
    else map.set(issue.row, [issue]);
  }
  return map;
}

/**
 * What a sync writes back: for every table row, the kind's computed columns (on a month: Xếp loại, the two
 * ranks, Giải thích and Trạng thái đồng bộ), matched by the row's id (staff code, unit, Mã HV…) or name,
 * never by position (`computed-rows.ts`). As few blocks as the layout allows: one per run of adjacent rows
 * and of adjacent columns. Only those columns, and their headers when they are new, are written; what people
 * typed and unknown columns never are. Bad cells are highlighted, and cells highlighted before that are now
 * fine are cleared.
 */
export function planWriteBack(
  table: SheetTable,
  computed: readonly ComputedRow[],
  rowResults: readonly RowResult[],
  issues: readonly SheetIssue[],
  previousHighlight: readonly CellRef[] = [],
  options: WriteBackOptions = {},
): WriteBackPlan {
  const { header } = table;
  const highlight = new Map<string, CellRef>();
  const mark = (ref: CellRef) => highlight.set(`${ref.row}:${ref.col}`, ref);
  const plan: WriteBackPlan = { blocks: [], highlight: [], clearHighlight: [], typed: [], uncompared: [], written: {} };
  const localErrors = errorsByRow(issues);

  if (header.headerRows.length > 0) {
    const columns = SHEET_KINDS[table.kind].computed;
    const index = new ComputedIndex(table.kind, computed);
    const resultOf = resultsByRef(rowResults);
    // Most rows share a handful of versions: one status text per version, not one per row.
    const synced = new Map<number, string>();
    const syncedText = (version: number) => {
      let text = synced.get(version);
      if (text === undefined) synced.set(version, (text = syncedStatus(version)));
      return text;
    };

    const rowValues: CellValue[][] = [];
    const kept = new Set<number>();
    const quotas = new Map((options.quotas ?? []).map((q) => [q.group, q]));
    const { rows } = table;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const result = resultOf(row.input.ref);
      const found = index.find(row.input, result?.key);
      const version = found ? index.version(found) : null;
      const override = !result && row.key !== null ? options.statusOf?.get(row.key) : undefined;
      const status = override ?? statusOf(table, row, result, version, localErrors.get(row.row), options.unsynced, syncedText);
      const values = found ? index.values(found) : null;
      const line: CellValue[] = new Array<CellValue>(columns.length);
      for (let k = 0; k < columns.length; k++) {
        const column = columns[k]!.column;
        line[k] = column === 'syncStatus' ? status : (values?.[column] ?? '');
      }
      rowValues.push(line);
      const now = options.current?.(i);
      if (now && options.ownership) {
        keepTyped(table, { i, row, line, now, found, quotas, ownership: options.ownership }, kept, plan, options.overwriteTyped === true);
      }
      if (row.key !== null) plan.written[row.key] = rowPrint(table.kind, line);
      if (result?.status === 'rejected') {
        for (const e of result.errors) {
          const col = header.fields[e.field as keyof typeof header.fields];
          if (col !== undefined) mark({ row: row.row, col });
        }
      }
    }
    plan.blocks = blocks(table, columns, targets(table, columns), rowValues, (i, k) => kept.has(i * columns.length + k));
    plan.looks = appendedLooks(table, plan);
  }

  for (const list of localErrors.values()) for (const issue of list) for (const ref of issue.refs ?? []) mark(ref);
  plan.highlight = [...highlight.values()];
  plan.clearHighlight = previousHighlight.filter((ref) => !highlight.has(`${ref.row}:${ref.col}`));
  return plan;
}

function statusOf(
  table: SheetTable,
  row: SheetRow,
  result: RowResult | undefined,
  /** The version of the row's answer, if it has one. */
  found: number | null,
  errors: readonly SheetIssue[] | undefined,
  unsynced: ReadonlySet<string> | undefined,
  synced: (version: number) => string,
): string {
  if (errors && errors.length > 0) return errorStatus(errors.map((e) => e.message));
  if (result) {
    if (result.status === 'conflict') return conflictStatus(table.header, row, result);
    if (result.status === 'rejected') return errorStatus(result.errors.map((e) => e.message));
    const version = result.version ?? found;
    return version === null ? NOT_SYNCED : synced(version);
  }
  if (row.key !== null && unsynced?.has(row.key)) return EDITED_SINCE_SYNC;
  return found === null ? NOT_SYNCED : synced(found);
}

function blocks(
  table: SheetTable,
  computed: readonly ComputedSpec[],
  cols: readonly Target[],
  rowValues: readonly CellValue[][],
  /** A cell that must not be written (row index, index into the kind's computed columns). */
  keep: (i: number, k: number) => boolean,
): WriteBlock[] {
  const headerOf = (t: Target) => computed[t.value]!.header;
  const { headerRows } = table.header;
  const top = headerRows[0]!;
  const lastHeader = headerRows[headerRows.length - 1]!;
  const rowRuns = rowRanges(table.rows);
  const out: WriteBlock[] = [];
  for (const colRun of runs(cols, (t) => t.col)) {
    const allNew = colRun.every((t) => t.appended);
    // The usual case, the kind's columns side by side in their own order: a row's values are the block's row.
    const whole = colRun.length === computed.length && colRun.every((t, k) => t.value === k);
    const headerValues = (r: number) => colRun.map((t) => (r === top ? headerOf(t) : ''));
    const joinHeader = allNew && rowRuns[0] !== undefined && table.rows[rowRuns[0].start]!.row === lastHeader + 1;
    if (allNew && !joinHeader) out.push({ row: top, col: colRun[0]!.col, values: [headerValues(top)] });
    else if (!allNew) {
      for (const newRun of runs(colRun.filter((t) => t.appended), (t) => t.col)) {
        out.push({ row: top, col: newRun[0]!.col, values: [newRun.map(headerOf)] });
      }
    }
    const keepsIn = (i: number) => colRun.some((t) => keep(i, t.value));
    rowRuns.forEach(({ start, end }, k) => {
      const withHeader = k === 0 && joinHeader;
      let values: CellValue[][] = [];
      let first = start;
      if (withHeader) for (let r = top; r <= lastHeader; r++) values.push(headerValues(r));
      const flush = (next: number) => {
        if (values.length > 0) out.push({ row: withHeader && first === start ? top : table.rows[first]!.row, col: colRun[0]!.col, values });
        values = [];
        first = next;
      };
      for (let i = start; i < end; i++) {
        const v = rowValues[i]!;
        if (keepsIn(i)) {
          // Rare (cells someone typed): the row is written around them, in runs of the cells it may write.
          flush(i + 1);
          const writable = colRun.filter((t) => !keep(i, t.value));
          for (const piece of runs(writable, (t) => t.col)) {
            out.push({ row: table.rows[i]!.row, col: piece[0]!.col, values: [piece.map((t) => v[t.value]!)] });
          }
          continue;
        }
        values.push(whole ? v : colRun.map((t) => v[t.value]!));
      }
      flush(end);
    });
  }
  return out;
}
