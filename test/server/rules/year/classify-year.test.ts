import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../../server/contract/rule-set.ts';
import { classifyYear, type YearPersonInput } from '../../../../server/rules/index.ts';
import { NO_DECISIONS, NO_YEAR_QUOTA, absent, maternity, months, person } from './helpers.ts';

function one(input: YearPersonInput, ruleSet = NO_YEAR_QUOTA) {
  return classifyYear([input], ruleSet, NO_DECISIONS).rows[0]!;
}

describe('classifyYear: months worked (RULES.md §5)', () => {
  it('classifies a person with exactly 6 months of assessed scores', () => {
    const row = one(person('A', months(6, 80)));
    expect(row).toMatchObject({ monthsCounted: 6, annualScore: 80, level: 'HTT', rankInOrg: 1 });
  });

  it('does not classify a person with 5 months, and says why', () => {
    const row = one(person('A', months(5, 95)));
    expect(row).toMatchObject({ monthsCounted: 5, level: 'NONE', levelBeforeQuota: 'NONE', rankInOrg: null, rankInUnit: null });
    expect(row.reasons).toHaveLength(1);
    expect(row.reasons[0]).toMatch(/^Chưa đủ 6 tháng công tác \(5 tháng công tác; tối thiểu 6 tháng theo «Mặc định/);
  });

  it('counts maternity months as worked but averages only the scored months', () => {
    const row = one(person('A', months(4, 92, maternity(2))));
    expect(row).toMatchObject({ monthsCounted: 6, monthsAbsent: 0, annualScore: 92, level: 'HTXS' });
    expect(row.reasons[0]).toBe(
      'Điểm năm 92: trung bình 4 tháng có điểm, làm tròn 2 chữ số thập phân (6 tháng công tác, trong đó 2 tháng nghỉ thai sản)',
    );
  });

  it('leaves 3 scored months and 2 maternity months unclassified (5 < 6)', () => {
    expect(one(person('A', months(3, 92, maternity(2)))).level).toBe('NONE');
  });

  it('counts a scored maternity month once', () => {
    const input = person('A', [...months(5, 80), { month: 6, score: 80, mark: 'maternity' }]);
    expect(one(input).monthsCounted).toBe(6);
  });

  it('does not classify a year of maternity leave with no assessed score', () => {
    const row = one(person('A', months(0, 0, maternity(12))));
    expect(row).toMatchObject({ monthsCounted: 12, annualScore: null, level: 'NONE' });
    expect(row.reasons).toEqual(['Chưa có điểm đánh giá tháng nào trong năm']);
  });

  it('rejects a month given twice or outside 1–12', () => {
    expect(() => one(person('A', [{ month: 1, score: 80 }, { month: 1, score: 90 }]))).toThrow(RangeError);
    expect(() => one(person('A', [{ month: 13, score: 80 }]))).toThrow(RangeError);
  });
});

describe('classifyYear: months absent (cap at HT for 3 to 5)', () => {
  it('does not cap 2 months absent', () => {
    expect(one(person('A', months(10, 95, absent(2))))).toMatchObject({ monthsAbsent: 2, level: 'HTXS' });
  });

  it('caps 3 months absent at HT, before the quota, naming the setting', () => {
    const row = one(person('A', months(9, 95, absent(3))));
    expect(row).toMatchObject({ monthsAbsent: 3, level: 'HT', levelBeforeQuota: 'HT' });
    expect(row.reasons.at(-1)).toBe(
      'Nghỉ 3 tháng trong năm (từ 3 đến 5 tháng theo «Mặc định (QĐ 366, NĐ 335)», NĐ 90 Điều 2): tối đa Hoàn thành nhiệm vụ',
    );
  });

  it('caps 5 months absent with 7 worked', () => {
    expect(one(person('A', months(7, 80, absent(5)))).level).toBe('HT');
  });

  it('adds no cap reason when the level is already HT or below', () => {
    const row = one(person('A', months(9, 60, absent(3))));
    expect(row.level).toBe('HT');
    expect(row.reasons.some((r) => r.startsWith('Nghỉ'))).toBe(false);
  });

  // NĐ 90 Điều 2 as RULES.md reads it: "< 6 months worked → NONE" and "absent 3 to < 6 months → at most HT".
  // Six months absent with six worked meets neither, so the year is classified in full, HTXS included.
  it('classifies 6 months absent with 6 worked in full: neither the months rule nor the cap applies', () => {
    const row = one(person('A', months(6, 95, absent(6))));
    expect(row).toMatchObject({ monthsCounted: 6, monthsAbsent: 6, level: 'HTXS' });
  });

  it('leaves 7 months absent (so at most 5 worked) unclassified', () => {
    expect(one(person('A', months(5, 95, absent(7)))).level).toBe('NONE');
  });

  it('follows the rule set: a cap from 2 to 6 months catches 6 absent', () => {
    const ruleSet = { ...NO_YEAR_QUOTA, year: { minMonthsWorked: 6, absentCapFrom: 2, absentCapTo: 6 } };
    expect(one(person('A', months(6, 95, absent(6))), ruleSet).level).toBe('HT');
  });
});

describe('classifyYear: the annual score', () => {
  // Sheets give monthly scores one decimal; two are accepted, which is the only way a mean lands on x.xx5.
  it('rounds a mean of 89.995 half up to 90.00, which is HTXS', () => {
    const input = person('A', [1, 2, 3, 4, 5, 6].map((month) => ({ month, score: month % 2 === 0 ? 89.99 : 90 })));
    expect(one(input)).toMatchObject({ annualScore: 90, level: 'HTXS' });
  });

  it('keeps a mean of 89.99 (11 months at 90, one at 89.9) below the HTXS band', () => {
    const input = person('A', [...months(11, 90), { month: 12, score: 89.9 }]);
    expect(one(input)).toMatchObject({ annualScore: 89.99, level: 'HTT' });
  });

  it('rounds an exact half up, not to even (720.2 / 8 = 90.025 → 90.03)', () => {
    const input = person('A', [...months(6, 90), { month: 7, score: 90.1 }, { month: 8, score: 90.1 }]);
    expect(one(input).annualScore).toBe(90.03);
  });

  it('gets the half right where floating point does not (2 × 70.3 + 6 × 70.2 over 8 = 70.225 → 70.23)', () => {
    const scores = [70.3, 70.3, 70.2, 70.2, 70.2, 70.2, 70.2, 70.2];
    const floatMean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
    expect(Math.round(floatMean * 100) / 100).toBe(70.22);
    expect(one(person('A', scores.map((score, i) => ({ month: i + 1, score })))).annualScore).toBe(70.23);
  });

  it('rounds below a half down (540.1 / 6 = 90.01666… → 90.02, 720.1 / 8 = 90.0125 → 90.01)', () => {
    expect(one(person('A', [...months(5, 90), { month: 6, score: 90.1 }])).annualScore).toBe(90.02);
    expect(one(person('A', [...months(7, 90), { month: 8, score: 90.1 }])).annualScore).toBe(90.01);
  });

  it('applies the yearly sheet gates to the annual score', () => {
    const row = one(person('A', months(12, 95), { yearly: { allTasksDone: true, exceededPct: 20 } }));
    expect(row.level).toBe('HTT');
    expect(row.reasons[2]).toMatch(/^Chưa đủ điều kiện xuất sắc \(tỷ lệ nhiệm vụ vượt mức 20% < 30%/);
  });
});

describe('classifyYear: discipline in the year', () => {
  it('rates a person disciplined in any month KHT for the year, naming the month', () => {
    const input = person('A', [...months(11, 95), { month: 12, score: 95, discipline: 'khiển trách' }]);
    const row = one(input);
    expect(row.level).toBe('KHT');
    expect(row.reasons.at(-1)).toBe('Bị kỷ luật (khiển trách) tháng 12: Không hoàn thành nhiệm vụ cả năm (NĐ 90 Điều 2)');
  });

  it('takes a discipline from the yearly sheet', () => {
    const row = one(person('A', months(12, 80), { yearly: { discipline: 'cảnh cáo' } }));
    expect(row.level).toBe('KHT');
    expect(row.reasons.at(-1)).toContain('trong năm (bảng xếp loại năm)');
  });

  it('ignores a blank discipline cell', () => {
    expect(one(person('A', months(12, 80), { yearly: { discipline: '  ' } })).level).toBe('HTT');
  });
});

describe('classifyYear: ranks and the yearly quota', () => {
  const WORKED = [95, 93, 93, 91, 88, 86, 85, 80, 78, 75, 72, 70];
  const people = () => WORKED.map((score, i) => person(`GV${i + 1}`, months(12, score)));

  it('applies the §9 worked example to annual scores with personYear settings', () => {
    const out = classifyYear(people(), DEFAULT_RULE_SET, NO_DECISIONS);
    expect(out.quotas).toEqual([
      expect.objectContaining({ candidates: 12, allowed: 2, used: 1, tieCodes: ['GV2', 'GV3'] }),
    ]);
    expect(out.rows.map((r) => r.level)).toEqual(['HTXS', ...Array<string>(11).fill('HTT')]);
    expect(out.rows[1]!.tieAtQuota).toBe(true);
    expect(out.rows[3]!.reasons.at(-1)).toBe('Vượt tỷ lệ HTXS (2/12) → Hoàn thành tốt nhiệm vụ: nhóm Giảng viên chỉ được 2 HTXS trên 12 người, người có điểm cao hơn được xếp trước');
    expect(out.rows.map((r) => r.rankInOrg)).toEqual([1, 2, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('lets the council award a tie run place and raise the rate, as for months', () => {
    const awarded = classifyYear(people(), DEFAULT_RULE_SET, { awards: [{ key: 'GV2', reason: 'Biên bản số 5' }] });
    expect(awarded.rows[1]).toMatchObject({ level: 'HTXS', tieAtQuota: false });
    expect(awarded.rows[1]!.reasons.at(-1)).toBe('Hội đồng quyết định xếp HTXS: Biên bản số 5 → Hoàn thành xuất sắc nhiệm vụ');
    expect(awarded.rows[2]).toMatchObject({ level: 'HTT', tieAtQuota: true });

    // 25% of M = 12 with htt-only: k = floor(25 × 12 / 125) = 2, still not enough for the 93 run.
    const raised = classifyYear(people(), DEFAULT_RULE_SET, { awards: [], raisedRate: { rate: 25, reason: 'Đơn vị xuất sắc' } });
    expect(raised.quotas[0]).toMatchObject({ rate: 25, allowed: 2, used: 1 });
  });

  it('ranks two-decimal annual scores apart that whole tenths would tie', () => {
    const a = person('A', [...months(11, 90), { month: 12, score: 90.6 }]); // 90.05
    const b = person('B', [...months(11, 90), { month: 12, score: 90.5 }]); // 90.0416… → 90.04
    const out = classifyYear([b, a], NO_YEAR_QUOTA, NO_DECISIONS);
    expect(out.rows.map((r) => [r.key, r.annualScore, r.rankInOrg])).toEqual([
      ['B', 90.04, 2],
      ['A', 90.05, 1],
    ]);
  });

  it('keeps unclassified people out of the ranks and out of M', () => {
    const out = classifyYear([...people(), person('NEW', months(4, 99))], DEFAULT_RULE_SET, NO_DECISIONS);
    expect(out.rows.at(-1)).toMatchObject({ level: 'NONE', rankInOrg: null, annualScore: 99 });
    expect(out.quotas[0]).toMatchObject({ candidates: 12 });
  });
});
