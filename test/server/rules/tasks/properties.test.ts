import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../../server/contract/rule-set.ts';
import type { TaskSettings } from '../../../../server/contract/task-settings.ts';
import { monthFromTasks, periodFromTasks, sumTotals, taskResult, totalsOf, type TaskInput, type TypedMonthValues } from '../../../../server/rules/index.ts';

const taskArb: fc.Arbitrary<TaskInput> = fc.record(
  {
    taskName: fc.constantFrom('Báo cáo', 'Giáo án', 'Đề án'),
    role: fc.constantFrom('chủ trì' as const, 'phối hợp' as const),
    k: fc.integer({ min: 1, max: 1000 }).map((h) => h / 100),
    g: fc.integer({ min: 0, max: 20 }),
    h: fc.integer({ min: 0, max: 25 }),
    qFails: fc.integer({ min: 0, max: 4 }),
    dFails: fc.integer({ min: 0, max: 4 }),
    exceeded: fc.boolean(),
    objective: fc.boolean(),
  },
  { requiredKeys: ['taskName'] },
);

const settingsArb: fc.Arbitrary<TaskSettings> = fc.record({
  taskAxisWeights: fc
    .record({ quantity: fc.integer({ min: 0, max: 40 }), quality: fc.integer({ min: 0, max: 40 }), progress: fc.integer({ min: 0, max: 40 }) })
    .filter((w) => w.quantity + w.quality + w.progress > 0),
  resultsMax: fc.constantFrom(70, 80),
  deductionMode: fc.constantFrom('graduated' as const, 'binary' as const),
  supportRoleFactor: fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
  resultsSource: fc.constantFrom('typed-wins' as const, 'tasks-win' as const),
  leaderAxes: fc.boolean(),
  leaderScope: fc.constant('unit' as const),
  leaderManages: fc.constant({}),
  leaderOrganiseDefault: fc.constant(100),
  generalPartIIIMax: fc.constant(10),
  selfGapWarn: fc.constant(10),
});

const rowsArb = fc.array(taskArb, { maxLength: 30 });
const hasOneDecimal = (x: number) => Number.isInteger(Math.round(x * 10)) && Math.abs(x * 10 - Math.round(x * 10)) < 1e-9;

describe('properties of task results', () => {
  it('stay within their ranges: 0 ≤ quality, progress ≤ quantity ≤ 100; 0 ≤ results ≤ resultsMax, one decimal', () => {
    fc.assert(
      fc.property(rowsArb, settingsArb, (rows, settings) => {
        const result = taskResult(totalsOf(rows, settings), settings);
        if (!result) return;
        expect(result.qualityPct).toBeLessThanOrEqual(result.quantityPct);
        expect(result.progressPct).toBeLessThanOrEqual(result.quantityPct);
        expect(result.qualityPct).toBeGreaterThanOrEqual(0);
        expect(result.quantityPct).toBeLessThanOrEqual(100);
        expect(result.results).toBeGreaterThanOrEqual(0);
        expect(result.results).toBeLessThanOrEqual(settings.resultsMax);
        expect(hasOneDecimal(result.results)).toBe(true);
        for (const pct of [result.latePct, result.exceededPct]) expect(pct >= 0 && pct <= 100 && hasOneDecimal(pct)).toBe(true);
      }),
    );
  });

  it('give no result exactly when nothing counted was assigned', () => {
    fc.assert(
      fc.property(rowsArb, settingsArb, (rows, settings) => {
        const counted = rows.some((r) => (r.g ?? 1) > 0 && (r.role !== 'phối hợp' || settings.supportRoleFactor > 0));
        expect(taskResult(totalsOf(rows, settings), settings) === null).toBe(!counted);
      }),
    );
  });

  it('agree with the formula in floating point to within rounding', () => {
    fc.assert(
      fc.property(rowsArb, settingsArb, (rows, settings) => {
        const result = taskResult(totalsOf(rows, settings), settings);
        if (!result) return;
        let a = 0;
        let c = 0;
        let q = 0;
        let p = 0;
        for (const r of rows) {
          const w = (r.k ?? 1) * (r.role === 'phối hợp' ? settings.supportRoleFactor : 1);
          const g = r.g ?? 1;
          const done = Math.min(r.h ?? 0, g);
          const qf = r.objective ? 0 : (r.qFails ?? 0);
          const df = r.objective ? 0 : (r.dFails ?? 0);
          const keep = (f: number) => (settings.deductionMode === 'binary' ? (f === 0 ? 1 : 0) : Math.max(0, 4 - f) / 4);
          a += w * g;
          c += w * done;
          q += w * done * keep(qf);
          p += w * done * keep(df);
        }
        const { quantity, quality, progress } = settings.taskAxisWeights;
        const float = (settings.resultsMax * (quantity * c + quality * q + progress * p)) / (a * (quantity + quality + progress));
        expect(Math.abs(result.results - float)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(Math.abs(result.quantityPct - (100 * c) / a)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
    );
  });

  it('do not depend on the order of the rows', () => {
    const shuffledArb = rowsArb.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length })));
    fc.assert(
      fc.property(shuffledArb, settingsArb, ([rows, shuffled], settings) => {
        const { excused: _a, ...one } = taskResult(totalsOf(rows, settings), settings) ?? { excused: [] };
        const { excused: _b, ...other } = taskResult(totalsOf(shuffled, settings), settings) ?? { excused: [] };
        expect(other).toEqual(one);
      }),
    );
  });

  it('keep their percentages when every coefficient is scaled alike', () => {
    fc.assert(
      fc.property(rowsArb, settingsArb, fc.constantFrom(2, 4, 5), (rows, settings, factor) => {
        const small = rows.map((r) => ({ ...r, k: Math.round(((r.k ?? 1) * 100) / 10) / 100 || 0.01 }));
        const scaled = small.map((r) => ({ ...r, k: Math.round(r.k * factor * 100) / 100 }));
        expect(taskResult(totalsOf(scaled, settings), settings)).toEqual(taskResult(totalsOf(small, settings), settings));
      }),
    );
  });

  it('never score binary deductions above graduated ones', () => {
    fc.assert(
      fc.property(rowsArb, settingsArb, (rows, settings) => {
        const graduated = taskResult(totalsOf(rows, { ...settings, deductionMode: 'graduated' }), { ...settings, deductionMode: 'graduated' });
        const binary = taskResult(totalsOf(rows, { ...settings, deductionMode: 'binary' }), { ...settings, deductionMode: 'binary' });
        if (!graduated || !binary) return;
        expect(binary.results).toBeLessThanOrEqual(graduated.results);
        expect(binary.qualityPct).toBeLessThanOrEqual(graduated.qualityPct);
      }),
    );
  });

  it('make a quarter the sum of its months, never the mean of their results (TASK-7 item 7)', () => {
    fc.assert(
      fc.property(fc.tuple(rowsArb, rowsArb, rowsArb), settingsArb, (months, settings) => {
        const ruleSet = { ...DEFAULT_RULE_SET, tasks: settings };
        expect(periodFromTasks({ general: 25 }, months, ruleSet)).toEqual(periodFromTasks({ general: 25 }, [months.flat()], ruleSet));
        expect(sumTotals(months.map((rows) => totalsOf(rows, settings)))).toEqual(totalsOf(months.flat(), settings));
      }),
    );
  });

  it('keep every typed gate, and a typed score or Điểm kết quả unless tasks-win replaces the parts it was the sum of', () => {
    const tenths = (max: number) => fc.option(fc.integer({ min: 0, max: max * 10 }).map((t) => t / 10), { nil: undefined });
    const typedArb: fc.Arbitrary<TypedMonthValues> = fc
      .record({
        general: tenths(30),
        results: tenths(70),
        score: tenths(100),
        allTasksDone: fc.option(fc.boolean(), { nil: undefined }),
        latePct: tenths(100),
        exceededPct: tenths(100),
      })
      // As the contract leaves them: a blank score with both parts is their sum; all three agree.
      .map((t) => (t.general !== undefined && t.results !== undefined ? { ...t, score: (Math.round(t.general * 10) + Math.round(t.results * 10)) / 10 } : t));
    fc.assert(
      fc.property(typedArb, rowsArb, settingsArb, (typed, rows, settings) => {
        const month = monthFromTasks(typed, rows, { ...DEFAULT_RULE_SET, tasks: settings });
        for (const gate of ['allTasksDone', 'latePct', 'exceededPct'] as const) {
          if (typed[gate] !== undefined) expect(month[gate]).toBe(typed[gate]);
        }
        const replaced = settings.resultsSource === 'tasks-win' && month.computed !== null;
        if (typed.results !== undefined && !replaced) expect(month.results).toBe(typed.results);
        if (typed.score !== undefined && !(replaced && typed.results !== undefined)) expect(month.score).toBe(typed.score);
        if (month.computed === null && rows.length === 0) expect(month.reasons).toEqual([]);
      }),
    );
  });
});
