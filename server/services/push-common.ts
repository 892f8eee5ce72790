import { createHash } from 'node:crypto';
import type { FieldError } from '../contract/row-validation.ts';
import type { ReturnPreference, RowResult } from '../contract/push.ts';
import { periodLabel } from '../contract/period.ts';
import { isStorableText } from '../contract/text.ts';
import type { Db } from '../db/database.ts';
import type { MonthTable, MonthWriteOutcome } from '../db/month-upsert.ts';
import { lockPeriod } from '../db/periods.ts';
import { claimPushKey, storePushResponse } from '../db/pushes.ts';
import { AppError } from '../errors.ts';
import type { Caller } from './access.ts';

export interface StoredAnswer {
  results: RowResult[];
  counts: Record<RowResult['status'], number>;
}

export function requestHash(kind: string, period: string, body: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    // A body parsed from JSON has no cycles or bigints: the only failure is a stack overflow on deep nesting.
    if (error instanceof RangeError) throw new AppError('bad_request', 'Nội dung gửi lên lồng nhau quá sâu');
    throw error;
  }
  return createHash('sha256').update(`${kind}\n${period}\n${text}`).digest('hex');
}

/**
 * The two answers a push can give (`Prefer: return=…`, RFC 7240): the whole computed period, or only the
 * period's state, read without computing the period. Either carries the push's row results and counts.
 */
export interface PushViews<Full, Minimal> {
  representation: () => Promise<Full>;
  minimal: () => Promise<Minimal>;
}

/**
 * Runs a push in one transaction with its idempotency key: a retry gets the first answer's row results
 * (the computed month is read afresh, so it shows what is stored now) and writes nothing again. Only the
 * row results are stored, so a retry may ask for either representation.
 */
export async function idempotentPush<Full, Minimal>(
  db: Db,
  caller: Caller,
  push: { kind: string; period: string; key: string | null; body: unknown; periodless?: boolean; prefer: ReturnPreference },
  write: () => Promise<StoredAnswer>,
  views: PushViews<Full, Minimal>,
): Promise<(Full | Minimal) & StoredAnswer> {
  const hash = requestHash(push.kind, push.period, push.body);
  // A key is its user's: another user replaying it must not get that user's stored answer.
  const scopedKey = `${push.kind}:u${caller.userId}:${push.key}`;
  const answer = await db.transaction(async (): Promise<StoredAnswer> => {
    if (push.key !== null) {
      const stored = await claimPushKey(db, caller.orgId, scopedKey, hash);
      if (stored) {
        if (stored.requestHash !== hash) {
          throw new AppError(
            'idempotency_mismatch',
            'Khóa Idempotency-Key này đã được dùng cho một lần gửi có nội dung khác',
          );
        }
        return stored.response as StoredAnswer;
      }
    }
    // A class of students is no period: nothing finalises it.
    if (!push.periodless && (await lockPeriod(db, caller.orgId, push.period, 'share')).finalised) {
      throw new AppError(
        'period_finalised',
        `${periodLabel(push.period)} đã được Hội đồng chốt; không thể sửa. Đề nghị Hội đồng mở lại nếu cần.`,
        { period: push.period },
      );
    }
    const written = await write();
    if (push.key !== null) await storePushResponse(db, caller.orgId, scopedKey, 200, written);
    return written;
  });
  // The computed period is read after the commit: the period's lock is not held while the month is
  // recomputed, and the answer shows every push committed by then, other units' included.
  const view = push.prefer === 'minimal' ? views.minimal : views.representation;
  return { ...(await view()), ...answer };
}

export function countResults(results: RowResult[]): StoredAnswer['counts'] {
  const counts = { accepted: 0, unchanged: 0, rejected: 0, conflict: 0 };
  for (const r of results) counts[r.status]++;
  return counts;
}

/** A rejected row echoes the raw ref and key it was sent with, unless the answer could not be stored as JSON. */
export function rejected(index: number, ref: RowResult['ref'], key: string | null, errors: FieldError[]): RowResult {
  const echo = <T>(v: T) => (typeof v === 'string' && !isStorableText(v) ? null : v);
  return { index, ref: echo(ref), key: echo(key), status: 'rejected', version: null, errors, stored: null };
}

function sameValue(type: string, stored: unknown, mine: unknown): boolean {
  if (stored === null || stored === undefined) return mine === null || mine === undefined;
  if (mine === null || mine === undefined) return false;
  if (type === 'numeric' || type === 'int') return Number(stored) === Number(mine);
  return stored === mine;
}

/** A row that was not written is unchanged when the stored values equal it, else it is a conflict. */
export function outcomeStatus(table: MonthTable, values: unknown[], outcome: MonthWriteOutcome): 'accepted' | 'unchanged' | 'conflict' {
  if (outcome.written) return 'accepted';
  if (outcome.same) return 'unchanged';
  const stored = outcome.stored ?? {};
  const same = table.columns.every((c, i) => sameValue(c.type, stored[c.name], values[i]));
  return same ? 'unchanged' : 'conflict';
}

/** The stored values of a conflicting row, in the contract's field names. */
export function storedForClient(stored: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!stored) return null;
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    score: num(stored.score),
    selfScore: num(stored.self_score),
    general: num(stored.general),
    results: num(stored.results),
    allTasksDone: stored.all_tasks_done ?? null,
    exceededPct: num(stored.exceeded_pct),
    latePct: num(stored.late_pct),
    discipline: stored.discipline ?? null,
    note: stored.note ?? null,
    dutyGroup: stored.duty_group ?? null,
    version: stored.version,
    updatedAt: stored.updated_at,
  };
}

export function assertCanWriteUnit(caller: Caller, unitKey: string): FieldError | null {
  if (caller.role === 'admin' || caller.role === 'council') return null;
  if (caller.role === 'rater' && caller.units.includes(unitKey)) return null;
  return { field: 'unit', message: 'Bạn không được phân công ghi kết quả cho đơn vị này' };
}

/** The rating inputs of a row (RULES.md §1), in the order of the rating columns of the month tables. */
export function ratingValues(row: {
  score?: number | undefined;
  selfScore?: number | undefined;
  general?: number | undefined;
  results?: number | undefined;
  allTasksDone?: boolean | undefined;
  exceededPct?: number | undefined;
  latePct?: number | undefined;
  discipline?: string | null | undefined;
  note?: string | undefined;
}): unknown[] {
  return [
    row.score ?? null,
    row.selfScore ?? null,
    row.general ?? null,
    row.results ?? null,
    row.allTasksDone ?? null,
    row.exceededPct ?? null,
    row.latePct ?? null,
    row.discipline ?? null,
    row.note ?? null,
  ];
}
