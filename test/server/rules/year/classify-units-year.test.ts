import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../../server/contract/rule-set.ts';
import { annualMean, classifyUnitsYear, divideHalfUp, type YearUnitInput } from '../../../../server/rules/index.ts';
import { NO_DECISIONS } from './helpers.ts';

function unit(key: string, score: number, extra: Partial<YearUnitInput> = {}): YearUnitInput {
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, score }));
  return { key, months, memberDisciplined: false, ...extra };
}

describe('annualMean and divideHalfUp', () => {
  it('rounds an exact half up: 17999 / 2 = 8999.5 → 9000', () => {
    expect(divideHalfUp(17_999, 2)).toBe(9000);
    expect(divideHalfUp(17_997, 2)).toBe(8999);
    expect(divideHalfUp(8, 3)).toBe(3);
    expect(divideHalfUp(7, 3)).toBe(2);
  });

  it('averages only the months with a score, and is null without any', () => {
    expect(annualMean([80, null, 90])).toBe(85);
    expect(annualMean([null, null])).toBeNull();
    expect(annualMean([89.99, 90])).toBe(90);
  });
});

describe('classifyUnitsYear (RULES.md §5, units)', () => {
  it('rates the mean of the monthly unit scores with the bands, months without a score left out', () => {
    const months = [
      { month: 1, score: 80 },
      { month: 2, score: null },
      { month: 3, score: 71 },
    ];
    const row = classifyUnitsYear([{ key: 'Khoa A', months, memberDisciplined: false }], DEFAULT_RULE_SET, NO_DECISIONS).rows[0]!;
    expect(row).toMatchObject({ annualScore: 75.5, monthsCounted: 2, level: 'HTT', rankInUnit: null, rankInOrg: 1 });
    expect(row.reasons[0]).toBe('Điểm năm 75,5: trung bình 2 tháng có điểm, làm tròn 2 chữ số thập phân');
  });

  it('does not let a unit with a member disciplined in the year be HTXS', () => {
    const out = classifyUnitsYear(
      [unit('Khoa A', 95, { memberDisciplined: true }), ...['B', 'C', 'D', 'E', 'F'].map((k) => unit(`Khoa ${k}`, 80))],
      DEFAULT_RULE_SET,
      NO_DECISIONS,
    );
    expect(out.rows[0]).toMatchObject({ level: 'HTT', levelBeforeQuota: 'HTT' });
    expect(out.rows[0]!.reasons.at(-1)).toBe(
      'Có thành viên bị kỷ luật trong năm, đơn vị không được xếp xuất sắc: Hoàn thành tốt nhiệm vụ',
    );
  });

  it('applies the unit-year quota over the whole organisation as one group (htt-only, 20%)', () => {
    // M = 6 → k = floor(20 × 6 / 120) = 1.
    const units = [unit('Khoa A', 96), unit('Khoa B', 94), ...['C', 'D', 'E', 'F'].map((k) => unit(`Phòng ${k}`, 80))];
    const out = classifyUnitsYear(units, DEFAULT_RULE_SET, NO_DECISIONS);
    expect(out.quotas).toEqual([expect.objectContaining({ group: 'Toàn cơ quan', candidates: 6, allowed: 1, used: 1 })]);
    expect(out.rows.map((r) => r.level)).toEqual(['HTXS', 'HTT', 'HTT', 'HTT', 'HTT', 'HTT']);
    expect(out.rows[1]!.reasons.at(-1)).toBe('Vượt tỷ lệ HTXS (1/6) → Hoàn thành tốt nhiệm vụ: toàn cơ quan chỉ được 1 HTXS trên 6 đơn vị, đơn vị có điểm cao hơn được xếp trước');
  });

  it('leaves a unit without any monthly score unclassified', () => {
    const out = classifyUnitsYear([{ key: 'Khoa A', months: [], memberDisciplined: false }], DEFAULT_RULE_SET, NO_DECISIONS);
    expect(out.rows[0]).toMatchObject({ level: 'NONE', annualScore: null, rankInOrg: null });
  });
});
