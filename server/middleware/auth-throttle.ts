import type { MiddlewareHandler } from 'hono';
import type { FailureCounts, FailureStore } from '../db/auth-failures.ts';
import { errorBody } from '../http/error-body.ts';
import { keyDigest } from '../access/access.ts';
import { clientAddress, type TrustedProxies } from './client-info.ts';

export interface AuthThrottleOptions {
  /** Failures of one presented key in a window; that key is then refused (it is not a valid key). */
  keyLimit: number;
  /** Distinct failing keys from one address in a window; the address is then slowed. */
  limit: number;
  windowMs: number;
  /** While an address is slowed, its unknown keys are looked up one at a time, this far apart. */
  slowMs: number;
  now: () => number;
}

export const AUTH_THROTTLE_DEFAULTS: AuthThrottleOptions = { keyLimit: 5, limit: 20, windowMs: 60_000, slowMs: 500, now: Date.now };

/**
 * Online guessing of keys, without ever refusing a correct one. Generated keys are 256 random bits; what can
 * be guessed is a person-chosen BINHXET_ADMIN_TOKEN. So:
 * - a presented key that failed `keyLimit` times in the window is answered 429 without a lookup: it is wrong,
 *   and a client stuck on a revoked key costs nothing and counts once against its address;
 * - an address with `limit` distinct failing keys in the window (a guesser) is slowed: keys from it that have
 *   not just succeeded here are checked one at a time, `slowMs` apart, and its failures answered 429. A
 *   correct key still gets in (an office behind one NAT address is never locked out), later;
 * - counts live in the process on the embedded database and in the database on PostgreSQL, so processes
 *   behind a load balancer share them; the client's address comes from X-Forwarded-For only through a
 *   trusted proxy (TRUSTED_PROXIES).
 */
export function authThrottle(store: FailureStore, proxies: TrustedProxies, options: Partial<AuthThrottleOptions> = {}): MiddlewareHandler {
  const o = { ...AUTH_THROTTLE_DEFAULTS, ...options };
  const good = new RecentKeys(o.windowMs, o.now);
  const gates = new Map<string, Promise<void>>();
  const slowDown = async (address: string) => {
    const before = gates.get(address) ?? Promise.resolve();
    const mine = before.then(() => new Promise<void>((resolve) => setTimeout(resolve, o.slowMs)));
    gates.set(address, mine);
    await before;
    void mine.then(() => {
      if (gates.get(address) === mine) gates.delete(address);
    });
  };
  return async (c, next) => {
    const address = clientAddress(c, proxies);
    const token = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    // Without a key there is nothing to guess: the 401 says only that a key is missing.
    if (token === undefined) return next();
    const key = keyDigest(token).prefix;
    const now = o.now();
    // A key that authenticated here within the window is neither refused nor slowed: its counts need no read,
    // so a working client costs the store nothing on PostgreSQL.
    const counts = good.has(key) ? NO_FAILURES : await store.read(key, address, now, o.windowMs);
    const retryAfter = (since: number) => Math.max(1, Math.ceil((since + o.windowMs - now) / 1000));
    if (counts.key && counts.key.failures >= o.keyLimit) {
      return tooMany(c, 'Khóa truy cập này đã bị từ chối nhiều lần; hãy kiểm tra lại khóa', retryAfter(counts.key.since));
    }
    const slowed = counts.address !== null && counts.address.failures >= o.limit;
    if (slowed) await slowDown(address);
    await next();
    if (c.res.status !== 401) {
      if (c.res.status < 400) good.add(key);
      return;
    }
    await store.fail(key, address, o.now(), o.windowMs);
    if (slowed) {
      c.res = undefined;
      c.res = tooMany(c, 'Có quá nhiều lần dùng khóa truy cập không hợp lệ từ địa chỉ này', retryAfter(counts.address!.since));
    }
  };
}

const NO_FAILURES: FailureCounts = { key: null, address: null };

function tooMany(c: Parameters<MiddlewareHandler>[0], message: string, wait: number): Response {
  return c.json(errorBody('too_many_requests', `${message}; hãy thử lại sau ${wait} giây`, { retryAfterSeconds: wait }), 429, {
    'Retry-After': String(wait),
  });
}

/** Keys that authenticated in this process within the window, bounded in number. */
class RecentKeys {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
    private readonly max = 10_000,
  ) {}

  has(key: string): boolean {
    const at = this.seen.get(key);
    return at !== undefined && this.now() - at < this.windowMs;
  }

  add(key: string): void {
    this.seen.delete(key);
    this.seen.set(key, this.now());
    if (this.seen.size > this.max) this.seen.delete(this.seen.keys().next().value!);
  }
}
