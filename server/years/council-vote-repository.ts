import type { DossierTitle, Holder } from '../contract/dossier-titles.ts';
import type { Db } from '../db/database.ts';
import type { VersionedTable } from '../db/versioned-upsert.ts';

export interface CouncilVoteKey {
  holder: Holder;
  /** person.id or unit.id. */
  holderId: number;
  title: DossierTitle;
}

export interface CouncilVoteRecord {
  members: number;
  present: number | null;
  agree: number;
  note: string | null;
}

/** The council's votes of a year ("Kết quả bình xét <YYYY>", DOC-2), one per holder and title. */
export const COUNCIL_VOTE: VersionedTable<CouncilVoteKey, CouncilVoteRecord> = {
  table: 'council_vote',
  scope: 'period',
  keys: [
    { name: 'holder', field: 'holder', type: 'text' },
    { name: 'holder_id', field: 'holderId', type: 'int' },
    { name: 'title', field: 'title', type: 'text' },
  ],
  entity: 'council_vote',
  columns: [
    { name: 'members', field: 'members', type: 'int' },
    { name: 'present', field: 'present', type: 'int' },
    { name: 'agree', field: 'agree', type: 'int' },
    { name: 'note', field: 'note', type: 'text' },
  ],
};

export interface StoredVote extends CouncilVoteRecord {
  holder: Holder;
  /** Staff code; null for a collective. */
  code: string | null;
  name: string | null;
  unit: string | null;
  title: DossierTitle;
  /** Staff of the collective voted on (people whose unit it is), for `voteDenominator = staff-of-unit`. */
  unitStaff: number | null;
  version: number;
  updatedAt: string;
}

/** A year's votes, people by staff code then collectives by name, each by title. */
export async function loadVotes(db: Db, orgId: number, year: string): Promise<StoredVote[]> {
  return db.query<StoredVote>(
    `select v.holder, p.code, p.full_name as name, coalesce(u.name, pu.name) as unit, v.title, v.members, v.present,
       v.agree, v.note, v.version,
       case when v.holder = 'unit' then (select count(*)::int from person s where s.org_id = v.org_id and s.unit_id = v.holder_id) end as "unitStaff",
       to_char(v.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt"
     from council_vote v
       left join person p on v.holder = 'person' and p.org_id = v.org_id and p.id = v.holder_id
       left join unit pu on pu.id = p.unit_id
       left join unit u on v.holder = 'unit' and u.org_id = v.org_id and u.id = v.holder_id
     where v.org_id = $1 and v.period = $2
     order by v.holder, coalesce(p.code, u.name) collate "C", v.title collate "C"`,
    [orgId, year],
  );
}
