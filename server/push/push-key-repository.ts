import type { Db } from '../db/database.ts';

export interface StoredPush {
  requestHash: string;
  status: number;
  response: unknown;
}

/**
 * Claims an idempotency key inside the push's transaction. On PostgreSQL a concurrent request with the
 * same key waits on the primary key until the first commits, then finds the stored answer.
 */
export async function claimPushKey(db: Db, orgId: number, key: string, requestHash: string): Promise<StoredPush | null> {
  const claimed = await db.query(
    `insert into push (org_id, idempotency_key, request_hash, status, response)
     values ($1, $2, $3, 0, 'null') on conflict (org_id, idempotency_key) do nothing returning 1`,
    [orgId, key, requestHash],
  );
  if (claimed.length > 0) return null;
  const [row] = await db.query<{ requestHash: string; status: number; response: string }>(
    `select request_hash as "requestHash", status, response from push where org_id = $1 and idempotency_key = $2`,
    [orgId, key],
  );
  return row ? { ...row, response: JSON.parse(row.response) as unknown } : null;
}

export async function storePushResponse(db: Db, orgId: number, key: string, status: number, response: unknown): Promise<void> {
  await db.query(`update push set status = $3, response = $4 where org_id = $1 and idempotency_key = $2`, [
    orgId,
    key,
    status,
    JSON.stringify(response),
  ]);
}
