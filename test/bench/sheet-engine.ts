import type { RowResult } from '../../server/contract/push.ts';
import type { ComputedPerson } from '../../server/contract/results.ts';
import { DEFAULT_RULE_SET } from '../../server/contract/rule-set.ts';
import type { StoredPersonMonth } from '../../server/months/month-repository.ts';
import { personMonthInput, personMonthRow } from '../../server/months/month-view.ts';
import { classifyMonth } from '../../server/rules/index.ts';
import { changedRows, planWriteBack, readTable, validateTable, type SheetGrid, type SyncState } from '../../addin/sheet/index.ts';
import { nodeCpuMs } from './cpu.ts';
import { makeGrid, makeRows, PERIOD, type BenchRow } from './data.ts';
import { medians, round, withFloor, type Figure, type Plan } from './measure.ts';

/**
 * The sheet engine (addin/sheet, pure) on one sync of the familiar sheet: read the table from the 2-D
 * values, validate every row with the contract, find the changed rows (first sync: all), and plan the
 * write-back of the service's answer. Floor: one pass copying every cell of the same array.
 * run.ts loads this file dynamically, so an engine in the middle of a change cannot stop the service cases.
 */

/** Kept so the optimiser cannot drop the work. */
let sink: unknown = null;

function copyCells(grid: SheetGrid): void {
  const out = new Array(grid.values.length);
  for (let i = 0; i < grid.values.length; i++) {
    const row = grid.values[i]!;
    const copy = new Array(row.length);
    for (let j = 0; j < row.length; j++) copy[j] = row[j];
    out[i] = copy;
  }
  sink = out;
}

/** What the service answers for these rows (the real rules and the month view's mapping on them), built once, not timed. */
function serviceAnswer(rows: readonly BenchRow[]): { computed: ComputedPerson[]; results: RowResult[] } {
  const stored = rows.map((r): StoredPersonMonth => ({
    code: r.code,
    name: r.name,
    unit: r.unit,
    dutyGroup: r.dutyGroup,
    score: r.score,
    selfScore: r.selfScore,
    general: null,
    results: null,
    leaderOrganisePct: null,
    leaderOtherPct: null,
    headScore: null,
    assessmentStatus: null,
    allTasksDone: null,
    exceededPct: null,
    latePct: null,
    discipline: null,
    version: 1,
    updatedAt: '2021-10-31T08:00:00Z',
  }));
  const outcome = classifyMonth(stored.map(personMonthInput), DEFAULT_RULE_SET, DEFAULT_RULE_SET.quota.personMonth, { awards: [] });
  const computed = stored.map((r, i) => personMonthRow(r, outcome.rows[i]!));
  const results = rows.map(
    (r, index): RowResult => ({ index, ref: r.ref, key: r.code, status: 'accepted', version: 1, errors: [], stored: null }),
  );
  return { computed, results };
}

export async function sheetEngineCases(sizes: readonly number[], plan: Plan): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const n of sizes) {
    const rows = makeRows(n, 7);
    const grid = makeGrid(rows);
    const { computed, results } = serviceAnswer(rows);
    const state: SyncState = { period: PERIOD, kind: 'person', mapping: {}, rows: {}, pending: [] };
    const m = await medians(plan, n, async () => {
      const t0 = performance.now();
      copyCells(grid);
      const cpu0 = nodeCpuMs();
      const t1 = performance.now();
      const table = readTable(grid, { kind: 'person', periodHint: PERIOD });
      const t2 = performance.now();
      const validation = validateTable(table);
      const t3 = performance.now();
      const changed = changedRows(validation.valid, state);
      const t4 = performance.now();
      const writePlan = planWriteBack(table, computed, results, validation.issues);
      const t5 = performance.now();
      const cpu = nodeCpuMs() - cpu0;
      sink = writePlan;
      if (validation.valid.length !== n || changed.length !== n) {
        throw new Error(`sheet engine: ${validation.valid.length} valid, ${changed.length} changed of ${n}`);
      }
      if (writePlan.blocks.length === 0) throw new Error('sheet engine: empty write plan');
      return { floor: t1 - t0, read: t2 - t1, validate: t3 - t2, diff: t4 - t3, plan: t5 - t4, total: t5 - t1, cpu };
    });
    const base = { rows: n, database: 'none' as const };
    figures.push(withFloor({ name: 'sheet engine', ...base, ms: round(m.total!), cpuMs: round(m.cpu!), runs: m.runs }, m.floor));
    for (const step of ['read', 'validate', 'diff', 'plan'] as const) figures.push({ name: `sheet ${step}`, ...base, ms: round(m[step]!) });
    figures.push({ name: 'sheet copy floor', ...base, ms: round(m.floor!) });
  }
  return figures;
}
