import type { RowResult } from '../contract/push.ts';
import type { FieldError } from '../contract/row-validation.ts';
import { isStorableText } from '../contract/text.ts';
import { holdsRecord, storedFields, type VersionedTable, type VersionedWriteOutcome } from '../db/versioned-upsert.ts';

/** A push's row results in the rows' order; null for a row still on its way to the store. */
export type RowResults = (RowResult | null)[];

export interface StoredAnswer {
  results: RowResult[];
  counts: Record<RowResult['status'], number>;
}

const CONFLICT_MESSAGE = 'Dữ liệu đã được người khác sửa sau lần đồng bộ trước của bạn';

export const refOf = (raw: Record<string, unknown>) => {
  const ref = raw.ref;
  return typeof ref === 'string' || typeof ref === 'number' ? ref : null;
};

/** A rejected row echoes the raw ref and key it was sent with, unless the answer could not be stored as JSON. */
export function rejected(index: number, ref: RowResult['ref'], key: string | null, errors: FieldError[]): RowResult {
  const echo = <T>(v: T) => (typeof v === 'string' && !isStorableText(v) ? null : v);
  return { index, ref: echo(ref), key: echo(key), status: 'rejected', version: null, errors, stored: null };
}

/** A row its contract refused: rejected with the contract's errors, echoing the sheet's ref and the staff code it carried. */
export function contractRejection(index: number, raw: Record<string, unknown>, errors: FieldError[]): RowResult {
  const code = typeof raw.code === 'string' && raw.code.trim() !== '' ? raw.code.trim() : null;
  return rejected(index, refOf(raw), code, errors);
}

/** The result of a row that reached the store: accepted, unchanged, or a conflict carrying the stored values. */
export function writtenRowResult<K, R>(
  table: VersionedTable<K, R>,
  row: { index: number; ref: RowResult['ref']; key: string; record: R },
  outcome: VersionedWriteOutcome,
): RowResult {
  const status = outcome.written ? 'accepted' : outcome.same || holdsRecord(table, outcome.stored ?? {}, row.record) ? 'unchanged' : 'conflict';
  const conflict = status === 'conflict';
  return {
    index: row.index,
    ref: row.ref,
    key: row.key,
    status,
    version: outcome.version,
    errors: conflict ? [{ field: '', message: CONFLICT_MESSAGE }] : [],
    stored: conflict && outcome.stored ? storedFields(table, outcome.stored) : null,
  };
}

/** Every row has its result once the store has answered. */
export function finalAnswer(results: RowResults): StoredAnswer {
  const final = results as RowResult[];
  const counts = { accepted: 0, unchanged: 0, rejected: 0, conflict: 0 };
  for (const r of final) counts[r.status]++;
  return { results: final, counts };
}
