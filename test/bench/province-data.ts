import { DEFAULT_RULE_SET } from '../../server/contract/rule-set.ts';
import { matchKey } from '../../server/contract/text.ts';
import type { Db } from '../../server/db/database.ts';
import { FAMILY, GIVEN, MIDDLE, UNITS } from './data.ts';

/**
 * A province in one database, loaded straight in SQL (generate_series, one INSERT … SELECT per table and batch
 * of organisations), not through the API: organisations with their rule set, units, people, the twelve months
 * of person_month and unit_month of one year, and optionally one audit row per month row (what a push writes).
 * Deterministic: the same shape gives the same rows. Used by the province benchmark (province.ts) and by the
 * query-plan test (test/server/db/query-plans.test.ts).
 */
export interface ProvinceShape {
  /** A unique prefix for the organisations' slugs. */
  slug: string;
  peoplePerOrg: number;
  /** At most UNITS.length (10). */
  unitsPerOrg: number;
  year: string;
  /** Months 1..months of `year`. */
  months: number;
  /** One audit row per person-month row, as the push that stored it would have written. */
  audit: boolean;
}

export const PROVINCE: Omit<ProvinceShape, 'slug'> = { peoplePerOrg: 100, unitsPerOrg: 10, year: '2021', months: 12, audit: false };

/** Every name the generator can give (15 × 10 × 15 = 2,250) and its match key, as the service computes it. */
const NAMES = FAMILY.flatMap((f) => MIDDLE.flatMap((m) => GIVEN.map((g) => `${f} ${m} ${g}`)));
const NAME_KEYS = NAMES.map(matchKey);

/** Person i of organisation o: the index of the name, as the SQL below computes it (1-based in SQL). */
export function provinceName(orgId: number, i: number): { name: string; nameKey: string; code: string } {
  const n = (i * 7 + orgId * 13) % NAMES.length;
  return { name: NAMES[n]!, nameKey: NAME_KEYS[n]!, code: provinceCode(i) };
}

export const provinceCode = (i: number) => `CB${String(i).padStart(6, '0')}`;

/** Organisations per INSERT: bounds one statement's memory (PGlite's WebAssembly heap especially). */
const BATCH = 50;

export interface LoadedBatch {
  orgIds: number[];
  personMonthRows: number;
}

/**
 * Adds `count` organisations numbered from `first` (slug `${slug}-${n}`) with their people and year.
 * Rows go in period order within each batch of organisations, as pushes of one month after another would.
 * Does not ANALYZE: the caller does, once, after the last batch.
 */
export async function loadProvince(db: Db, shape: ProvinceShape, first: number, count: number): Promise<LoadedBatch> {
  const orgIds: number[] = [];
  let personMonthRows = 0;
  for (let start = first; start < first + count; start += BATCH) {
    const end = Math.min(first + count, start + BATCH) - 1;
    const ids = await db.transaction(() => loadBatch(db, shape, start, end));
    orgIds.push(...ids);
    personMonthRows += ids.length * shape.peoplePerOrg * shape.months;
  }
  return { orgIds, personMonthRows };
}

async function loadBatch(db: Db, shape: ProvinceShape, first: number, last: number): Promise<number[]> {
  const created = await db.query<{ id: number }>(
    `insert into organisation (slug, name)
     select $1 || '-' || n, 'Tổ chức thử ' || n from generate_series($2::int, $3::int) n order by n
     returning id`,
    [shape.slug, first, last],
  );
  const ids = created.map((r) => r.id).sort((a, b) => a - b);
  await db.query(`insert into rule_set (org_id, version, body) select id, 1, $2::text::jsonb from unnest($1::int[]) id`, [
    ids,
    JSON.stringify(DEFAULT_RULE_SET),
  ]);
  const units = UNITS.slice(0, shape.unitsPerOrg);
  await db.query(
    `insert into unit (org_id, name, name_key)
     select o, n, k from unnest($1::int[]) o cross join unnest($2::text[], $3::text[]) as u(n, k) order by o, k`,
    [ids, units, units.map(matchKey)],
  );
  // Person i of an organisation sits in unit i mod units; one in ten leads, the rest teach or serve.
  await db.query(
    `insert into person (org_id, code, full_name, name_key, unit_id, duty_group, title, sex, recruited_on)
     select o, 'CB' || lpad(i::text, 6, '0'),
       ($3::text[])[1 + (i * 7 + o * 13) % $5], ($4::text[])[1 + (i * 7 + o * 13) % $5], u.id,
       g.duty_group, g.title, case when i % 2 = 0 then 'nữ' else 'nam' end,
       date '2005-01-01' + ((i * 97) % 5000)
     from unnest($1::int[]) o
       cross join generate_series(1, $2::int) i
       cross join lateral (select case when (i * 37 + o) % 20 < 2 then 'Lãnh đạo' when (i * 37 + o) % 20 < 11 then 'Giảng viên'
                                  else 'Chuyên viên' end as duty_group) d
       cross join lateral (select d.duty_group,
                             case d.duty_group when 'Lãnh đạo' then 'Trưởng phòng' when 'Giảng viên' then 'Giảng viên'
                               else 'Chuyên viên' end as title) g
       join unit u on u.org_id = o and u.name_key = ($6::text[])[1 + i % $7]
     order by o, i`,
    [ids, shape.peoplePerOrg, NAMES, NAME_KEYS, NAMES.length, units.map(matchKey), units.length],
  );
  // Scores 50.0–100.0 in tenths; about one month in a thousand disciplined, one in two hundred away.
  await db.query(
    `insert into person_month (org_id, period, person_id, unit_id, duty_group, score, self_score, discipline, leave, version)
     select p.org_id, $2 || '-' || lpad(mo::text, 2, '0'), p.id, p.unit_id, p.duty_group,
       (500 + (p.id * 7919 + mo * 104729) % 501) / 10.0,
       least(1000, 500 + (p.id * 7919 + mo * 104729) % 501 + (p.id + mo) % 80) / 10.0,
       case when (p.id * 31 + mo) % 997 = 0 then 'khiển trách' end,
       case when (p.id * 17 + mo) % 401 = 0 then 'absent' when (p.id * 13 + mo) % 409 = 0 then 'maternity' end,
       1
     from generate_series(1, $3::int) mo cross join person p
     where p.org_id = any($1::int[])
     order by mo, p.org_id, p.id`,
    [ids, shape.year, shape.months],
  );
  await db.query(
    `insert into unit_month (org_id, period, unit_id, score, self_score, version)
     select u.org_id, $2 || '-' || lpad(mo::text, 2, '0'), u.id, (700 + (u.id * 131 + mo * 17) % 301) / 10.0,
       (700 + (u.id * 131 + mo * 17) % 301) / 10.0, 1
     from generate_series(1, $3::int) mo cross join unit u
     where u.org_id = any($1::int[])
     order by mo, u.org_id, u.id`,
    [ids, shape.year, shape.months],
  );
  if (shape.audit) {
    await db.query(
      `insert into audit (org_id, actor, push_key, entity, entity_key, period, action, new_values)
       select m.org_id, null, 'province-load', 'person_month', p.code, m.period, 'insert',
         jsonb_build_object('score', m.score, 'selfScore', m.self_score, 'dutyGroup', m.duty_group, 'version', m.version)
       from person_month m join person p on p.id = m.person_id
       where m.org_id = any($1::int[])
       order by m.period, m.org_id, p.code`,
      [ids],
    );
  }
  return ids;
}
