import type { Db } from '../db/database.ts';
import type { VersionedTable } from '../db/versioned-upsert.ts';

export interface PledgeKey {
  unitId: number;
  /** The content's match key: one target whatever its spelling. */
  contentKey: string;
}

export interface PledgeRecord {
  content: string;
  target: string | null;
  measure: string | null;
  plan: number | null;
  result: number | null;
  note: string | null;
}

/** A collective's pledge targets of a year (REG-5). */
export const PLEDGE: VersionedTable<PledgeKey, PledgeRecord> = {
  table: 'pledge',
  scope: 'period',
  keys: [
    { name: 'unit_id', field: 'unitId', type: 'int' },
    { name: 'content_key', field: 'contentKey', type: 'text' },
  ],
  entity: 'pledge',
  references: [{ column: 'unit_id', table: 'unit' }],
  columns: [
    { name: 'content', field: 'content', type: 'text' },
    { name: 'target', field: 'target', type: 'text' },
    { name: 'measure', field: 'measure', type: 'text' },
    { name: 'plan', field: 'plan', type: 'numeric' },
    { name: 'result', field: 'result', type: 'numeric' },
    { name: 'note', field: 'note', type: 'text' },
  ],
};

export interface StoredPledge extends PledgeRecord {
  unit: string;
  version: number;
  updatedAt: string;
}

export async function loadPledges(db: Db, orgId: number, year: string): Promise<StoredPledge[]> {
  return db.query<StoredPledge>(
    `select u.name as unit, g.content, g.target, g.measure, g.plan::float8 as plan, g.result::float8 as result, g.note, g.version,
       to_char(g.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt"
     from pledge g join unit u on u.id = g.unit_id
     where g.org_id = $1 and g.period = $2
     order by u.name collate "C", g.content_key collate "C"`,
    [orgId, year],
  );
}
