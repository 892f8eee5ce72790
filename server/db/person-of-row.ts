/**
 * The person of each row of a table keyed by person (`person_month`, `person_year`), looked up by primary key.
 * A plain join let the planner, with statistics older than the rows (right after a first bulk sync, before
 * autovacuum's ANALYZE), take the rows for one and scan the organisation's people once per row: 5,000 rows
 * 3.7 s, 50,000 rows 14 minutes. `offset 0` keeps the subquery from being merged into a join the planner may
 * reorder; with sound statistics it costs the same as the hash join (5,000 rows 9.7 vs 8.8 ms), with stale ones
 * 30 ms instead of 3.7 s. test/server/db/stale-statistics.test.ts checks the plans.
 */
export const personOfRow = (row: string, fields: string) =>
  `cross join lateral (select ${fields} from person p where p.id = ${row}.person_id and p.org_id = ${row}.org_id offset 0) p`;

/**
 * The unit of each row of a table keyed by unit or carrying one (`unit_id`), looked up by primary key for the
 * same reason: with stale statistics a plain join scanned the organisation's units by (org_id, name_key) once
 * per row (a 5,000-row month, 1,000 units: 554 ms instead of 62 ms; 50,000 rows 4.6 s instead of 0.29 s). On a
 * unit table of a few pages the database may still read it whole per row; it turns to the key as the table grows.
 */
export const unitOfRow = (row: string, fields: string) =>
  `cross join lateral (select ${fields} from unit u where u.id = ${row}.unit_id and u.org_id = ${row}.org_id offset 0) u`;

/** The same for a row whose unit may be missing (a person not yet in one): its unit's fields are then null. */
export const optionalUnitOfRow = (row: string, fields: string) =>
  `left join lateral (select ${fields} from unit u where u.id = ${row}.unit_id and u.org_id = ${row}.org_id offset 0) u on true`;
