import type { Db } from '../db/database.ts';

/** Ties a class to the year its students are counted in (DOC-7); a later call moves it. */
export async function setClassYear(db: Db, orgId: number, classKey: string, year: number, actor: number): Promise<void> {
  await db.query(
    `insert into class_year (org_id, class_key, year, updated_by) values ($1, $2, $3, $4)
     on conflict (org_id, class_key) do update set year = excluded.year, updated_at = now(), updated_by = excluded.updated_by`,
    [orgId, classKey, year, actor],
  );
}

/** The classes of a year, by their match key. */
export async function classesOfYear(db: Db, orgId: number, year: number): Promise<string[]> {
  const rows = await db.query<{ classKey: string }>(
    `select class_key as "classKey" from class_year where org_id = $1 and year = $2 order by class_key collate "C"`,
    [orgId, year],
  );
  return rows.map((r) => r.classKey);
}
