import type { Db } from '../db/database.ts';
import type { VersionedTable } from '../db/versioned-upsert.ts';

export interface StudentRecord {
  className: string;
  code: string | null;
  name: string;
  gpa: number | null;
  conduct: string | null;
  discipline: string | null;
  note: string | null;
}

/** Students (RULES.md §8), scoped by class, keyed by Mã HV or the name's match key. */
export const STUDENT: VersionedTable<{ studentKey: string }, StudentRecord> = {
  table: 'student',
  scope: 'class_key',
  keys: [{ name: 'student_key', field: 'studentKey', type: 'text' }],
  entity: 'student',
  columns: [
    { name: 'class_name', field: 'className', type: 'text', echo: false },
    { name: 'code', field: 'code', type: 'text' },
    { name: 'full_name', field: 'name', type: 'text' },
    { name: 'gpa', field: 'gpa', type: 'numeric' },
    { name: 'conduct', field: 'conduct', type: 'text' },
    { name: 'discipline', field: 'discipline', type: 'text' },
    { name: 'note', field: 'note', type: 'text' },
  ],
};

export interface StoredStudent {
  key: string;
  className: string;
  code: string | null;
  name: string;
  gpa: number | null;
  conduct: 'Tốt' | 'Khá' | 'Trung bình' | 'Yếu' | null;
  discipline: string | null;
  note: string | null;
  version: number;
  updatedAt: string;
}

const UPDATED_AT = `to_char(s.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export async function loadClass(db: Db, orgId: number, classKey: string): Promise<StoredStudent[]> {
  return db.query<StoredStudent>(
    `select s.student_key as key, s.class_name as "className", s.code, s.full_name as name, s.gpa::float8 as gpa,
       s.conduct, s.discipline, s.note, s.version, ${UPDATED_AT} as "updatedAt"
     from student s where s.org_id = $1 and s.class_key = $2
     order by s.student_key collate "C"`,
    [orgId, classKey],
  );
}

/** Each class with its latest spelling, its size, its last change and the year it is counted in (or null). */
export async function listClasses(db: Db, orgId: number): Promise<{ class: string; students: number; updatedAt: string; year: number | null }[]> {
  return db.query(
    `select c.class, c.students, c."updatedAt", cy.year from (
       select s.class_key, (array_agg(s.class_name order by s.updated_at desc))[1] as class, count(*)::int as students,
         max(${UPDATED_AT}) as "updatedAt"
       from student s where s.org_id = $1
       group by s.class_key
     ) c left join class_year cy on cy.org_id = $1 and cy.class_key = c.class_key
     order by c.class collate "C"`,
    [orgId],
  );
}

/** The class's name as first stored, so a differently typed URL never rewrites every student's row. */
export async function storedClassName(db: Db, orgId: number, classKey: string): Promise<string | null> {
  const [row] = await db.query<{ name: string }>(
    `select class_name as name from student where org_id = $1 and class_key = $2 order by updated_at limit 1`,
    [orgId, classKey],
  );
  return row?.name ?? null;
}
