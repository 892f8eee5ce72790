/**
 * node --import tsx test/addin/sheet/measure-20k.ts: one sync's worth of sheet-engine work on 20,000 people
 * (read, validate, diff, plan), printed per step for the first (cold) pass and the best of ten. A measuring
 * aid, not a test: figures depend on the machine and its load.
 */
import { changedRows, planWriteBack, readTable, validateTable } from '../../../addin/sheet/index.ts';
import type { RowResult } from '../../../server/contract/push.ts';
import type { ComputedPerson } from '../../../server/contract/results.ts';
import { familiarGrid } from './grids.ts';

const ROWS = 20_000;
const grid = familiarGrid(ROWS);
const first = readTable(grid, { kind: 'person' }).rows;
const computed = first.map(
  (r, i): ComputedPerson => ({
    code: String(r.input.code),
    name: String(r.input.name),
    unit: String(r.input.unit),
    dutyGroup: null,
    score: 80,
    selfScore: 80,
    level: 'HTT',
    label: 'Hoàn thành tốt nhiệm vụ',
    levelBeforeQuota: 'HTT',
    rankInUnit: (i % 100) + 1,
    rankInOrg: i + 1,
    reasons: ['Điểm 80 từ 70 trở lên', 'Không bị kỷ luật'],
    tieAtQuota: false,
    version: 1,
    updatedAt: '2021-11-01T00:00:00Z',
    quotaGroup: null,
  }),
);
const results = first.map(
  (r, index): RowResult => ({ index, ref: r.input.ref, key: String(r.input.code), status: 'accepted', version: 1, errors: [], stored: null }),
);

type Steps = Record<'read' | 'validate' | 'diff' | 'plan' | 'total', number>;
const best: Steps = { read: Infinity, validate: Infinity, diff: Infinity, plan: Infinity, total: Infinity };
for (let pass = 0; pass < 10; pass++) {
  const t0 = performance.now();
  const table = readTable(grid, { kind: 'person' });
  const t1 = performance.now();
  const validation = validateTable(table);
  const t2 = performance.now();
  changedRows(validation.valid, { period: '2021-10', kind: 'person', mapping: {}, rows: {}, pending: [] });
  const t3 = performance.now();
  planWriteBack(table, computed, results, validation.issues);
  const t4 = performance.now();
  const steps: Steps = { read: t1 - t0, validate: t2 - t1, diff: t3 - t2, plan: t4 - t3, total: t4 - t0 };
  if (pass === 0) console.log('cold', JSON.stringify(steps, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v) : v)));
  for (const k of Object.keys(best) as (keyof Steps)[]) best[k] = Math.min(best[k], steps[k]);
}
console.log('best', JSON.stringify(best, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v) : v)));
