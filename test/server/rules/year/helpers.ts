import { DEFAULT_RULE_SET, type RuleSet } from '../../../../server/contract/rule-set.ts';
import type { PeriodDecisions, YearMonthInput, YearPersonInput } from '../../../../server/rules/index.ts';

export const NO_DECISIONS: PeriodDecisions = { awards: [] };

/** The default rule set with the yearly person quota off, for tests of the steps before it. */
export const NO_YEAR_QUOTA: RuleSet = {
  ...DEFAULT_RULE_SET,
  quota: { ...DEFAULT_RULE_SET.quota, personYear: { ...DEFAULT_RULE_SET.quota.personYear, enabled: false } },
};

/** Months 1…n with the given score, then `extra` months (maternity, absent) after them. */
export function months(n: number, score: number, extra: readonly Omit<YearMonthInput, 'month'>[] = []): YearMonthInput[] {
  const scored = Array.from({ length: n }, (_, i): YearMonthInput => ({ month: i + 1, score }));
  return [...scored, ...extra.map((e, i): YearMonthInput => ({ month: n + i + 1, ...e }))];
}

export const maternity = (count: number) => Array.from({ length: count }, () => ({ score: null, mark: 'maternity' as const }));
export const absent = (count: number) => Array.from({ length: count }, () => ({ score: null, mark: 'absent' as const }));

export function person(key: string, monthInputs: YearMonthInput[], extra: Partial<YearPersonInput> = {}): YearPersonInput {
  return { key, unit: 'Khoa A', dutyGroup: 'Giảng viên', months: monthInputs, ...extra };
}
