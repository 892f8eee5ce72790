import type { Db } from './database.ts';

/** A push's turn: taken, or refused with the wait until a token is back. */
export interface PushTurn {
  taken: boolean;
  waitMs: number;
}

/**
 * Token buckets of pushes per access key: `perMinute` tokens, refilled evenly, one taken per push. In the
 * process on the embedded database (one process owns it), in a table on PostgreSQL so that every process
 * behind a load balancer counts the same pushes.
 */
export interface PushBuckets {
  take(keyId: number, perMinute: number, now: number): Promise<PushTurn>;
}

const waitFor = (tokens: number, perMinute: number) => Math.max(0, ((1 - tokens) * 60_000) / perMinute);

export function memoryPushBuckets(maxKeys = 10_000): PushBuckets {
  const buckets = new Map<number, { tokens: number; at: number }>();
  return {
    take: async (keyId, perMinute, now) => {
      const bucket = buckets.get(keyId) ?? { tokens: perMinute, at: now };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (Math.max(0, now - bucket.at) * perMinute) / 60_000);
      bucket.at = Math.max(bucket.at, now);
      buckets.delete(keyId);
      buckets.set(keyId, bucket);
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
      if (bucket.tokens < 1) return { taken: false, waitMs: waitFor(bucket.tokens, perMinute) };
      bucket.tokens -= 1;
      return { taken: true, waitMs: 0 };
    },
  };
}

export function sqlPushBuckets(db: Db): PushBuckets {
  // One statement: the row's lock orders the pushes of one key from every process.
  const refill = `least($2::float8, p.tokens + greatest(0, $3::bigint - p.at_ms) * $2::float8 / 60000)`;
  return {
    take: async (keyId, perMinute, now) => {
      const [row] = await db.query<{ taken: boolean; tokens: number }>(
        `insert into push_rate as p (key_id, tokens, at_ms, taken) values ($1, $2::float8 - 1, $3::bigint, true)
         on conflict (key_id) do update set
           tokens = case when ${refill} >= 1 then ${refill} - 1 else ${refill} end,
           taken = ${refill} >= 1,
           at_ms = greatest(p.at_ms, $3::bigint)
         returning taken, tokens`,
        [keyId, perMinute, now],
      );
      return row!.taken ? { taken: true, waitMs: 0 } : { taken: false, waitMs: waitFor(row!.tokens, perMinute) };
    },
  };
}
