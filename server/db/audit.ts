import type { Db } from './database.ts';

export interface AuditEntry {
  id: number;
  at: string;
  actor: number | null;
  pushKey: string | null;
  entity: string;
  entityKey: string;
  period: string | null;
  action: string;
  /**
   * Stored as jsonb (old_values, new_values), or for the rows a push writes as JSON text (old_text, new_text):
   * read alike. For the rows a push writes (versioned-upsert.ts): an insert has no old values and every written column
   * and the version as new values; an update has only the columns it changed, old and new, and the version.
   */
  oldValues: unknown;
  newValues: unknown;
}

export async function insertAudit(
  db: Db,
  orgId: number,
  e: { actor: number | null; pushKey?: string | null; entity: string; entityKey: string; period?: string | null; action: string; oldValues?: unknown; newValues?: unknown },
): Promise<void> {
  await db.query(
    `insert into audit (org_id, actor, push_key, entity, entity_key, period, action, old_values, new_values)
     values ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9::text::jsonb)`,
    [
      orgId,
      e.actor,
      e.pushKey ?? null,
      e.entity,
      e.entityKey,
      e.period ?? null,
      e.action,
      e.oldValues === undefined ? null : JSON.stringify(e.oldValues),
      e.newValues === undefined ? null : JSON.stringify(e.newValues),
    ],
  );
}

export async function listAudit(
  db: Db,
  orgId: number,
  filter: { actor?: number | undefined; entityKey?: string | undefined; period?: string | undefined; limit: number; before?: number | undefined },
): Promise<AuditEntry[]> {
  return db.query<AuditEntry>(
    `select id::int as id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, actor,
       push_key as "pushKey", entity, entity_key as "entityKey", period, action,
       coalesce(old_values, old_text::jsonb) as "oldValues", coalesce(new_values, new_text::jsonb) as "newValues"
     from audit
     where org_id = $1 and ($2::int is null or actor = $2) and ($3::text is null or entity_key = $3)
       and ($4::text is null or period = $4) and ($6::bigint is null or id < $6)
     order by id desc limit $5`,
    [orgId, filter.actor ?? null, filter.entityKey ?? null, filter.period ?? null, filter.limit, filter.before ?? null],
  );
}
