import type { RowResult } from '../../server/contract/push.ts';
import { rowHash } from './row-hash.ts';
import type { SyncState } from './types.ts';
import type { ValidRow } from './validate-table.ts';

/** A row to push: its validated values, the Excel row as `ref`, and the version it was last synced with. */
export interface ChangedRow {
  key: string;
  hash: string;
  /** Sheet row, 0-based. */
  row: number;
  ref: number;
  /** Absent when the row was never synced. */
  baseVersion?: number;
  /** What to send (read-only: it may be the validated row itself). */
  payload: Readonly<Record<string, unknown>>;
}

/**
 * Rows that differ from what was last synced (by key, so sorting, filtering, inserted rows and moved columns
 * change nothing), plus rows left pending by a sync that could not finish.
 */
export function changedRows(validRows: readonly ValidRow[], state: SyncState): ChangedRow[] {
  const pending = new Set(state.pending);
  const changed: ChangedRow[] = [];
  // Indexed, not for-of: a heap profile of the engine bench found an iterator result allocated per row here.
  for (let i = 0; i < validRows.length; i++) {
    const row = validRows[i]!;
    const hash = rowHash(row.value, state.kind);
    const previous = Object.hasOwn(state.rows, row.key) ? state.rows[row.key] : undefined;
    if (previous && previous.hash === hash && !pending.has(row.key)) continue;
    // Never synced: the validated row goes as it is (shared, not copied: 20,000 rows add up).
    // Object.assign, not `{ ...value, baseVersion }`: V8 builds a spread followed by a new field slowly (3×).
    const payload: Record<string, unknown> = previous ? Object.assign({}, row.value, { baseVersion: previous.version }) : row.value;
    const entry: ChangedRow = { key: row.key, hash, row: row.row, ref: row.input.ref, payload };
    if (previous) entry.baseVersion = previous.version;
    changed.push(entry);
  }
  return changed;
}

/** Remembers sent rows as pending (before sending, or when the network dropped): they go with the next sync. */
export function markPending(state: SyncState, sent: readonly ChangedRow[]): SyncState {
  const pending = new Set(state.pending);
  for (const row of sent) pending.add(row.key);
  return { ...state, pending: [...pending] };
}

/**
 * The state after a push: accepted and unchanged rows take the service's version and their new hash;
 * rejected and conflicting rows keep their old entry, so they differ and are sent again; rows the answer
 * does not mention stay pending.
 */
export function nextSyncState(state: SyncState, sent: readonly ChangedRow[], results: readonly RowResult[]): SyncState {
  const byRef = new Map<string, RowResult>();
  for (const result of results) if (result.ref !== null) byRef.set(String(result.ref), result);
  // A Map, then own properties again: a staff code may legally read "__proto__".
  const rows = new Map(Object.entries(state.rows));
  const pending = new Set(state.pending);
  for (const row of sent) {
    const result = byRef.get(String(row.ref));
    if (!result) {
      pending.add(row.key);
      continue;
    }
    if ((result.status === 'accepted' || result.status === 'unchanged') && result.version !== null) {
      rows.set(row.key, { hash: row.hash, version: result.version });
      pending.delete(row.key);
    } else if (result.status === 'accepted' || result.status === 'unchanged') {
      pending.add(row.key);
    }
  }
  return { ...state, rows: Object.fromEntries(rows), pending: [...pending] };
}
