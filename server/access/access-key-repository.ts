import type { Db } from '../db/database.ts';
import type { Role } from '../contract/admin.ts';

export interface KeyOwner {
  keyId: number;
  orgId: number;
  userId: number;
  role: Role;
  units: string[];
  hash: string;
  /** When the key stops working (ms since 1970), or null. */
  expiresAtMs: number | null;
  revoked: boolean;
  disabled: boolean;
}

export interface AccessKeyInfo {
  id: number;
  userId: number;
  prefix: string;
  label: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const ts = (col: string, as: string) => `to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "${as}"`;
const KEY_COLUMNS = `id, user_id as "userId", prefix, label, ${ts('created_at', 'createdAt')},
  ${ts('expires_at', 'expiresAt')}, ${ts('revoked_at', 'revokedAt')}, ${ts('last_used_at', 'lastUsedAt')}`;

export async function insertKey(
  db: Db,
  key: { orgId: number; userId: number; prefix: string; hash: string; label: string | null; expiresAt: string | null },
): Promise<AccessKeyInfo> {
  const [row] = await db.query<AccessKeyInfo>(
    `insert into access_key (org_id, user_id, prefix, hash, label, expires_at)
     values ($1, $2, $3, $4, $5, $6::timestamptz) returning ${KEY_COLUMNS}`,
    [key.orgId, key.userId, key.prefix, key.hash, key.label, key.expiresAt],
  );
  return row!;
}

export async function findKeyOwner(db: Db, prefix: string): Promise<KeyOwner | undefined> {
  const [row] = await db.query<KeyOwner>(
    `select k.id as "keyId", k.org_id as "orgId", u.id as "userId", u.role, u.units, k.hash,
       (extract(epoch from k.expires_at) * 1000)::float8 as "expiresAtMs",
       k.revoked_at is not null as revoked, u.disabled_at is not null as disabled
     from access_key k join app_user u on u.id = k.user_id
     where k.prefix = $1`,
    [prefix],
  );
  return row;
}

export async function touchKey(db: Db, keyId: number): Promise<void> {
  // Once a minute is enough to show "last used"; it keeps reads from writing on every request.
  await db.query(
    `update access_key set last_used_at = now()
     where id = $1 and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
    [keyId],
  );
}

export async function listKeys(db: Db, orgId: number): Promise<AccessKeyInfo[]> {
  return db.query<AccessKeyInfo>(`select ${KEY_COLUMNS} from access_key where org_id = $1 order by id`, [orgId]);
}

export async function revokeKey(db: Db, orgId: number, id: number): Promise<AccessKeyInfo | undefined> {
  const [row] = await db.query<AccessKeyInfo>(
    `update access_key set revoked_at = coalesce(revoked_at, now()) where org_id = $1 and id = $2 returning ${KEY_COLUMNS}`,
    [orgId, id],
  );
  return row;
}

export async function findKeyByHash(db: Db, orgId: number, hash: string): Promise<AccessKeyInfo | undefined> {
  const [row] = await db.query<AccessKeyInfo>(`select ${KEY_COLUMNS} from access_key where org_id = $1 and hash = $2`, [
    orgId,
    hash,
  ]);
  return row;
}

/** How many keys the organisation's admins hold (revoked and expired ones too: someone was given a way in). */
export async function countAdminKeys(db: Db, orgId: number): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from access_key k join app_user u on u.id = k.user_id
     where k.org_id = $1 and u.role = 'admin'`,
    [orgId],
  );
  return row?.n ?? 0;
}
