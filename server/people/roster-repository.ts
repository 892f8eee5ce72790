import type { Db } from '../db/database.ts';
import { optionalUnitOfRow } from '../db/person-of-row.ts';

export interface UnitRecord {
  id: number;
  name: string;
  nameKey: string;
}

export interface PersonRecord {
  id: number;
  code: string;
  name: string;
  nameKey: string;
  unitId: number | null;
  unit: string | null;
  dutyGroup: string | null;
  title: string | null;
  sex: string | null;
  recruitedOn: string | null;
}

/** Creates the units that do not exist yet (one statement) and returns every named unit's id. */
export async function ensureUnits(db: Db, orgId: number, names: string[], keys: string[]): Promise<Map<string, UnitRecord>> {
  await db.query(
    // Sorted, so two transactions creating the same units take their locks in one order (no deadlock).
    `insert into unit (org_id, name, name_key)
     select $1, n, k from unnest($2::text[], $3::text[]) as t(n, k) order by k
     on conflict (org_id, name_key) do nothing`,
    [orgId, names, keys],
  );
  return unitsByKey(db, orgId, keys);
}

export async function unitsByKey(db: Db, orgId: number, keys: string[]): Promise<Map<string, UnitRecord>> {
  const rows = await db.query<UnitRecord>(
    `select id, name, name_key as "nameKey" from unit where org_id = $1 and name_key = any($2::text[])`,
    [orgId, keys],
  );
  return new Map(rows.map((u) => [u.nameKey, u]));
}

export async function listUnits(db: Db, orgId: number): Promise<UnitRecord[]> {
  return db.query<UnitRecord>(`select id, name, name_key as "nameKey" from unit where org_id = $1 order by name`, [orgId]);
}

// By the unit's primary key: a plain join, with statistics older than the organisation's units, compared every
// person with every unit on PGlite (5,000 people and 1,000 units: 300–400 ms instead of 90–110).
const UNIT_OF_PERSON = optionalUnitOfRow('p', 'u.name');

const PERSON_COLUMNS = `p.id, p.code, p.full_name as name, p.name_key as "nameKey", p.unit_id as "unitId", u.name as unit,
  p.duty_group as "dutyGroup", p.title, p.sex, to_char(p.recruited_on, 'YYYY-MM-DD') as "recruitedOn"`;

export async function listPeople(db: Db, orgId: number): Promise<PersonRecord[]> {
  return db.query<PersonRecord>(
    `select ${PERSON_COLUMNS} from person p ${UNIT_OF_PERSON} where p.org_id = $1 order by p.code`,
    [orgId],
  );
}

export async function peopleByCode(db: Db, orgId: number, codes: string[]): Promise<PersonRecord[]> {
  return db.query<PersonRecord>(
    `select ${PERSON_COLUMNS} from person p ${UNIT_OF_PERSON}
     where p.org_id = $1 and p.code = any($2::text[])`,
    [orgId, codes],
  );
}

export async function peopleByNameKey(db: Db, orgId: number, nameKeys: string[]): Promise<PersonRecord[]> {
  return db.query<PersonRecord>(
    `select ${PERSON_COLUMNS} from person p ${UNIT_OF_PERSON}
     where p.org_id = $1 and p.name_key = any($2::text[])`,
    [orgId, nameKeys],
  );
}

/** A person's fields as the unnest arrays of the insert and the update take them, after the key. */
function personArrays(people: readonly NewPerson[]): unknown[][] {
  return [
    people.map((p) => p.name),
    people.map((p) => p.nameKey),
    people.map((p) => p.unitId),
    people.map((p) => p.dutyGroup),
    people.map((p) => p.title),
    people.map((p) => p.sex),
    people.map((p) => p.recruitedOn),
  ];
}

export interface NewPerson {
  code: string;
  name: string;
  nameKey: string;
  unitId: number;
  dutyGroup: string | null;
  title: string | null;
  sex: string | null;
  recruitedOn: string | null;
}

/**
 * Inserts people that do not exist yet, with their audit, in one statement, and returns the records it
 * created. A code another transaction created meanwhile is skipped (left to `updatePeople`) and not returned.
 */
export async function insertPeople(db: Db, orgId: number, people: NewPerson[], actor: number, pushKey: string | null): Promise<PersonRecord[]> {
  if (people.length === 0) return [];
  return db.query<PersonRecord>(
    `with ins as (
       insert into person (org_id, code, full_name, name_key, unit_id, duty_group, title, sex, recruited_on)
       select $1, code, name, name_key, unit_id, duty_group, title, sex, recruited_on
       from unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::date[])
         as t(code, name, name_key, unit_id, duty_group, title, sex, recruited_on)
       order by code
       on conflict (org_id, code) do nothing
       returning id, org_id, code, full_name, name_key, unit_id, duty_group, title, sex, recruited_on
     ),
     aud as (
       insert into audit (org_id, actor, push_key, entity, entity_key, action, new_values)
       select $1, $10, $11, 'person', code, 'insert',
         jsonb_build_object('name', full_name, 'unitId', unit_id, 'dutyGroup', duty_group, 'title', title)
           -- a person a rater created is flagged for the council (README "Who may add people")
           || case when (select role from app_user where id = $10) = 'rater' then jsonb_build_object('flag', 'mới') else '{}'::jsonb end
       from ins
     )
     select ${PERSON_COLUMNS} from ins p ${UNIT_OF_PERSON}`,
    [
      orgId,
      people.map((p) => p.code),
      ...personArrays(people),
      actor,
      pushKey,
    ],
  );
}

/** Whether a row would change a stored person (the update's own rule: blank optional fields keep what is stored). */
export function changesPerson(stored: PersonRecord, next: NewPerson): boolean {
  return (
    stored.name !== next.name ||
    stored.unitId !== next.unitId ||
    stored.dutyGroup !== next.dutyGroup ||
    (next.title !== null && stored.title !== next.title) ||
    (next.sex !== null && stored.sex !== next.sex) ||
    (next.recruitedOn !== null && stored.recruitedOn !== next.recruitedOn)
  );
}

/**
 * Brings people's current name, unit, group and title up to the accepted rows; blank optional fields keep what
 * is stored. People whose stored record (`stored`, when the caller has it) already says the same are skipped:
 * most pushes change scores, not people, and then this costs no statement at all.
 */
export async function updatePeople(
  db: Db,
  orgId: number,
  rows: (NewPerson & { id: number; stored?: PersonRecord })[],
  actor: number,
  pushKey: string | null,
): Promise<void> {
  const people = rows.filter((p) => !p.stored || changesPerson(p.stored, p));
  if (people.length === 0) return;
  // Pushes of different months may update the same people: locking them in id order first keeps two such
  // transactions from deadlocking. "no key update" leaves the month rows' foreign-key checks unblocked.
  await db.query(`select 1 from person where org_id = $1 and id = any($2::int[]) order by id for no key update`, [
    orgId,
    people.map((p) => p.id),
  ]);
  await db.query(
    `with input as (
       select * from unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::date[])
         as t(id, name, name_key, unit_id, duty_group, title, sex, recruited_on)
     ),
     old as (
       select p.* from person p join input i on i.id = p.id where p.org_id = $1
     ),
     upd as (
       update person p set full_name = i.name, name_key = i.name_key, unit_id = i.unit_id, duty_group = i.duty_group,
         title = coalesce(i.title, p.title), sex = coalesce(i.sex, p.sex),
         recruited_on = coalesce(i.recruited_on, p.recruited_on), updated_at = now()
       from input i
       where p.id = i.id and p.org_id = $1
         and (p.full_name, p.unit_id, p.duty_group, p.title, p.sex, p.recruited_on) is distinct from
             (i.name, i.unit_id, i.duty_group, coalesce(i.title, p.title), coalesce(i.sex, p.sex), coalesce(i.recruited_on, p.recruited_on))
       returning p.id, p.code, p.full_name, p.unit_id, p.duty_group, p.title, p.sex, p.recruited_on
     )
     insert into audit (org_id, actor, push_key, entity, entity_key, action, old_values, new_values)
     select $1, $10, $11, 'person', u.code, 'update',
       jsonb_build_object('name', o.full_name, 'unitId', o.unit_id, 'dutyGroup', o.duty_group, 'title', o.title, 'sex', o.sex, 'recruitedOn', o.recruited_on),
       jsonb_build_object('name', u.full_name, 'unitId', u.unit_id, 'dutyGroup', u.duty_group, 'title', u.title, 'sex', u.sex, 'recruitedOn', u.recruited_on)
     from upd u join old o on o.id = u.id`,
    [
      orgId,
      people.map((p) => p.id),
      ...personArrays(people),
      actor,
      pushKey,
    ],
  );
}

/** Reserves `count` numbers for codes of people created without a staff code (the organisation's counter). */
export async function reserveCodes(db: Db, orgId: number, count: number): Promise<number> {
  const [row] = await db.query<{ first: number }>(
    `update organisation set next_code = next_code + $2 where id = $1 returning (next_code - $2)::int as first`,
    [orgId, count],
  );
  return row!.first;
}
