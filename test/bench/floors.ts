import { personRowSchema } from '../../server/contract/person-row.ts';
import { matchKey } from '../../server/contract/text.ts';
import { ensureOrganisation } from '../../server/admin/organisation-repository.ts';
import { ensureUnits, insertPeople, peopleByCode } from '../../server/people/roster-repository.ts';
import { createUser } from '../../server/admin/user-repository.ts';
import type { BenchRow } from './data.ts';
import type { BenchDatabase } from './databases.ts';
import { cpuMeter, nodeCpuMs, serverCpuClock } from './cpu.ts';
import { medians, type Plan } from './measure.ts';

/**
 * Floors: what the same work costs with nothing but the essentials, measured in the same run.
 * - storage: COPY the month rows into person_month (a scratch organisation whose people exist already,
 *   one new period per run) plus one rank() over (partition by …) query reading them back;
 * - parse: JSON.parse of the push body and the contract's zod check of every row.
 */

const COPY_COLUMNS = ['org_id', 'period', 'person_id', 'unit_id', 'duty_group', 'score', 'self_score', 'note', 'version'];

const RANK_QUERY = `select person_id,
    rank() over (partition by unit_id order by score desc nulls last)::int as rank_in_unit,
    rank() over (partition by duty_group order by score desc nulls last)::int as rank_in_group
  from person_month where org_id = $1 and period = $2`;

function copyField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** A period no push uses: one per run so every COPY writes new rows. */
const scratchPeriod = (i: number) => `${2001 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

let scratchCount = 0;

export async function storageFloor(
  bench: BenchDatabase,
  rows: readonly BenchRow[],
  plan: Plan,
): Promise<{ ms: number; cpuMs: number; dbCpuMs: number; runs: number }> {
  const { db } = bench;
  // Setup (not timed): a scratch organisation with the same people and units, so the foreign keys hold.
  const org = await ensureOrganisation(db, `bench-scratch-${++scratchCount}-${rows.length}`, 'Tổ chức nháp');
  const names = [...new Set(rows.map((r) => r.unit))];
  const units = await ensureUnits(db, org.id, names, names.map(matchKey));
  const user = await createUser(db, org.id, 'Người chạy thử', 'admin', []);
  await db.transaction(() =>
    insertPeople(
      db,
      org.id,
      rows.map((r) => ({
        code: r.code,
        name: r.name,
        nameKey: matchKey(r.name),
        unitId: units.get(matchKey(r.unit))!.id,
        dutyGroup: r.dutyGroup,
        title: r.title,
        sex: null,
        recruitedOn: null,
      })),
      user.id,
      null,
    ),
  );
  const ids = new Map((await peopleByCode(db, org.id, rows.map((r) => r.code))).map((p) => [p.code, p.id]));
  const lines = (period: string) =>
    rows
      .map((r) =>
        [org.id, period, ids.get(r.code)!, units.get(matchKey(r.unit))!.id, r.dutyGroup, r.score, r.selfScore, r.note, 1]
          .map(copyField)
          .join('\t'),
      )
      .join('\n') + '\n';

  const cpu = cpuMeter(await serverCpuClock(db));
  const result = await medians(plan, rows.length, async (i) => {
    const period = scratchPeriod(i);
    const text = lines(period); // the client side of COPY: not the database's work
    const cpuBefore = cpu();
    const started = performance.now();
    await bench.copy('person_month', COPY_COLUMNS, text);
    const ranked = await db.query(RANK_QUERY, [org.id, period]);
    const ms = performance.now() - started;
    const cpuAfter = cpu();
    const dbCpuMs = cpuAfter.db - cpuBefore.db;
    const cpuMs = cpuAfter.node - cpuBefore.node + dbCpuMs;
    if (ranked.length !== rows.length) throw new Error(`storage floor read ${ranked.length} rows, wrote ${rows.length}`);
    return { ms, cpuMs, dbCpuMs };
  });
  return { ms: result.ms!, cpuMs: result.cpuMs!, dbCpuMs: result.dbCpuMs!, runs: result.runs };
}

export async function parseFloor(rows: readonly BenchRow[], plan: Plan): Promise<{ ms: number; cpuMs: number; runs: number }> {
  const body = JSON.stringify({ rows });
  const result = await medians(plan, rows.length, async () => {
    const cpu = nodeCpuMs();
    const started = performance.now();
    const parsed = JSON.parse(body) as { rows: unknown[] };
    let ok = 0;
    for (const row of parsed.rows) if (personRowSchema.safeParse(row).success) ok++;
    const ms = performance.now() - started;
    if (ok !== rows.length) throw new Error(`parse floor: ${rows.length - ok} rows failed the contract`);
    return { ms, cpuMs: nodeCpuMs() - cpu };
  });
  return { ms: result.ms!, cpuMs: result.cpuMs!, runs: result.runs };
}
