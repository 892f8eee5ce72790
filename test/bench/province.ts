import { DEFAULT_RULE_SET } from '../../server/contract/rule-set.ts';
import type { Db } from '../../server/db/database.ts';
import { loadPersonMonth } from '../../server/months/month-repository.ts';
import { personMonthView } from '../../server/months/month-view.ts';
import { loadYearData } from '../../server/years/year-inputs.ts';
import { yearResults } from '../../server/years/year-results.ts';
import { cpuMeter, serverCpuClock } from './cpu.ts';
import type { BenchDatabase } from './databases.ts';
import { medians, progress, round, time, withFloor, type Figure, type Plan } from './measure.ts';
import { plannedWork, seqScanned } from './plans.ts';
import { loadProvince, PROVINCE, type ProvinceShape } from './province-data.ts';

/**
 * Province scale: one database holding many organisations of about 100 people each, twelve months of one
 * year, loaded in SQL (province-data.ts). At each step (4, 40, 400 organisations) the same work is timed for
 * a few organisations spread over the ones loaded: one organisation's month recomputed (personMonthView, what
 * every push and pull answers) and its whole year (yearResults, the yearly results page). Each org's cost must
 * not grow with the number of organisations beside it: the figures carry their ratio to the first step.
 * Floors: the bare read of the same rows (the month's, the year's) by the primary key, nothing else; between
 * the two, `readMs` is the repositories' own reads (loadPersonMonth, loadYearData) with their joins, and
 * `seqScans` the tables whose whole the planner chose to read for them at that step (after ANALYZE), and
 * `readRows` the rows those reads' scans examined for the first organisation of the sample (EXPLAIN ANALYZE):
 * unlike the milliseconds on a shared machine, a count that only the plan and the data change.
 */

export interface ProvinceSize {
  /** Organisations in the database at each measured step, growing. */
  steps: number[];
  peoplePerOrg: number;
}

/**
 * The full province on both databases: PGlite (one WebAssembly process, in memory) holds it too, in about 25 s
 * of loading and 0.9 GB of memory on this 2-core machine, so it is not scaled down.
 */
export function provinceSize(tiny: boolean): ProvinceSize {
  return { steps: tiny ? [1, 4] : [4, 40, 400], peoplePerOrg: PROVINCE.peoplePerOrg };
}

const MONTH_FLOOR = `select person_id, unit_id, score from person_month where org_id = $1 and period = $2`;
const YEAR_FLOOR = `select person_id, period, unit_id, score from person_month
  where org_id = $1 and period between $2 || '-01' and $2 || '-12'`;

/** `n` organisations spread evenly over the loaded ones (first and last included). */
function spread(ids: readonly number[], n: number): number[] {
  if (ids.length <= n) return [...ids];
  return Array.from({ length: n }, (_, i) => ids[Math.round((i * (ids.length - 1)) / (n - 1))]!);
}

/** Tables that grow with the province (person_year stays empty here: its scan is not a finding). */
const PROVINCE_TABLES = new Set(['person_month', 'person', 'unit', 'unit_month']);

async function count(db: Db, table: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row?.n ?? 0;
}

export async function provinceCases(bench: BenchDatabase, size: ProvinceSize, plan: Plan): Promise<Figure[]> {
  const { db, kind } = bench;
  const shape: ProvinceShape = { ...PROVINCE, slug: `province-${process.pid}`, peoplePerOrg: size.peoplePerOrg };
  const month = `${shape.year}-06`;
  const cpu = cpuMeter(await serverCpuClock(db));
  const figures: Figure[] = [];
  const orgIds: number[] = [];
  const first: Record<string, number> = {};
  for (const orgs of size.steps) {
    const adding = orgs - orgIds.length;
    progress(`province (${kind}): loading ${adding} organisations to ${orgs}`);
    const loaded = await time(async () => {
      const batch = await loadProvince(db, shape, orgIds.length + 1, adding);
      await db.query('analyze');
      return batch;
    });
    orgIds.push(...loaded.value.orgIds);
    const total = await count(db, 'person_month');
    figures.push({
      name: 'province load',
      rows: loaded.value.personMonthRows,
      database: kind,
      ms: round(loaded.ms),
      orgs,
      rowsPerS: Math.round(loaded.value.personMonthRows / (loaded.ms / 1000)),
    });

    const sample = spread(orgIds, 4);
    const planned = {
      month: await plannedWork(db, (d) => loadPersonMonth(d, sample[0]!, month)),
      year: await plannedWork(db, (d) => loadYearData(d, sample[0]!, shape.year, DEFAULT_RULE_SET)),
    };
    progress(`province (${kind}): ${orgs} organisations, ${total.toLocaleString('en-US')} person-months: timing orgs ${sample.join(', ')}`);
    const m = await medians(plan, total, async (i) => {
      const org = sample[i % sample.length]!;
      const c0 = cpu();
      const view = await time(() => personMonthView(db, org, month));
      const c1 = cpu();
      const monthFloor = await time(() => db.query(MONTH_FLOOR, [org, month]));
      const c2 = cpu();
      const year = await time(() => yearResults(db, org, shape.year));
      const c3 = cpu();
      const yearFloor = await time(() => db.query(YEAR_FLOOR, [org, shape.year]));
      const monthRead = await time(() => loadPersonMonth(db, org, month));
      const yearRead = await time(() => loadYearData(db, org, shape.year, DEFAULT_RULE_SET));
      if (view.value.rows.length !== shape.peoplePerOrg || monthFloor.value.length !== shape.peoplePerOrg) {
        throw new Error(`province month of org ${org}: ${view.value.rows.length} rows, floor ${monthFloor.value.length}`);
      }
      if (year.value.people.length !== shape.peoplePerOrg || yearFloor.value.length !== shape.peoplePerOrg * shape.months) {
        throw new Error(`province year of org ${org}: ${year.value.people.length} people, floor ${yearFloor.value.length} rows`);
      }
      return {
        month: view.ms,
        'month cpu': c1.node - c0.node + c1.db - c0.db,
        'month floor': monthFloor.ms,
        year: year.ms,
        'year cpu': c3.node - c2.node + c3.db - c2.db,
        'year floor': yearFloor.ms,
        'month read': monthRead.ms,
        'year read': yearRead.ms,
      };
    });
    for (const what of ['month', 'year'] as const) {
      const ms = m[what]!;
      first[what] ??= ms;
      figures.push(
        withFloor(
          {
            name: `province ${what}`,
            rows: total,
            database: kind,
            ms: round(ms),
            cpuMs: round(m[`${what} cpu`]!),
            runs: m.runs,
            readMs: round(m[`${what} read`]!),
            seqScans: seqScanned(planned[what].scans, PROVINCE_TABLES).join(', ') || 'none',
            readRows: planned[what].rows,
            orgs,
            peoplePerOrg: shape.peoplePerOrg,
            vsFirst: Math.round((ms / first[what]!) * 100) / 100,
            firstOrgs: size.steps[0],
          },
          m[`${what} floor`],
        ),
      );
    }
  }
  return figures;
}
