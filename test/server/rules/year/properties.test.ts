import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuotaFacts } from '../../../../server/contract/results.ts';
import { DEFAULT_RULE_SET, type QuotaSettings, type RuleSet } from '../../../../server/contract/rule-set.ts';
import {
  classifyStudents,
  classifyYear,
  commendLimit,
  type StudentInput,
  type YearMonthInput,
  type YearPersonInput,
  type YearResult,
} from '../../../../server/rules/index.ts';

/** The value about once in 15 draws, else null (fc.option's `freq` gives null once in `freq`). */
const rarely = (value: string) =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(value) }, { weight: 14, arbitrary: fc.constant(null) });

// Each person keeps one score all year, from few values near the top band, except now and then a month a
// point higher: equal annual means (tie runs at the limit) are frequent, and so are near misses.
const monthArb: fc.Arbitrary<'scored' | 'bumped' | 'maternity' | 'absent' | 'none'> = fc.oneof(
  { weight: 40, arbitrary: fc.constant('scored' as const) },
  { weight: 1, arbitrary: fc.constant('bumped' as const) },
  { weight: 3, arbitrary: fc.constant('maternity' as const) },
  { weight: 3, arbitrary: fc.constant('absent' as const) },
  { weight: 3, arbitrary: fc.constant('none' as const) },
);

function toMonth(kind: 'scored' | 'bumped' | 'maternity' | 'absent' | 'none', month: number, score: number): YearMonthInput[] {
  if (kind === 'none') return [];
  if (kind === 'maternity' || kind === 'absent') return [{ month, score: null, mark: kind }];
  return [{ month, score: kind === 'bumped' ? Math.min(100, score + 1) : score }];
}

const peopleArb = fc
  .array(
    fc.record({
      score: fc.integer({ min: 176, max: 192 }).map((halves) => halves / 2),
      months: fc.array(monthArb, { minLength: 12, maxLength: 12 }),
      // Recruited during the year now and then, so some have fewer than 6 months.
      firstMonth: fc.oneof({ weight: 4, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 10 }) }),
      unit: fc.constantFrom('Khoa A', 'Khoa B'),
      dutyGroup: fc.constantFrom('Giảng viên', 'Chuyên viên', null),
      discipline: rarely('khiển trách'),
    }),
    { minLength: 10, maxLength: 60 },
  )
  .map((rows): YearPersonInput[] =>
    rows.map((row, i) => ({
      key: `P${i}`,
      unit: row.unit,
      dutyGroup: row.dutyGroup,
      months: row.months.flatMap((kind, i) => (i + 1 < row.firstMonth ? [] : toMonth(kind, i + 1, row.score))),
      yearly: { discipline: row.discipline },
    })),
  );

const quotaArb: fc.Arbitrary<QuotaSettings> = fc.record({
  enabled: fc.constant(true),
  rate: fc.integer({ min: 0, max: 50 }),
  denominator: fc.constantFrom('htt-only' as const, 'htt-or-above' as const),
  scope: fc.constantFrom('org+dutyGroup' as const, 'unit+dutyGroup' as const, 'org' as const),
});

function byGroup(rows: readonly YearResult[]): Map<QuotaFacts, YearResult[]> {
  const groups = new Map<QuotaFacts, YearResult[]>();
  for (const row of rows) {
    if (!row.quota) continue;
    groups.set(row.quota, [...(groups.get(row.quota) ?? []), row]);
  }
  return groups;
}

describe('properties of classifyYear', () => {
  it('never keeps more HTXS in a yearly quota group than k, council awards included', () => {
    const withAwards = peopleArb.chain((people) =>
      fc.tuple(fc.constant(people), quotaArb, fc.subarray(people.map((p) => p.key))),
    );
    fc.assert(
      fc.property(withAwards, ([people, quota, awarded]) => {
        const ruleSet: RuleSet = { ...DEFAULT_RULE_SET, quota: { ...DEFAULT_RULE_SET.quota, personYear: quota } };
        const awards = awarded.map((key) => ({ key, reason: 'Hội đồng' }));
        const out = classifyYear(people, ruleSet, { awards });
        for (const [facts, members] of byGroup(out.rows)) {
          const kept = members.filter((r) => r.level === 'HTXS').length;
          expect(kept).toBeLessThanOrEqual(facts.allowed);
          expect(kept).toBe(facts.used);
        }
      }),
    );
  });

  it('classifies exactly those with at least 6 months counted and a score, within 0.005 of the true mean', () => {
    fc.assert(
      fc.property(peopleArb, (people) => {
        const out = classifyYear(people, DEFAULT_RULE_SET, { awards: [] });
        out.rows.forEach((row, i) => {
          const scores = people[i]!.months.flatMap((m) => (m.score === null ? [] : [m.score]));
          expect(row.level === 'NONE').toBe(row.monthsCounted < 6 || scores.length === 0);
          if (scores.length === 0) return expect(row.annualScore).toBeNull();
          const exact = scores.reduce((a, b) => a + b, 0) / scores.length;
          expect(Number.isInteger(Math.round(row.annualScore! * 100))).toBe(true);
          expect(Math.abs(row.annualScore! - exact)).toBeLessThanOrEqual(0.005 + 1e-9);
        });
      }),
    );
  });
});

const CLASSES = ['K1', 'K2'];

const studentsArb = fc
  .array(
    fc.record({
      className: fc.constantFrom(...CLASSES),
      // Few distinct values between 7 and 10 so tie runs are common.
      gpa: fc.oneof(
        { weight: 12, arbitrary: fc.integer({ min: 14, max: 20 }).map((halves) => halves / 2) },
        { weight: 1, arbitrary: fc.constant(null) },
      ),
      conduct: fc.constantFrom('Tốt', 'Tốt', 'Tốt', 'Khá', null),
      discipline: rarely('khiển trách'),
    }),
    { minLength: 30, maxLength: 120 },
  )
  .map((rows): StudentInput[] => rows.map((row, i) => ({ key: `S${i}`, ...row })));

describe('properties of classifyStudents', () => {
  it('never commends more in a class than floor(pct% × class size)', () => {
    fc.assert(
      fc.property(studentsArb, fc.integer({ min: 0, max: 60 }), (students, pct) => {
        const ruleSet: RuleSet = { ...DEFAULT_RULE_SET, students: { ...DEFAULT_RULE_SET.students, maxCommendPct: pct } };
        const out = classifyStudents(students, ruleSet);
        for (const summary of out.classes) {
          const members = out.students.filter((s) => s.className === summary.className);
          expect(summary.size).toBe(members.length);
          expect(summary.limit).toBe(commendLimit(members.length, pct));
          expect(members.filter((s) => s.commended).length).toBe(summary.commended);
          expect(summary.commended).toBeLessThanOrEqual(summary.limit);
        }
      }),
    );
  });

  it('never splits a tie run, and lets no lower gpa pass a higher candidate', () => {
    fc.assert(
      fc.property(studentsArb, (students) => {
        const out = classifyStudents(students, DEFAULT_RULE_SET);
        for (const className of CLASSES) {
          const candidates = out.students
            .map((result, i) => ({ result, input: students[i]!, gpa: students[i]!.gpa }))
            .filter(
              ({ result, input }) =>
                result.className === className &&
                input.gpa !== null &&
                input.gpa >= 8 &&
                input.conduct === 'Tốt' &&
                input.discipline === null,
            );
          for (const a of candidates) {
            for (const b of candidates) {
              if (a.gpa === b.gpa) {
                expect([a.result.commended, a.result.tieAtLimit]).toEqual([b.result.commended, b.result.tieAtLimit]);
              }
              if (b.result.commended && a.gpa! > b.gpa!) expect(a.result.commended).toBe(true);
            }
          }
        }
      }),
    );
  });
});
