import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuotaFacts } from '../../../server/contract/results.ts';
import { DEFAULT_RULE_SET, type QuotaSettings, type RuleSet } from '../../../server/contract/rule-set.ts';
import {
  bandOf,
  classifyMonth,
  type MonthInput,
  type MonthOutcome,
  type MonthResult,
  type PeriodDecisions,
} from '../../../server/rules/index.ts';

const UNITS = ['Khoa A', 'Khoa B', 'Phòng C'];
const DUTY_GROUPS = ['Giảng viên', 'Chuyên viên', 'Lãnh đạo', null];

// Whole and half points between 60 and 100 make tie runs and crossings frequent.
const scoreArb = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 120, max: 200 }).map((halves) => halves / 2) },
  { weight: 1, arbitrary: fc.constant(null) },
);

const rowsArb = fc
  .array(
    fc.record({
      score: scoreArb,
      unit: fc.constantFrom(...UNITS),
      dutyGroup: fc.constantFrom(...DUTY_GROUPS),
      discipline: fc.option(fc.constant('khiển trách'), { freq: 10 }),
    }),
    { maxLength: 80 },
  )
  .map((rows): MonthInput[] => rows.map((row, i) => ({ key: `K${i}`, ...row })));

const quotaArb: fc.Arbitrary<QuotaSettings> = fc.record({
  enabled: fc.constant(true),
  rate: fc.integer({ min: 0, max: 50 }),
  denominator: fc.constantFrom('htt-only' as const, 'htt-or-above' as const),
  scope: fc.constantFrom('org+dutyGroup' as const, 'unit+dutyGroup' as const, 'org' as const),
});

/** Rows by quota group: every row of a group carries the same facts object. */
function byGroup(outcome: MonthOutcome): Map<QuotaFacts, MonthResult[]> {
  const groups = new Map<QuotaFacts, MonthResult[]>();
  for (const row of outcome.rows) {
    if (!row.quota) continue;
    const members = groups.get(row.quota) ?? [];
    members.push(row);
    groups.set(row.quota, members);
  }
  return groups;
}

describe('properties of classifyMonth', () => {
  it('never keeps more HTXS in a group than k, and reports the count kept as used', () => {
    fc.assert(
      fc.property(rowsArb, quotaArb, (rows, quota) => {
        const outcome = classifyMonth(rows, DEFAULT_RULE_SET, quota, { awards: [] });
        for (const [facts, members] of byGroup(outcome)) {
          const kept = members.filter((r) => r.level === 'HTXS').length;
          expect(kept).toBeLessThanOrEqual(facts.allowed);
          expect(kept).toBe(facts.used);
        }
      }),
    );
  });

  it('never goes beyond k whatever the council awards', () => {
    const withAwards = rowsArb.chain((rows) =>
      fc.tuple(
        fc.constant(rows),
        quotaArb,
        fc.subarray(rows.map((r) => r.key)).map((keys) => keys.map((key) => ({ key, reason: 'Hội đồng' }))),
      ),
    );
    fc.assert(
      fc.property(withAwards, ([rows, quota, awards]) => {
        const decisions: PeriodDecisions = { awards };
        const outcome = classifyMonth(rows, DEFAULT_RULE_SET, quota, decisions);
        for (const [facts, members] of byGroup(outcome)) {
          const kept = members.filter((r) => r.level === 'HTXS').length;
          expect(kept).toBeLessThanOrEqual(facts.allowed);
          expect(kept).toBe(facts.used);
        }
      }),
    );
  });

  it('never splits a run of equal scores among the HTXS candidates of a group', () => {
    fc.assert(
      fc.property(rowsArb, quotaArb, (rows, quota) => {
        const outcome = classifyMonth(rows, DEFAULT_RULE_SET, quota, { awards: [] });
        const scoreOf = new Map(rows.map((r) => [r.key, r.score]));
        for (const members of byGroup(outcome).values()) {
          const seen = new Map<number | null | undefined, [string, boolean]>();
          for (const row of members.filter((r) => r.levelBeforeQuota === 'HTXS')) {
            const score = scoreOf.get(row.key);
            const first = seen.get(score);
            if (first) expect([row.level, row.tieAtQuota]).toEqual(first);
            else seen.set(score, [row.level, row.tieAtQuota]);
          }
        }
      }),
    );
  });

  it('only ever turns HTXS into HTT, and leaves every other level as steps 1–3 gave it', () => {
    fc.assert(
      fc.property(rowsArb, quotaArb, (rows, quota) => {
        for (const row of classifyMonth(rows, DEFAULT_RULE_SET, quota, { awards: [] }).rows) {
          if (row.level !== row.levelBeforeQuota) expect([row.levelBeforeQuota, row.level]).toEqual(['HTXS', 'HTT']);
          if (row.tieAtQuota) expect(row.level).toBe('HTT');
        }
      }),
    );
  });

  it('ranks by score: 1 + the number of strictly higher scores, in the unit and in the organisation', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const outcome = classifyMonth(rows, DEFAULT_RULE_SET, DEFAULT_RULE_SET.quota.personMonth, { awards: [] });
        outcome.rows.forEach((result, i) => {
          const { score, unit } = rows[i]!;
          if (score === null) {
            expect([result.rankInUnit, result.rankInOrg]).toEqual([null, null]);
            return;
          }
          const higher = (pool: MonthInput[]) => pool.filter((r) => r.score !== null && r.score > score).length;
          expect(result.rankInOrg).toBe(1 + higher(rows));
          expect(result.rankInUnit).toBe(1 + higher(rows.filter((r) => r.unit === unit)));
        });
      }),
    );
  });
});

describe('properties of rule sets as data', () => {
  const bandsArb = fc
    .tuple(
      fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 3, maxLength: 3 }),
      fc.array(fc.constantFrom('>=' as const, '>' as const), { minLength: 3, maxLength: 3 }),
    )
    .map(([tenths, ops]): RuleSet['bands'] => {
      const [high, mid, low] = [...tenths].sort((a, b) => b - a).map((t) => t / 10);
      return [
        { level: 'HTXS', op: ops[0]!, value: high! },
        { level: 'HTT', op: ops[1]!, value: mid! },
        { level: 'HT', op: ops[2]!, value: low! },
      ];
    });
  const tenthScores = fc.array(fc.integer({ min: 0, max: 1000 }).map((t) => t / 10), { minLength: 1, maxLength: 40 });

  it('rates every row by the bands the rule set holds, with no code change', () => {
    fc.assert(
      fc.property(bandsArb, tenthScores, (bands, scores) => {
        const ruleSet: RuleSet = { ...DEFAULT_RULE_SET, name: 'Thử nghiệm', bands };
        const rows = scores.map((score, i): MonthInput => ({ key: `K${i}`, unit: 'Khoa A', dutyGroup: null, score }));
        const quota = { ...DEFAULT_RULE_SET.quota.personMonth, enabled: false };
        const outcome = classifyMonth(rows, ruleSet, quota, { awards: [] });
        outcome.rows.forEach((row, i) => {
          expect(row.level).toBe(bandOf(scores[i]!, ruleSet));
          expect(row.reasons[0]).toContain('«Thử nghiệm»');
        });
      }),
    );
  });

  it('never rates a higher score lower than a smaller one under the same bands', () => {
    const order = { HTXS: 3, HTT: 2, HT: 1, KHT: 0, NONE: -1 } as const;
    fc.assert(
      fc.property(bandsArb, tenthScores, (bands, scores) => {
        const ruleSet: RuleSet = { ...DEFAULT_RULE_SET, bands };
        const sorted = [...scores].sort((a, b) => a - b);
        for (let i = 1; i < sorted.length; i++) {
          expect(order[bandOf(sorted[i]!, ruleSet)]).toBeGreaterThanOrEqual(order[bandOf(sorted[i - 1]!, ruleSet)]);
        }
      }),
    );
  });
});
