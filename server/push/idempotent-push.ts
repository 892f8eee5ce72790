import { createHash } from 'node:crypto';
import type { Caller } from '../access/access.ts';
import type { ReturnPreference } from '../contract/push.ts';
import { periodLabel } from '../contract/period.ts';
import { lockPeriod } from '../council/period-repository.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { claimPushKey, storePushResponse } from './push-key-repository.ts';
import type { StoredAnswer } from './row-results.ts';

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
