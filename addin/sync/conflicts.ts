import type { RowResult } from '../../server/contract/push.ts';
import { ComputedIndex, type ComputedRow } from '../sheet/computed-rows.ts';
import type { ChangedRow, SheetTable } from '../sheet/index.ts';
import { conflictDifferences, openConflictStatus, takenStatus } from '../sheet/sync-status.ts';
import type { RowConflict, SheetMemory } from './sheet-memory.ts';

/**
 * A conflict the user can clear (DESIGN.md: a conflict never overwrites silently; it must not trap either).
 * A push that meets a newer stored version records it per row. Làm mới then takes that stored version as the
 * row's base while the row stays changed, so the next sync sends the user's values over the version they
 * saw; "Giữ giá trị của tôi" does the same for one row at once. A row changed again by a third person in
 * between conflicts again, with the newest values named.
 */

/** A hash no row has: the row is sent again by the next sync. */
const RESEND = '';

/** The conflicts after a push's answer: new ones recorded, rows now stored forgotten. */
export function recordConflicts(
  memory: SheetMemory,
  table: SheetTable,
  sent: readonly ChangedRow[],
  results: readonly RowResult[],
): Record<string, RowConflict> {
  const conflicts = { ...memory.conflicts };
  const byRef = new Map(sent.map((c) => [String(c.ref), c]));
  const rowsBySheetRow = new Map(table.rows.map((r) => [r.row, r]));
  for (const result of results) {
    const change = result.ref === null ? undefined : byRef.get(String(result.ref));
    if (!change) continue;
    if (result.status === 'conflict' && result.version !== null) {
      const row = rowsBySheetRow.get(change.row);
      const differences = row ? conflictDifferences(table.header, row, result) : '';
      conflicts[change.key] = { version: result.version, differences, taken: false };
    } else if (result.status === 'accepted' || result.status === 'unchanged') {
      delete conflicts[change.key];
    }
  }
  return conflicts;
}

/**
 * Làm mới: every conflicting row of the sheet takes the stored version the pull brought as its base, and
 * stays changed. Returns the new memory and each such row's status.
 */
export function takeStoredVersions(
  memory: SheetMemory,
  table: SheetTable,
  computed: readonly ComputedRow[],
): { memory: SheetMemory; status: Map<string, string> } {
  const status = new Map<string, string>();
  if (Object.keys(memory.conflicts).length === 0) return { memory, status };
  const index = new ComputedIndex(table.kind, computed);
  const rows = { ...memory.rows };
  const conflicts = { ...memory.conflicts };
  for (const row of table.rows) {
    const conflict = row.key === null ? undefined : conflicts[row.key];
    if (!conflict || row.key === null) continue;
    const found = index.find(row.input, null);
    const version = (found ? index.version(found) : null) ?? conflict.version;
    rows[row.key] = { hash: RESEND, version };
    conflicts[row.key] = { ...conflict, version, taken: true };
    status.set(row.key, takenStatus(conflict.differences, version));
  }
  return { memory: { ...memory, rows, conflicts }, status };
}

/** "Giữ giá trị của tôi": the named rows take the stored version their conflict named, and are sent again. */
export function keepMine(memory: SheetMemory, keys: readonly string[]): SheetMemory {
  const rows = { ...memory.rows };
  const conflicts = { ...memory.conflicts };
  for (const key of keys) {
    const conflict = Object.hasOwn(conflicts, key) ? conflicts[key] : undefined;
    if (!conflict) continue;
    rows[key] = { hash: RESEND, version: conflict.version };
    conflicts[key] = { ...conflict, taken: true };
  }
  return { ...memory, rows, conflicts };
}

/** The status of each conflict still open, for a refresh that does not clear them (the confirm step's). */
export function openConflicts(memory: SheetMemory): Map<string, string> {
  const status = new Map<string, string>();
  for (const [key, c] of Object.entries(memory.conflicts)) {
    status.set(key, c.taken ? takenStatus(c.differences, c.version) : openConflictStatus(c.differences, c.version));
  }
  return status;
}
