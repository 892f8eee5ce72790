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
 * - storage: COPY the month rows into a table shaped like person_month with its keys to person and unit (as
 *   person_month was when this floor was defined: one FK trigger call per row and key), in a scratch
 *   organisation whose people exist already, one new period per run, plus one rank() over (partition by …)
 *   query reading them back;
 * - bare write: the same COPY and rank() into the same shape without the foreign keys (no trigger at all);
 * - typed audit: the storage floor plus a COPY of one typed audit row per change (who, when, what, the written
 *   values as typed columns) into an audit table with an index like the audit log's;
 * - parse: JSON.parse of the push body and the contract's zod check of every row.
 * Each run times the three storage floors one after the other in a rotating order, so load hits them alike.
 */

const COPY_COLUMNS = ['org_id', 'period', 'person_id', 'unit_id', 'duty_group', 'score', 'self_score', 'note', 'version'];
const AUDIT_COLUMNS = ['org_id', 'actor', 'push_key', 'entity', 'entity_key', 'period', 'action', ...COPY_COLUMNS.slice(2)];

/** The floors' own tables, created once per bench database (never by a migration: they stay as defined). */
const FLOOR_TABLES = `
  create table if not exists bench_floor_month (like person_month including all);
  create table if not exists bench_bare_month (like person_month including all);
  create table if not exists bench_typed_audit (
    id bigserial primary key, org_id int not null, at timestamptz not null default now(), actor int, push_key text,
    entity text not null, entity_key text not null, period text, action text not null,
    person_id int, unit_id int, duty_group text, score numeric(4,1), self_score numeric(4,1), note text, version int
  );
  create index if not exists bench_typed_audit_entity_idx on bench_typed_audit (org_id, entity_key);
  do $$ begin
    if not exists (select 1 from pg_constraint where conname = 'bench_floor_month_person_fk') then
      alter table bench_floor_month add constraint bench_floor_month_person_fk foreign key (person_id) references person(id);
      alter table bench_floor_month add constraint bench_floor_month_unit_fk foreign key (unit_id) references unit(id);
    end if;
  end $$`;

const rankQuery = (table: string) => `select person_id,
    rank() over (partition by unit_id order by score desc nulls last)::int as rank_in_unit,
    rank() over (partition by duty_group order by score desc nulls last)::int as rank_in_group
  from ${table} where org_id = $1 and period = $2`;

function copyField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** A period no push uses: one per run so every COPY writes new rows. */
const scratchPeriod = (i: number) => `${2001 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

let scratchCount = 0;

export interface FloorFigure {
  ms: number;
  cpuMs: number;
  dbCpuMs: number;
}

export interface StorageFloors {
  /** COPY with the person and unit keys + rank(): the floor every push ratio reads against. */
  storage: FloorFigure;
  /** The same COPY with no foreign key trigger + rank(). */
  bare: FloorFigure;
  /** The storage floor + a typed audit row per change, COPY'd. */
  typedAudit: FloorFigure;
  runs: number;
}

export async function storageFloor(bench: BenchDatabase, rows: readonly BenchRow[], plan: Plan): Promise<StorageFloors> {
  const { db } = bench;
  // Setup (not timed): a scratch organisation with the same people and units, so the foreign keys hold.
  await db.exec(FLOOR_TABLES);
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
  const values = (r: BenchRow, period: string) => [org.id, period, ids.get(r.code)!, units.get(matchKey(r.unit))!.id, r.dutyGroup, r.score, r.selfScore, r.note, 1];
  const lines = (period: string) => rows.map((r) => values(r, period).map(copyField).join('\t')).join('\n') + '\n';
  const auditLines = (period: string) =>
    rows
      .map((r) => [org.id, user.id, 'bench-push', 'person_month', r.code, period, 'insert', ...values(r, period).slice(2)].map(copyField).join('\t'))
      .join('\n') + '\n';

  const variants = {
    storage: async (period: string, text: { rows: string; audit: string }) => {
      await bench.copy('bench_floor_month', COPY_COLUMNS, text.rows);
      return db.query(rankQuery('bench_floor_month'), [org.id, period]);
    },
    bare: async (period: string, text: { rows: string; audit: string }) => {
      await bench.copy('bench_bare_month', COPY_COLUMNS, text.rows);
      return db.query(rankQuery('bench_bare_month'), [org.id, period]);
    },
    typedAudit: async (period: string, text: { rows: string; audit: string }) => {
      // The audit's own period, so this variant writes fresh month rows too (a new period per run and table).
      await bench.copy('bench_floor_month', COPY_COLUMNS, text.rows);
      await bench.copy('bench_typed_audit', AUDIT_COLUMNS, text.audit);
      return db.query(rankQuery('bench_floor_month'), [org.id, period]);
    },
  };
  const order = Object.keys(variants) as (keyof typeof variants)[];
  const cpu = cpuMeter(await serverCpuClock(db));
  const result = await medians(plan, rows.length, async (i) => {
    const timings: Record<string, number> = {};
    for (let k = 0; k < order.length; k++) {
      const name = order[(i + k) % order.length]!;
      // storage and typedAudit share bench_floor_month: each its own periods (even and odd scratch periods).
      const period = scratchPeriod(name === 'typedAudit' ? 2 * i + 1 : 2 * i);
      const text = { rows: lines(period), audit: auditLines(period) }; // the client side of COPY: not the database's work
      const cpuBefore = cpu();
      const started = performance.now();
      const ranked = await variants[name](period, text);
      const ms = performance.now() - started;
      const cpuAfter = cpu();
      if (ranked.length !== rows.length) throw new Error(`${name} floor read ${ranked.length} rows, wrote ${rows.length}`);
      const dbCpuMs = cpuAfter.db - cpuBefore.db;
      timings[name] = ms;
      timings[`${name} cpu`] = cpuAfter.node - cpuBefore.node + dbCpuMs;
      timings[`${name} db cpu`] = dbCpuMs;
    }
    return timings;
  });
  const figure = (name: string): FloorFigure => ({ ms: result[name]!, cpuMs: result[`${name} cpu`]!, dbCpuMs: result[`${name} db cpu`]! });
  return { storage: figure('storage'), bare: figure('bare'), typedAudit: figure('typedAudit'), runs: result.runs };
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
