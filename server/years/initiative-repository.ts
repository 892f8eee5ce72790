import type { Db } from '../db/database.ts';
import type { VersionedTable } from '../db/versioned-upsert.ts';

export interface InitiativeKey {
  personId: number;
  kind: string;
  /** The title's match key: one initiative whatever its title's spelling. */
  titleKey: string;
}

export interface InitiativeRecord {
  title: string;
  level: string | null;
  /** YYYY-MM-DD. */
  recognisedOn: string;
  note: string | null;
}

/** Initiatives and research topics, one per person, kind and title within the year of their date. */
export const INITIATIVE: VersionedTable<InitiativeKey, InitiativeRecord> = {
  table: 'initiative',
  scope: 'period',
  keys: [
    { name: 'person_id', field: 'personId', type: 'int' },
    { name: 'kind', field: 'kind', type: 'text' },
    { name: 'title_key', field: 'titleKey', type: 'text' },
  ],
  entity: 'initiative',
  references: [{ column: 'person_id', table: 'person' }],
  columns: [
    { name: 'title', field: 'title', type: 'text' },
    { name: 'level', field: 'level', type: 'text' },
    { name: 'recognised_on', field: 'recognisedOn', type: 'date' },
    { name: 'note', field: 'note', type: 'text' },
  ],
};

export interface StoredInitiativeRow {
  code: string;
  name: string;
  unit: string | null;
  kind: 'sáng kiến' | 'đề tài';
  title: string;
  level: 'co-so' | 'tinh' | 'toan-quoc' | null;
  recognisedOn: string;
  note: string | null;
  version: number;
  updatedAt: string;
}

const SELECT = `select p.code, p.full_name as name, u.name as unit, i.kind, i.title, i.level,
    to_char(i.recognised_on, 'YYYY-MM-DD') as "recognisedOn", i.note, i.version,
    to_char(i.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt"
  from initiative i join person p on p.id = i.person_id left join unit u on u.id = p.unit_id`;

// "C" so PGlite and PostgreSQL, whose default collations may differ, answer the same order.
const ORDER = `order by p.code collate "C", i.recognised_on, i.title collate "C"`;

/** The rows of one year's sheet. */
export async function loadInitiatives(db: Db, orgId: number, year: string): Promise<StoredInitiativeRow[]> {
  return db.query<StoredInitiativeRow>(`${SELECT} where i.org_id = $1 and i.period = $2 ${ORDER}`, [orgId, year]);
}

/** Every initiative and topic of the years `from`…`to`, for the titles of RULES.md §6. */
export async function loadInitiativesBetween(db: Db, orgId: number, from: number, to: number): Promise<StoredInitiativeRow[]> {
  return db.query<StoredInitiativeRow>(
    `${SELECT} where i.org_id = $1 and i.period between $2 and $3 ${ORDER}`,
    [orgId, String(from), String(to)],
  );
}
