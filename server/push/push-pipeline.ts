import type { Caller } from '../access/access.ts';
import type { PushRequest, ReturnPreference, RowResult } from '../contract/push.ts';
import type { Db } from '../db/database.ts';
import { upsertVersionedRows, type VersionedTable, type VersionedWriteRow } from '../db/versioned-upsert.ts';
import { idempotentPush } from './idempotent-push.ts';
import { finalAnswer, writtenRowResult, type RowResults, type StoredAnswer } from './row-results.ts';

/** A row past the screen: where it was in the push, and the contract's row. */
export interface ScreenedRow {
  index: number;
  row: { ref?: string | number | undefined; baseVersion?: number | null | undefined };
}

/** What the store writes for a row, and the key its result carries (a staff code, a unit's name, a student). */
export interface RowWrite<K, R> extends VersionedWriteRow<K, R> {
  resultKey: string;
}

/**
 * One kind of sheet as a push sees it (person month, unit month, person year, initiatives, students): the
 * steps that differ from kind to kind. `P` is what the URL names (a period, a year, a class), `C` a row past
 * the screen, `K` and `R` the table's key and record, `Full` and `Minimal` the two answers.
 */
export interface PushKind<P, C extends ScreenedRow, K, R, Full, Minimal> {
  /** Scopes idempotency keys and request hashes. */
  name: string;
  table: VersionedTable<K, R>;
  /** What the rows are stored under: the period, or the class's match key. */
  scope: (param: P) => string;
  /** A class is no period: nothing finalises it. */
  periodless?: boolean;
  /** Checks each row on its own, without the store: the contract, a rater's units, duplicates. */
  screen: (caller: Caller, param: P, rows: Record<string, unknown>[]) => { candidates: C[]; results: RowResults };
  /** In the push's transaction: finds what the rows are about (rejecting those it cannot) and what to write. */
  prepare: (
    db: Db,
    caller: Caller,
    param: P,
    candidates: C[],
    results: RowResults,
    pushKey: string | null,
  ) => Promise<{ candidate: C; write: RowWrite<K, R> }[]>;
  /** After the write, in the same transaction: what the written rows change beside their table (people's names). */
  afterWrite?: (db: Db, caller: Caller, written: { candidate: C; result: RowResult }[], pushKey: string | null) => Promise<void>;
  /** The whole computed period, and the period's state alone (`Prefer: return=minimal`). */
  representation: (db: Db, orgId: number, param: P) => Promise<Full>;
  minimal: (db: Db, orgId: number, param: P) => Promise<Minimal>;
}

/**
 * Every push: screen the rows → find what they are about → one versioned write with its audit → each row's
 * result → the answer, in one transaction under the request's idempotency key (see idempotent-push.ts).
 */
export async function runPush<P, C extends ScreenedRow, K, R, Full, Minimal>(
  kind: PushKind<P, C, K, R, Full, Minimal>,
  db: Db,
  caller: Caller,
  param: P,
  body: PushRequest,
  pushKey: string | null,
  prefer: ReturnPreference = 'representation',
): Promise<(Full | Minimal) & StoredAnswer> {
  const scope = kind.scope(param);
  const { candidates, results } = kind.screen(caller, param, body.rows);
  const write = async (): Promise<StoredAnswer> => {
    const ready = await kind.prepare(db, caller, param, candidates, results, pushKey);
    const writes = ready.map((r) => r.write);
    const outcomes = await upsertVersionedRows(db, kind.table, { orgId: caller.orgId, scope, actor: caller.userId, pushKey }, writes);
    const written = ready.map(({ candidate, write }, i) => {
      const row = { index: candidate.index, ref: candidate.row.ref ?? null, key: write.resultKey, record: write.record };
      const result = writtenRowResult(kind.table, row, outcomes[i]!);
      results[candidate.index] = result;
      return { candidate, result };
    });
    if (kind.afterWrite) await kind.afterWrite(db, caller, written, pushKey);
    return finalAnswer(results);
  };
  return idempotentPush(
    db,
    caller,
    { kind: kind.name, period: scope, key: pushKey, body, periodless: kind.periodless ?? false, prefer },
    write,
    {
      representation: () => kind.representation(db, caller.orgId, param),
      minimal: () => kind.minimal(db, caller.orgId, param),
    },
  );
}
