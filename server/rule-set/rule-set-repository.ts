import type { Db } from '../db/database.ts';

export interface StoredRuleSet {
  version: number;
  body: unknown;
  createdAt: string;
}

export async function currentRuleSet(db: Db, orgId: number): Promise<StoredRuleSet | undefined> {
  const [row] = await db.query<StoredRuleSet>(
    `select version, body, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt"
     from rule_set where org_id = $1 order by version desc limit 1`,
    [orgId],
  );
  return row;
}

export async function insertRuleSet(db: Db, orgId: number, body: unknown, userId: number | null): Promise<number> {
  const [row] = await db.query<{ version: number }>(
    `insert into rule_set (org_id, version, body, created_by)
     select $1, coalesce(max(version), 0) + 1, $2::text::jsonb, $3 from rule_set where org_id = $1
     returning version`,
    [orgId, JSON.stringify(body), userId],
  );
  return row!.version;
}
