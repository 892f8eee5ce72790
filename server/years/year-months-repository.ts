import type { Db } from '../db/database.ts';
import { personOfRow, unitOfRow } from '../db/person-of-row.ts';

/** One stored month of a person within a year, with who the person is; numbers cast in SQL for both adapters. */
export interface StoredPersonMonthOfYear {
  code: string;
  name: string;
  sex: string | null;
  recruitedOn: string | null;
  month: number;
  unit: string;
  dutyGroup: string | null;
  score: number | null;
  leave: 'maternity' | 'absent' | null;
  discipline: string | null;
}

export interface StoredUnitMonthOfYear {
  unit: string;
  month: number;
  score: number | null;
}

// Periods are 'YYYY-MM' text, so one year is a range of the primary key's second column.
const YEAR_RANGE = `m.org_id = $1 and m.period between $2 || '-01' and $2 || '-12'`;

export async function loadPersonMonthsOfYear(db: Db, orgId: number, year: string): Promise<StoredPersonMonthOfYear[]> {
  return db.query<StoredPersonMonthOfYear>(
    `select p.code, p.full_name as name, p.sex, to_char(p.recruited_on, 'YYYY-MM-DD') as "recruitedOn",
       substr(m.period, 6, 2)::int as month, u.name as unit, m.duty_group as "dutyGroup",
       m.score::float8 as score, m.leave, m.discipline
     from person_month m ${personOfRow('m', 'p.code, p.full_name, p.sex, p.recruited_on')}
       ${unitOfRow('m', 'u.name')}
     where ${YEAR_RANGE}
     order by p.code, m.period`,
    [orgId, year],
  );
}

export async function loadUnitMonthsOfYear(db: Db, orgId: number, year: string): Promise<StoredUnitMonthOfYear[]> {
  return db.query<StoredUnitMonthOfYear>(
    `select u.name as unit, substr(m.period, 6, 2)::int as month, m.score::float8 as score
     from unit_month m ${unitOfRow('m', 'u.name')}
     where ${YEAR_RANGE}
     order by u.name, m.period`,
    [orgId, year],
  );
}

/** Units with a member disciplined in the year: in a month while in that unit, or on the yearly sheet. */
export async function loadDisciplinedUnits(db: Db, orgId: number, year: string): Promise<string[]> {
  const rows = await db.query<{ unit: string }>(
    `select distinct u.name as unit from unit u
     where u.org_id = $1 and (
       exists (select 1 from person_month m where ${YEAR_RANGE} and m.unit_id = u.id and m.discipline is not null)
       or exists (select 1 from person_year y where y.org_id = $1 and y.period = $2 and y.unit_id = u.id and y.discipline is not null))`,
    [orgId, year],
  );
  return rows.map((r) => r.unit);
}
