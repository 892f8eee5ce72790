import type { RowResult } from '../contract/push.ts';
import type { VersionedTable, VersionedWriteOutcome } from '../db/versioned-upsert.ts';
import { outcomeStatus } from './idempotent-push.ts';

const CONFLICT_MESSAGE = 'Dữ liệu đã được người khác sửa sau lần đồng bộ trước của bạn';

/** The result of a row that reached the store: accepted, unchanged, or a conflict carrying the stored values. */
export function writtenRowResult(
  table: VersionedTable,
  row: { index: number; ref: RowResult['ref']; key: string; values: unknown[] },
  outcome: VersionedWriteOutcome,
  storedForClient: (stored: Record<string, unknown>) => Record<string, unknown>,
): RowResult {
  const status = outcomeStatus(table, row.values, outcome);
  const conflict = status === 'conflict';
  return {
    index: row.index,
    ref: row.ref,
    key: row.key,
    status,
    version: outcome.version,
    errors: conflict ? [{ field: '', message: CONFLICT_MESSAGE }] : [],
    stored: conflict && outcome.stored ? storedForClient(outcome.stored) : null,
  };
}

export const numberOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
