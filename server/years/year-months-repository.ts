import type { Db } from '../db/database.ts';
import { personOfRow, unitOfRow } from '../db/person-of-row.ts';
import type { TaskRecord } from '../months/task-repository.ts';

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
  /** The typed parts and gates that a month's task rows complete (RULES.md §10). */
  general: number | null;
  results: number | null;
  allTasksDone: boolean | null;
  exceededPct: number | null;
  latePct: number | null;
  leaderOrganisePct: number | null;
  leaderOtherPct: number | null;
  leave: 'maternity' | 'absent' | null;
  discipline: string | null;
}

/** One task row of a month of the year, with whose it is. */
export interface StoredTaskOfYear extends TaskRecord {
  code: string;
  month: number;
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
       m.score::float8 as score, m.general::float8 as general, m.results::float8 as results,
       m.all_tasks_done as "allTasksDone", m.exceeded_pct::float8 as "exceededPct", m.late_pct::float8 as "latePct",
       m.leader_organise_pct::float8 as "leaderOrganisePct", m.leader_other_pct::float8 as "leaderOtherPct", m.leave, m.discipline
     from person_month m ${personOfRow('m', 'p.code, p.full_name, p.sex, p.recruited_on')}
       ${unitOfRow('m', 'u.name')}
     where ${YEAR_RANGE}
     order by p.code, m.period`,
    [orgId, year],
  );
}

/**
 * The year's task rows in one read over the task key's (org_id, period) prefix, person by primary key, so the
 * year rates a month scored through its tasks as the month does. Ordered as loadTasks orders a month's.
 */
export async function loadTasksOfYear(db: Db, orgId: number, year: string): Promise<StoredTaskOfYear[]> {
  return db.query<StoredTaskOfYear>(
    `select p.code, substr(t.period, 6, 2)::int as month,
       t.task_ref as "taskRef", t.task_name as "taskName", t.source, t.role, t.k::float8 as k, t.g, t.h,
       to_char(t.due_on, 'YYYY-MM-DD') as "dueOn", to_char(t.done_on, 'YYYY-MM-DD') as "doneOn",
       t.q_fails as "qFails", t.d_fails as "dFails", t.exceeded, t.objective, t.confirmed_by as "confirmedBy", t.note
     from task t ${personOfRow('t', 'p.code')}
     where t.org_id = $1 and t.period between $2 || '-01' and $2 || '-12'
     order by p.code collate "C", t.period, t.task_key collate "C"`,
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
