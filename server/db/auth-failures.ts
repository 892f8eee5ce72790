import type { Db } from './database.ts';

/** Failures in the current window of a presented key and of a client address. */
export interface FailureCounts {
  key: { failures: number; since: number } | null;
  address: { failures: number; since: number } | null;
}

/**
 * Where the throttle keeps its counts: in the process on the embedded database (one process owns it), in a
 * table on PostgreSQL so that every process behind a load balancer sees the same counts.
 */
export interface FailureStore {
  read(key: string | null, address: string, now: number, windowMs: number): Promise<FailureCounts>;
  /** Counts a failure of `key` from `address`; the address counts each failing key once per window. */
  fail(key: string, address: string, now: number, windowMs: number): Promise<void>;
}

interface Window {
  since: number;
  failures: number;
}

export function memoryFailureStore(maxEntries = 10_000): FailureStore {
  const windows = new Map<string, Window>();
  const live = (id: string, now: number, windowMs: number) => {
    const w = windows.get(id);
    if (w && now - w.since >= windowMs) {
      windows.delete(id);
      return undefined;
    }
    return w;
  };
  const bump = (id: string, now: number, windowMs: number): number => {
    const w = live(id, now, windowMs);
    if (w) return ++w.failures;
    // Map order is insertion order, so the first entries are the oldest windows: a flood cannot exhaust memory.
    for (const [old, o] of windows) {
      if (windows.size < maxEntries && now - o.since < windowMs) break;
      windows.delete(old);
    }
    windows.set(id, { since: now, failures: 1 });
    return 1;
  };
  return {
    read: async (key, address, now, windowMs) => ({
      key: key === null ? null : (live(`k:${key}`, now, windowMs) ?? null),
      address: live(`a:${address}`, now, windowMs) ?? null,
    }),
    fail: async (key, address, now, windowMs) => {
      if (bump(`k:${key}`, now, windowMs) === 1) bump(`a:${address}`, now, windowMs);
    },
  };
}

export function sqlFailureStore(db: Db): FailureStore {
  const bump = async (scope: 'key' | 'address', id: string, now: number, windowMs: number): Promise<number> => {
    const [row] = await db.query<{ failures: number }>(
      `insert into auth_failure (scope, id, since_ms, failures) values ($1, $2, $3::bigint, 1)
       on conflict (scope, id) do update set
         failures = case when auth_failure.since_ms <= $3::bigint - $4::bigint then 1 else auth_failure.failures + 1 end,
         since_ms = case when auth_failure.since_ms <= $3::bigint - $4::bigint then $3::bigint else auth_failure.since_ms end
       returning failures`,
      [scope, id, now, windowMs],
    );
    return row!.failures;
  };
  return {
    read: async (key, address, now, windowMs) => {
      const rows = await db.query<{ scope: string; failures: number; since: string | number }>(
        `select scope, failures, since_ms as since from auth_failure
         where ((scope = 'key' and id = $1) or (scope = 'address' and id = $2)) and since_ms > $3::bigint - $4::bigint`,
        [key ?? '', address, now, windowMs],
      );
      const of = (scope: string) => {
        const r = rows.find((x) => x.scope === scope);
        return r ? { failures: r.failures, since: Number(r.since) } : null;
      };
      return { key: key === null ? null : of('key'), address: of('address') };
    },
    fail: async (key, address, now, windowMs) => {
      if ((await bump('key', key, now, windowMs)) === 1) await bump('address', address, now, windowMs);
      // Now and then, the windows long over go.
      if (Math.random() < 0.02) await db.query(`delete from auth_failure where since_ms <= $1::bigint`, [now - 2 * windowMs]);
    },
  };
}
