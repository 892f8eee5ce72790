import type { Db } from '../db/database.ts';
import { personOfRow, unitOfRow } from '../db/person-of-row.ts';
import type { VersionedTable } from '../db/versioned-upsert.ts';

export interface PersonYearRecord {
  unitId: number;
  dutyGroup: string | null;
  allTasksDone: boolean | null;
  exceededPct: number | null;
  latePct: number | null;
  discipline: string | null;
  pendingDisciplineCase: boolean | null;
  voteAgree: number | null;
  voteTotal: number | null;
  priorTitles: string | null;
  note: string | null;
}

/** The yearly sheet's rows, one per person and year (period 'YYYY'). */
export const PERSON_YEAR: VersionedTable<{ personId: number }, PersonYearRecord> = {
  table: 'person_year',
  scope: 'period',
  keys: [{ name: 'person_id', field: 'personId', type: 'int' }],
  entity: 'person_year',
  references: [
    { column: 'person_id', table: 'person' },
    { column: 'unit_id', table: 'unit' },
  ],
  columns: [
    { name: 'unit_id', field: 'unitId', type: 'int', echo: false },
    { name: 'duty_group', field: 'dutyGroup', type: 'text' },
    { name: 'all_tasks_done', field: 'allTasksDone', type: 'boolean' },
    { name: 'exceeded_pct', field: 'exceededPct', type: 'numeric' },
    { name: 'late_pct', field: 'latePct', type: 'numeric' },
    { name: 'discipline', field: 'discipline', type: 'text' },
    { name: 'pending_discipline_case', field: 'pendingDisciplineCase', type: 'boolean' },
    { name: 'vote_agree', field: 'voteAgree', type: 'int' },
    { name: 'vote_total', field: 'voteTotal', type: 'int' },
    { name: 'prior_titles', field: 'priorTitles', type: 'text' },
    { name: 'note', field: 'note', type: 'text' },
  ],
};

/** A stored yearly row with its person and unit, as the year's rules and the yearly sheet read it. */
export interface StoredPersonYear extends Omit<PersonYearRecord, 'unitId'> {
  code: string;
  name: string;
  unit: string;
  sex: string | null;
  recruitedOn: string | null;
  version: number;
  updatedAt: string;
}

export async function loadPersonYear(db: Db, orgId: number, year: string): Promise<StoredPersonYear[]> {
  return db.query<StoredPersonYear>(
    `select p.code, p.full_name as name, u.name as unit, y.duty_group as "dutyGroup", p.sex,
       to_char(p.recruited_on, 'YYYY-MM-DD') as "recruitedOn", y.all_tasks_done as "allTasksDone",
       y.exceeded_pct::float8 as "exceededPct", y.late_pct::float8 as "latePct", y.discipline,
       y.pending_discipline_case as "pendingDisciplineCase", y.vote_agree as "voteAgree", y.vote_total as "voteTotal",
       y.prior_titles as "priorTitles", y.note, y.version,
       to_char(y.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt"
     from person_year y ${personOfRow('y', 'p.code, p.full_name, p.sex, p.recruited_on')}
       ${unitOfRow('y', 'u.name')}
     where y.org_id = $1 and y.period = $2
     order by p.code`,
    [orgId, year],
  );
}
