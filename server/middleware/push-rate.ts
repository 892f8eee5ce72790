import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/router.ts';
import { errorBody } from '../http/error-body.ts';

const PUSH_PATH = /\/(people|units|initiatives|students)$/;

/**
 * Pushes per access key: a token bucket of `perMinute` refilled evenly, so a runaway client (or a stolen key)
 * cannot keep the database busy writing, while a whole sheet sent in pieces (10 pushes for 50,000 rows) fits
 * in the burst. Counted in the process: behind a load balancer each process allows its share.
 */
export function pushRate(perMinute: number, now: () => number = Date.now): MiddlewareHandler<AppEnv> {
  const buckets = new Map<number, { tokens: number; at: number }>();
  return async (c, next) => {
    if (c.req.method !== 'POST' || !PUSH_PATH.test(c.req.path)) return next();
    const keyId = c.get('caller').keyId;
    const t = now();
    const bucket = buckets.get(keyId) ?? { tokens: perMinute, at: t };
    bucket.tokens = Math.min(perMinute, bucket.tokens + ((t - bucket.at) * perMinute) / 60_000);
    bucket.at = t;
    buckets.delete(keyId);
    buckets.set(keyId, bucket);
    if (buckets.size > 10_000) buckets.delete(buckets.keys().next().value!);
    if (bucket.tokens < 1) {
      const wait = Math.max(1, Math.ceil(((1 - bucket.tokens) * 60_000) / perMinute / 1000));
      const message = `Khóa truy cập này đã gửi quá ${perMinute} lần trong một phút; hãy thử lại sau ${wait} giây`;
      return c.json(errorBody('too_many_requests', message, { retryAfterSeconds: wait }), 429, { 'Retry-After': String(wait) });
    }
    bucket.tokens -= 1;
    await next();
  };
}
