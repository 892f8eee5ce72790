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
