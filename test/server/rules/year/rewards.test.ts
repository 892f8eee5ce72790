import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, type RuleSet } from '../../../../server/contract/rule-set.ts';
import {
  estimateRewards,
  proposeTitles,
  rewardAmount,
  rewardClaimsFromProposals,
  type RewardClaim,
} from '../../../../server/rules/index.ts';

const SETTINGS = DEFAULT_RULE_SET.rewards;

describe('rewardAmount (coefficient × base salary, rounded up to 10,000 đ)', () => {
  it.each([
    ['LDTT', 710_000], // 0.3 × 2,340,000 = 702,000 → 710,000
    ['CSTDCS', 2_340_000],
    ['CSTD_TINH', 7_020_000],
    ['TT_LDXS', 3_510_000],
    ['TT_LDTT', 1_880_000], // 0.8 × 2,340,000 = 1,872,000 → 1,880,000
  ] as const)('pays %s %i đ', (title, amount) => {
    expect(rewardAmount(title, SETTINGS)).toBe(amount);
  });

  it('does not round an amount already on the step', () => {
    expect(rewardAmount('LDTT', { ...SETTINGS, baseSalary: 2_000_000 })).toBe(600_000);
  });

  it('refuses a coefficient with more than two decimals rather than guess', () => {
    const odd = { ...SETTINGS, coefficients: { ...SETTINGS.coefficients, LDTT: 0.125 } };
    expect(() => rewardAmount('LDTT', odd)).toThrow(RangeError);
  });
});

describe('estimateRewards', () => {
  const claims: RewardClaim[] = [
    { holder: 'person', key: 'A', year: 2025, title: 'LDTT' },
    { holder: 'person', key: 'A', year: 2025, title: 'CSTDCS' },
    { holder: 'person', key: 'B', year: 2025, title: 'LDTT' },
    { holder: 'person', key: 'B', year: 2024, title: 'LDTT' },
    { holder: 'unit', key: 'A', year: 2025, title: 'TT_LDTT' },
  ];

  it('pays only the highest title of one holder in one year, each year and holder on its own', () => {
    const estimate = estimateRewards(claims, DEFAULT_RULE_SET);
    expect(estimate.lines.map((l) => [l.key, l.title, l.amount, l.paid])).toEqual([
      ['A', 'LDTT', 710_000, false],
      ['A', 'CSTDCS', 2_340_000, true],
      ['B', 'LDTT', 710_000, true],
      ['B', 'LDTT', 710_000, true],
      ['A', 'TT_LDTT', 1_880_000, true],
    ]);
    expect(estimate.lines[0]!.reason).toBe(
      'Lao động tiên tiến: không tính tiền thưởng, năm 2025 đã hưởng mức cao nhất (Chiến sĩ thi đua cơ sở, NĐ 152/2025 Điều 49)',
    );
    expect(estimate.lines[2]!.reason).toBe(
      'Lao động tiên tiến: hệ số 0,3 × mức lương cơ sở 2.340.000 đ = 702.000 đ, làm tròn lên 710.000 đ (bội số 10.000 đ; «Mặc định (QĐ 366, NĐ 335)», NĐ 152/2025 Điều 50)',
    );
  });

  it('totals paid lines per title and overall', () => {
    const estimate = estimateRewards(claims, DEFAULT_RULE_SET);
    expect(estimate.byTitle).toEqual({
      CSTD_TINH: { count: 0, amount: 0 },
      CSTDCS: { count: 1, amount: 2_340_000 },
      LDTT: { count: 2, amount: 1_420_000 },
      TT_LDXS: { count: 0, amount: 0 },
      TT_LDTT: { count: 1, amount: 1_880_000 },
    });
    expect(estimate.total).toBe(5_640_000);
  });

  it('claims money for eligible proposals only, and none for Bằng khen or Giấy khen', () => {
    const ruleSet: RuleSet = DEFAULT_RULE_SET;
    const base = { unit: 'Khoa A', recruitedOn: '2010-01-01', disciplines: [], pendingDisciplineCase: false, researchTopics: [], history: [] };
    const titles = proposeTitles(
      2025,
      [
        { ...base, key: 'A', level: 'HTXS', initiatives: [] },
        { ...base, key: 'B', level: 'HT', initiatives: [] },
      ],
      [],
      ruleSet,
    );
    expect(rewardClaimsFromProposals(2025, titles)).toEqual([
      { holder: 'person', key: 'A', year: 2025, title: 'LDTT' },
      { holder: 'person', key: 'A', year: 2025, title: 'CSTDCS' },
    ]);
  });
});
