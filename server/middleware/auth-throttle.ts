import type { Context, MiddlewareHandler } from 'hono';
import { errorBody } from '../http/error-body.ts';

export interface AuthThrottleOptions {
  /** Failed authentications an address may have in one window; the next request is refused. */
  limit: number;
  windowMs: number;
  /** Addresses remembered at most; the oldest are forgotten first, so a flood cannot exhaust memory. */
  maxAddresses: number;
  now: () => number;
}

export const AUTH_THROTTLE_DEFAULTS: AuthThrottleOptions = { limit: 20, windowMs: 60_000, maxAddresses: 10_000, now: Date.now };

interface Window {
  since: number;
  failures: number;
}

/** Counts failed authentications per client address in fixed windows. */
export function failedAuthCounter(options: AuthThrottleOptions) {
  const windows = new Map<string, Window>();
  const live = (address: string): Window | undefined => {
    const w = windows.get(address);
    if (w && options.now() - w.since >= options.windowMs) {
      windows.delete(address);
      return undefined;
    }
    return w;
  };
  return {
    /** Seconds until the address may try again, or null when it is not blocked. */
    blockedFor(address: string): number | null {
      const w = live(address);
      if (!w || w.failures < options.limit) return null;
      return Math.max(1, Math.ceil((w.since + options.windowMs - options.now()) / 1000));
    },
    fail(address: string): void {
      const w = live(address);
      if (w) {
        w.failures++;
        return;
      }
      // Map order is insertion order, so the first entries are the oldest windows.
      for (const [key, old] of windows) {
        if (windows.size < options.maxAddresses && options.now() - old.since < options.windowMs) break;
        windows.delete(key);
      }
      windows.set(address, { since: options.now(), failures: 1 });
    },
    get size() {
      return windows.size;
    },
  };
}

/**
 * The client's address from the Node server's socket (as `getConnInfo` of `@hono/node-server/conninfo` reads
 * it), or 'local' for in-process requests. IPv6 clients are counted by their /64, which one host can fill.
 * Forwarded-for headers are not trusted: any client could set them.
 */
export function clientAddress(c: Context): string {
  const env = c.env as { server?: unknown; incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const bindings = (env?.server ?? env) as typeof env;
  const address = bindings?.incoming?.socket?.remoteAddress;
  if (!address) return 'local';
  if (!address.includes(':') || address.startsWith('::ffff:')) return address.replace(/^::ffff:/, '');
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/**
 * Refuses every request from an address that failed authentication `limit` times in the window, before
 * its key is even looked up: answering a right key then would leave a guessing oracle open (the admin
 * token of BINHXET_ADMIN_TOKEN is chosen by a person). Successful authentications are never counted.
 */
export function authThrottle(options: Partial<AuthThrottleOptions> = {}): MiddlewareHandler {
  const counter = failedAuthCounter({ ...AUTH_THROTTLE_DEFAULTS, ...options });
  return async (c, next) => {
    const address = clientAddress(c);
    const wait = counter.blockedFor(address);
    if (wait !== null) {
      const message = `Có quá nhiều lần dùng khóa truy cập không hợp lệ từ địa chỉ này; hãy thử lại sau ${wait} giây`;
      return c.json(errorBody('too_many_requests', message, { retryAfterSeconds: wait }), 429, { 'Retry-After': String(wait) });
    }
    await next();
    if (c.res.status === 401) counter.fail(address);
  };
}
