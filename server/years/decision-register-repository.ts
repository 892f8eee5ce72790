import type { DossierTitle, Holder } from '../contract/dossier-titles.ts';
import type { Db } from '../db/database.ts';
import type { VersionedTable } from '../db/versioned-upsert.ts';

export interface DecisionRegisterKey {
  holder: Holder;
  /** person.id or unit.id. */
  holderId: number;
  title: DossierTitle;
  achievementYear: number;
}

export interface DecisionRegisterRecord {
  decisionNo: string;
  /** YYYY-MM-DD. */
  decidedOn: string;
  issuer: string | null;
  goldBookNo: string | null;
  note: string | null;
}

/** The decisions register (DOC-5): one awarded title per holder, title and Năm thành tích, under the sheet's year. */
export const DECISION_REGISTER: VersionedTable<DecisionRegisterKey, DecisionRegisterRecord> = {
  table: 'decision_register',
  scope: 'period',
  keys: [
    { name: 'holder', field: 'holder', type: 'text' },
    { name: 'holder_id', field: 'holderId', type: 'int' },
    { name: 'title', field: 'title', type: 'text' },
    { name: 'achievement_year', field: 'achievementYear', type: 'int' },
  ],
  entity: 'decision_register',
  columns: [
    { name: 'decision_no', field: 'decisionNo', type: 'text' },
    { name: 'decided_on', field: 'decidedOn', type: 'date' },
    { name: 'issuer', field: 'issuer', type: 'text' },
    { name: 'gold_book_no', field: 'goldBookNo', type: 'text' },
    { name: 'note', field: 'note', type: 'text' },
  ],
};

export interface StoredRegisterRow extends DecisionRegisterRecord {
  holder: Holder;
  code: string | null;
  name: string | null;
  unit: string | null;
  title: DossierTitle;
  achievementYear: number;
  version: number;
  updatedAt: string;
}

const SELECT = `select d.holder, p.code, p.full_name as name, coalesce(u.name, pu.name) as unit, d.title,
    d.achievement_year as "achievementYear", d.decision_no as "decisionNo", to_char(d.decided_on, 'YYYY-MM-DD') as "decidedOn",
    d.issuer, d.gold_book_no as "goldBookNo", d.note, d.version,
    to_char(d.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt"
  from decision_register d
    left join person p on d.holder = 'person' and p.org_id = d.org_id and p.id = d.holder_id
    left join unit pu on pu.id = p.unit_id
    left join unit u on d.holder = 'unit' and u.org_id = d.org_id and u.id = d.holder_id`;

const ORDER = `order by d.holder, coalesce(p.code, u.name) collate "C", d.achievement_year, d.title collate "C"`;

/** The rows of one year's register. */
export async function loadRegister(db: Db, orgId: number, year: string): Promise<StoredRegisterRow[]> {
  return db.query<StoredRegisterRow>(`${SELECT} where d.org_id = $1 and d.period = $2 ${ORDER}`, [orgId, year]);
}

/** Every stored decision for achievements of the years `from`…`to`, whatever register year holds it. */
export async function loadDecisionsFor(db: Db, orgId: number, from: number, to: number): Promise<StoredRegisterRow[]> {
  return db.query<StoredRegisterRow>(`${SELECT} where d.org_id = $1 and d.achievement_year between $2 and $3 ${ORDER}`, [orgId, from, to]);
}
