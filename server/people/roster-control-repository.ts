import type { Db } from '../db/database.ts';

export async function ratersCreatePeople(db: Db, orgId: number): Promise<boolean> {
  const [row] = await db.query<{ allowed: boolean }>(`select raters_create_people as allowed from organisation where id = $1`, [orgId]);
  return row?.allowed ?? true;
}

export async function setRatersCreatePeople(db: Db, orgId: number, allowed: boolean): Promise<void> {
  await db.query(`update organisation set raters_create_people = $2 where id = $1`, [orgId, allowed]);
}

export interface NewPersonOfMonth {
  code: string;
  name: string;
  unit: string | null;
}

/**
 * People a rater created whose first month is `period`: flagged "mới" in the month summary, for the council
 * to check that no one was invented to move the organisation-wide quota.
 */
export async function newPeopleOfMonth(db: Db, orgId: number, period: string): Promise<NewPersonOfMonth[]> {
  return db.query<NewPersonOfMonth>(
    `select p.code, p.full_name as name, u.name as unit
     from person p
     left join unit u on u.id = p.unit_id
     where p.org_id = $1
       and exists (select 1 from person_month m where m.org_id = $1 and m.person_id = p.id and m.period = $2)
       and not exists (select 1 from person_month m where m.org_id = $1 and m.person_id = p.id and m.period < $2)
       and exists (select 1 from audit a join app_user w on w.id = a.actor
                   where a.org_id = $1 and a.entity = 'person' and a.entity_key = p.code and a.action = 'insert' and w.role = 'rater')
     order by p.code`,
    [orgId, period],
  );
}
