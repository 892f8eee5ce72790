import type { Db } from '../db/database.ts';
import type { VersionedTable } from '../db/versioned-upsert.ts';

export interface MovementKey {
  /** The code's match key: one drive whatever its spelling. */
  codeKey: string;
}

export interface MovementRecord {
  code: string;
  name: string;
  kind: string | null;
  level: string | null;
  docRef: string | null;
  from: string | null;
  to: string | null;
  ask: string | null;
  target: string | null;
  note: string | null;
}

/** The year's register of movements and drives (DRV-1). */
export const MOVEMENT: VersionedTable<MovementKey, MovementRecord> = {
  table: 'movement',
  scope: 'period',
  keys: [{ name: 'code_key', field: 'codeKey', type: 'text' }],
  entity: 'movement',
  columns: [
    { name: 'code', field: 'code', type: 'text' },
    { name: 'name', field: 'name', type: 'text' },
    { name: 'kind', field: 'kind', type: 'text' },
    { name: 'level', field: 'level', type: 'text' },
    { name: 'doc_ref', field: 'docRef', type: 'text' },
    { name: 'from_date', field: 'from', type: 'date' },
    { name: 'to_date', field: 'to', type: 'date' },
    { name: 'ask', field: 'ask', type: 'text' },
    { name: 'target', field: 'target', type: 'text' },
    { name: 'note', field: 'note', type: 'text' },
  ],
};

export interface ContributionKey {
  driveKey: string;
  unitId: number;
  /** '' for a unit-level row. */
  personKey: string;
  /** Số chứng từ, else the date, else '': a holder's several contributions to one drive. */
  entryKey: string;
}

export interface ContributionRecord {
  driveCode: string;
  code: string | null;
  name: string | null;
  form: 'money' | 'in-kind';
  amount: number | null;
  inKind: string | null;
  inKindValue: number | null;
  date: string | null;
  receiptNo: string | null;
  note: string | null;
}

/** The year's contributions (DRV-2): amounts in whole đồng, never an input to a level or a title. */
export const CONTRIBUTION: VersionedTable<ContributionKey, ContributionRecord> = {
  table: 'contribution',
  scope: 'period',
  keys: [
    { name: 'drive_key', field: 'driveKey', type: 'text' },
    { name: 'unit_id', field: 'unitId', type: 'int' },
    { name: 'person_key', field: 'personKey', type: 'text' },
    { name: 'entry_key', field: 'entryKey', type: 'text' },
  ],
  entity: 'contribution',
  columns: [
    { name: 'drive_code', field: 'driveCode', type: 'text' },
    { name: 'person_code', field: 'code', type: 'text' },
    { name: 'person_name', field: 'name', type: 'text' },
    { name: 'form', field: 'form', type: 'text' },
    { name: 'amount', field: 'amount', type: 'numeric' },
    { name: 'in_kind', field: 'inKind', type: 'text' },
    { name: 'in_kind_value', field: 'inKindValue', type: 'numeric' },
    { name: 'given_on', field: 'date', type: 'date' },
    { name: 'receipt_no', field: 'receiptNo', type: 'text' },
    { name: 'note', field: 'note', type: 'text' },
  ],
};

export interface StoredMovement extends MovementRecord {
  year: number;
  version: number;
  updatedAt: string;
}

const UPDATED_AT = (t: string) => `to_char(${t}.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt"`;

/** The registers of the given years, each drive with the year of its sheet. */
export async function loadMovements(db: Db, orgId: number, years: readonly string[]): Promise<StoredMovement[]> {
  return db.query<StoredMovement>(
    `select m.period::int as year, m.code, m.name, m.kind, m.level, m.doc_ref as "docRef",
       to_char(m.from_date, 'YYYY-MM-DD') as "from", to_char(m.to_date, 'YYYY-MM-DD') as "to", m.ask, m.target, m.note,
       m.version, ${UPDATED_AT('m')}
     from movement m where m.org_id = $1 and m.period = any($2::text[])
     order by m.period, m.from_date nulls last, m.code_key collate "C"`,
    [orgId, years],
  );
}

export interface StoredContribution extends ContributionRecord {
  year: number;
  unit: string;
  version: number;
  updatedAt: string;
}

/** The contributions written on the given years' sheets, in unit then person then date order. */
export async function loadContributions(db: Db, orgId: number, years: readonly string[]): Promise<StoredContribution[]> {
  return db.query<StoredContribution>(
    `select c.period::int as year, u.name as unit, c.drive_code as "driveCode", c.person_code as code, c.person_name as name,
       c.form, c.amount::float8 as amount, c.in_kind as "inKind", c.in_kind_value::float8 as "inKindValue",
       to_char(c.given_on, 'YYYY-MM-DD') as date, c.receipt_no as "receiptNo", c.note, c.version, ${UPDATED_AT('c')}
     from contribution c join unit u on u.id = c.unit_id
     where c.org_id = $1 and c.period = any($2::text[])
     order by c.period, u.name_key collate "C", c.drive_key collate "C", c.person_key collate "C", c.entry_key collate "C"`,
    [orgId, years],
  );
}

/**
 * People rated in each unit over the given months (by the unit's match key): the roster Tỷ lệ tham gia divides
 * by, the months of the drives the unit's people gave to (DRV-3), not the whole year.
 */
export async function unitMembersInMonths(db: Db, orgId: number, months: ReadonlyMap<string, readonly string[]>): Promise<Map<string, number>> {
  const pairs = [...months].flatMap(([unitKey, periods]) => periods.map((period) => [unitKey, period] as const));
  if (pairs.length === 0) return new Map();
  const rows = await db.query<{ unitKey: string; members: number }>(
    `select u.name_key as "unitKey", count(distinct m.person_id)::int as members
     from person_month m
     join unit u on u.id = m.unit_id and u.org_id = m.org_id
     join unnest($2::text[], $3::text[]) as w(unit_key, period) on w.unit_key = u.name_key and w.period = m.period
     where m.org_id = $1
     group by u.name_key`,
    [orgId, pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
  return new Map(rows.map((r) => [r.unitKey, r.members]));
}
