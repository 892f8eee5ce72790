import type { Db } from '../db/database.ts';
import { personOfRow } from '../db/person-of-row.ts';
import type { VersionedTable } from '../db/versioned-upsert.ts';

export interface TaskKey {
  personId: number;
  /** `ref:` and the Mã nhiệm vụ's match key, or `name:` and the task name's (research §3.3 TASK-1). */
  taskKey: string;
}

/** A task row as stored: the contract's fields, blanks as null. */
export interface TaskRecord {
  taskRef: string | null;
  taskName: string;
  source: string;
  role: string;
  k: number;
  g: number | null;
  h: number | null;
  dueOn: string | null;
  doneOn: string | null;
  qFails: number | null;
  dFails: number | null;
  exceeded: boolean | null;
  objective: boolean | null;
  confirmedBy: string | null;
  note: string | null;
}

/** The tasks of a month (RULES.md §10), one per person and task key. */
export const TASK: VersionedTable<TaskKey, TaskRecord> = {
  table: 'task',
  scope: 'period',
  keys: [
    { name: 'person_id', field: 'personId', type: 'int' },
    { name: 'task_key', field: 'taskKey', type: 'text', echo: false },
  ],
  entity: 'task',
  references: [{ column: 'person_id', table: 'person' }],
  columns: [
    { name: 'task_ref', field: 'taskRef', type: 'text' },
    { name: 'task_name', field: 'taskName', type: 'text' },
    { name: 'source', field: 'source', type: 'text' },
    { name: 'role', field: 'role', type: 'text' },
    { name: 'k', field: 'k', type: 'numeric' },
    { name: 'g', field: 'g', type: 'int' },
    { name: 'h', field: 'h', type: 'int' },
    { name: 'due_on', field: 'dueOn', type: 'date' },
    { name: 'done_on', field: 'doneOn', type: 'date' },
    { name: 'q_fails', field: 'qFails', type: 'int' },
    { name: 'd_fails', field: 'dFails', type: 'int' },
    { name: 'exceeded', field: 'exceeded', type: 'boolean' },
    { name: 'objective', field: 'objective', type: 'boolean' },
    { name: 'confirmed_by', field: 'confirmedBy', type: 'text' },
    { name: 'note', field: 'note', type: 'text' },
  ],
};

export interface StoredTask extends TaskRecord {
  code: string;
  name: string;
  unit: string;
  version: number;
  updatedAt: string;
}

/**
 * A month's task rows with their person; numbers cast in SQL so both adapters agree. The person's unit is
 * the one of their month row when they have one, else their own.
 */
export async function loadTasks(db: Db, orgId: number, period: string): Promise<StoredTask[]> {
  return db.query<StoredTask>(
    `select p.code, p.full_name as name, coalesce(u.name, '') as unit,
       t.task_ref as "taskRef", t.task_name as "taskName", t.source, t.role, t.k::float8 as k, t.g, t.h,
       to_char(t.due_on, 'YYYY-MM-DD') as "dueOn", to_char(t.done_on, 'YYYY-MM-DD') as "doneOn",
       t.q_fails as "qFails", t.d_fails as "dFails", t.exceeded, t.objective, t.confirmed_by as "confirmedBy", t.note,
       t.version, to_char(t.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt"
     from task t ${personOfRow('t', 'p.code, p.full_name, p.unit_id')}
     left join lateral (select name from unit u where u.id = p.unit_id and u.org_id = t.org_id offset 0) u on true
     where t.org_id = $1 and t.period = $2
     order by p.code collate "C", t.task_key collate "C"`,
    [orgId, period],
  );
}
