import type { MiddlewareHandler } from 'hono';
import type { PushBuckets } from '../db/push-buckets.ts';
import type { AppEnv } from '../http/router.ts';
import { errorBody } from '../http/error-body.ts';

// A push is a POST of rows to a period's sheet (months, years, classes): people, units, tasks, the year's
// sheets and dossier; a council's decision is not one.
const PUSH_PATH = /^\/api\/v1\/(months|years|classes)\/[^/]+\/(?!decisions$)[^/]+$/;

/**
 * Pushes per access key: a token bucket of `perMinute` refilled evenly, so a runaway client (or a stolen key)
 * cannot keep the database busy writing, while a whole sheet sent in pieces (10 pushes for 50,000 rows) fits
 * in the burst. Counted where `buckets` keeps them: on PostgreSQL in the database, shared by every process.
 */
export function pushRate(perMinute: number, buckets: PushBuckets, now: () => number = Date.now): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST' || !PUSH_PATH.test(c.req.path)) return next();
    const turn = await buckets.take(c.get('caller').keyId, perMinute, now());
    if (!turn.taken) {
      const wait = Math.max(1, Math.ceil(turn.waitMs / 1000));
      const message = `Khóa truy cập này đã gửi quá ${perMinute} lần trong một phút; hãy thử lại sau ${wait} giây`;
      return c.json(errorBody('too_many_requests', message, { retryAfterSeconds: wait }), 429, { 'Retry-After': String(wait) });
    }
    await next();
  };
}
