import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, RULE_SET_PRESETS } from '../../../server/contract/rule-set.ts';
import { classifyRow, type MonthInput } from '../../../server/rules/index.ts';

function row(score: number | null, extra: Partial<MonthInput> = {}): MonthInput {
  return { key: 'CB1', unit: 'Khoa A', dutyGroup: 'Giảng viên', score, ...extra };
}

const classify = (input: MonthInput) => classifyRow(input, DEFAULT_RULE_SET);

describe('classifyRow: band (step 1)', () => {
  it('states the score, the threshold and the rule set in the first reason', () => {
    expect(classify(row(93)).reasons).toEqual([
      'Điểm 93 (≥ 90, khung điểm «Mặc định (QĐ 366, NĐ 335)»): Hoàn thành xuất sắc nhiệm vụ',
    ]);
  });

  it('writes decimals with a comma and names the lowest threshold for KHT', () => {
    expect(classify(row(49.5))).toEqual({
      level: 'KHT',
      reasons: ['Điểm 49,5 (< 50, khung điểm «Mặc định (QĐ 366, NĐ 335)»): Không hoàn thành nhiệm vụ'],
    });
  });

  it('names the preset whose bands applied', () => {
    const result = classifyRow(row(90), RULE_SET_PRESETS['haiphong-2025']!);
    expect(result.level).toBe('HTT');
    expect(result.reasons[0]).toBe('Điểm 90 (> 80, khung điểm «Hải Phòng 2025»): Hoàn thành tốt nhiệm vụ');
  });

  it('gives NONE with one reason when there is no assessed score', () => {
    expect(classify(row(null, { discipline: 'cảnh cáo' }))).toEqual({
      level: 'NONE',
      reasons: ['Chưa có điểm đánh giá'],
    });
  });
});

describe('classifyRow: gates (step 2)', () => {
  it('applies no gate when the values are not given', () => {
    expect(classify(row(95, { allTasksDone: null, exceededPct: undefined, latePct: null })).level).toBe('HTXS');
  });

  it('keeps HTXS when all tasks are done and the exceeded share reaches the minimum', () => {
    expect(classify(row(95, { allTasksDone: true, exceededPct: 30 })).level).toBe('HTXS');
  });

  it('lowers HTXS to HTT when the exceeded share is below the minimum, naming the setting', () => {
    const result = classify(row(95, { allTasksDone: true, exceededPct: 29.5 }));
    expect(result.level).toBe('HTT');
    expect(result.reasons).toHaveLength(2);
    expect(result.reasons[1]).toContain('29,5% < 30%');
    expect(result.reasons[1]).toContain('«Mặc định (QĐ 366, NĐ 335)»');
  });

  it('checks the exceeded share on its own when allTasksDone is blank', () => {
    expect(classify(row(95, { exceededPct: 10 })).level).toBe('HTT');
    expect(classify(row(95, { exceededPct: 50 })).level).toBe('HTXS');
  });

  it('walks HTXS down to HT when tasks are not all done, one reason per step', () => {
    const result = classify(row(95, { allTasksDone: false, exceededPct: 50 }));
    expect(result.level).toBe('HT');
    expect(result.reasons).toHaveLength(3);
    expect(result.reasons[2]).toBe('Chưa hoàn thành 100% nhiệm vụ: Hoàn thành nhiệm vụ');
  });

  it('lowers HT to KHT when the late share is above the maximum, and not at the maximum', () => {
    expect(classify(row(60, { latePct: 20 })).level).toBe('HT');
    const late = classify(row(60, { latePct: 20.5 }));
    expect(late.level).toBe('KHT');
    expect(late.reasons[1]).toContain('20,5% > 20%');
  });

  it('applies the late gate on the level the earlier gates left', () => {
    expect(classify(row(80, { allTasksDone: false, latePct: 40 })).level).toBe('KHT');
  });

  it('does not apply the late gate to a row that stays above HT', () => {
    // RULES.md §1: "HT needs latePct <= 20" is checked on the level the previous gate left.
    expect(classify(row(80, { allTasksDone: true, latePct: 40 })).level).toBe('HTT');
  });

  it('reads the thresholds from the rule set', () => {
    const strict = { ...DEFAULT_RULE_SET, htxsMinExceededPct: 50, htMaxLatePct: 5 };
    expect(classifyRow(row(95, { exceededPct: 40 }), strict).level).toBe('HTT');
    expect(classifyRow(row(60, { latePct: 10 }), strict).level).toBe('KHT');
  });
});

describe('classifyRow: discipline (step 3) and the unit gate', () => {
  it('rates a disciplined top scorer KHT, with a reason naming the measure', () => {
    const result = classify(row(99, { discipline: 'khiển trách' }));
    expect(result.level).toBe('KHT');
    expect(result.reasons[1]).toBe('Bị kỷ luật (khiển trách) trong tháng: Không hoàn thành nhiệm vụ');
  });

  it('treats a blank discipline as none', () => {
    expect(classify(row(99, { discipline: '  ' })).level).toBe('HTXS');
  });

  it('adds no discipline reason when the level is already KHT', () => {
    expect(classify(row(30, { discipline: 'cảnh cáo' })).reasons).toHaveLength(1);
  });

  it('keeps a unit whose member was disciplined out of HTXS', () => {
    const result = classify(row(95, { memberDisciplined: true }));
    expect(result.level).toBe('HTT');
    expect(result.reasons[1]).toContain('thành viên bị kỷ luật');
  });

  it('leaves a unit below HTXS untouched by a disciplined member', () => {
    expect(classify(row(80, { memberDisciplined: true })).reasons).toHaveLength(1);
  });
});
