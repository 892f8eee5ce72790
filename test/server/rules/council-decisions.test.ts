import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../server/contract/rule-set.ts';
import {
  canAward,
  canRaiseRate,
  classifyMonth,
  type MonthInput,
  type PeriodDecisions,
} from '../../../server/rules/index.ts';

const QUOTA = DEFAULT_RULE_SET.quota.personMonth;

function person(key: string, score: number, dutyGroup = 'Giảng viên'): MonthInput {
  return { key, unit: 'Khoa A', dutyGroup, score };
}

/** The RULES.md §9 group: 95, 93, 93, 91 and eight HTT, M = 12, k = 2 (3 at 25%, htt-only: 300/125). */
function workedExample(): MonthInput[] {
  return [95, 93, 93, 91, 88, 86, 85, 80, 78, 75, 72, 70].map((score, i) => person(`GV${i + 1}`, score));
}

const run = (rows: MonthInput[], decisions: PeriodDecisions) =>
  classifyMonth(rows, DEFAULT_RULE_SET, QUOTA, decisions);

describe('council awards', () => {
  it('awards HTXS to one member of a tie run while a place is left', () => {
    const out = run(workedExample(), { awards: [{ key: 'GV3', reason: 'Biên bản họp Hội đồng số 12' }] });
    expect(out.rows[2]).toMatchObject({ level: 'HTXS', tieAtQuota: false });
    expect(out.rows[2]!.reasons.at(-1)).toBe('Hội đồng quyết định xếp HTXS: Biên bản họp Hội đồng số 12 → Hoàn thành xuất sắc nhiệm vụ');
    expect(out.rows[1]).toMatchObject({ level: 'HTT', tieAtQuota: true });
    expect(out.quotas[0]).toMatchObject({ allowed: 2, used: 2, tieCodes: ['GV2'] });
  });

  it('ignores, with a reason, an award that no longer fits, taking awards by score descending', () => {
    const out = run(workedExample(), {
      awards: [
        { key: 'GV4', reason: 'Sáng kiến' },
        { key: 'GV2', reason: 'Biên bản số 12' },
      ],
    });
    expect(out.rows[1]!.level).toBe('HTXS');
    expect(out.rows[3]!.level).toBe('HTT');
    expect(out.rows[3]!.reasons.at(-1)).toBe(
      'Quyết định xếp HTXS của Hội đồng không được áp dụng: nhóm đã đủ tỷ lệ HTXS (2/12) → Hoàn thành tốt nhiệm vụ',
    );
    expect(out.quotas[0]!.used).toBe(2);
  });

  it('can award someone cut below a tie run when a place is left', () => {
    const out = run(workedExample(), { awards: [{ key: 'GV4', reason: 'Sáng kiến' }] });
    expect(out.rows[3]!.level).toBe('HTXS');
    expect(out.quotas[0]).toMatchObject({ used: 2, tieCodes: ['GV2', 'GV3'] });
  });

  it('does not award someone whose own rating is below HTXS', () => {
    const out = run(workedExample(), { awards: [{ key: 'GV5', reason: 'Đề nghị' }] });
    expect(out.rows[4]!.level).toBe('HTT');
    expect(out.rows[4]!.reasons.at(-1)).toContain('không được áp dụng');
    expect(out.quotas[0]!.used).toBe(1);
  });

  it('keeps awards inside their own quota group', () => {
    const rows = [...workedExample(), person('CV1', 96, 'Chuyên viên'), person('CV2', 96, 'Chuyên viên')];
    const out = run(rows, { awards: [{ key: 'CV1', reason: 'Đề nghị' }] });
    // Chuyên viên: M = 2 → k = 0, so no award fits there whatever the Giảng viên group has left.
    expect(out.rows[12]!.level).toBe('HTT');
    expect(out.quotas[1]).toMatchObject({ group: 'Chuyên viên', allowed: 0, used: 0 });
  });
});

describe('a raised HTXS rate', () => {
  it('uses the raised rate for k and explains the rows it let keep HTXS', () => {
    const out = run(workedExample(), { raisedRate: { rate: 25, reason: 'Đơn vị xuất sắc, QĐ 45 của Sở' }, awards: [] });
    // htt-only: floor(25 × 12 / 125) = 2, the same k: nobody is affected.
    expect(out.quotas[0]).toMatchObject({ rate: 25, allowed: 2, used: 1 });
    expect(out.rows.every((r) => !r.reasons.some((reason) => reason.startsWith('Tỷ lệ HTXS nâng lên')))).toBe(true);

    const wider = run([...workedExample(), person('GV13', 70), person('GV14', 70), person('GV15', 70)], {
      raisedRate: { rate: 25, reason: 'Đơn vị xuất sắc, QĐ 45 của Sở' },
      awards: [],
    });
    // M = 15: k = floor(375 / 125) = 3 at 25% against floor(300 / 120) = 2 at 20%.
    expect(wider.quotas[0]).toMatchObject({ rate: 25, allowed: 3, used: 3 });
    expect(wider.rows.slice(0, 4).map((r) => r.level)).toEqual(['HTXS', 'HTXS', 'HTXS', 'HTT']);
    expect(wider.rows[0]!.reasons).toHaveLength(1);
    expect(wider.rows[1]!.reasons.at(-1)).toBe('Tỷ lệ HTXS nâng lên 25%: Đơn vị xuất sắc, QĐ 45 của Sở');
    expect(wider.rows[2]!.reasons.at(-1)).toBe('Tỷ lệ HTXS nâng lên 25%: Đơn vị xuất sắc, QĐ 45 của Sở');
    expect(wider.rows[3]!.reasons.at(-1)).toBe('Vượt tỷ lệ HTXS (3/15) → Hoàn thành tốt nhiệm vụ: nhóm Giảng viên chỉ được 3 HTXS trên 15 người, người có điểm cao hơn được xếp trước');
  });
});

describe('canAward', () => {
  const base = () => run(workedExample(), { awards: [] });

  it('accepts an award within k', () => {
    expect(canAward(base(), ['GV2'])).toBeNull();
  });

  it('refuses awards that would exceed k, naming the group and the numbers', () => {
    expect(canAward(base(), ['GV2', 'GV3'])).toBe(
      'Nhóm «Giảng viên» chỉ được tối đa 2 HTXS (2/12), đã xếp 1: không thể xếp thêm 2',
    );
  });

  it('counts awards already in force', () => {
    const awarded = run(workedExample(), { awards: [{ key: 'GV2', reason: 'Biên bản' }] });
    expect(canAward(awarded, ['GV3'])).toContain('không thể xếp thêm 1');
    expect(canAward(awarded, ['GV2'])).toBe('«GV2» đã được xếp HTXS');
  });

  it('refuses unknown people and people the quota did not cut', () => {
    expect(canAward(base(), ['XX'])).toBe('Không có «XX» trong kỳ đánh giá này');
    expect(canAward(base(), ['GV5'])).toContain('không bị loại khỏi HTXS do tỷ lệ');
  });

  it('counts a repeated key once', () => {
    expect(canAward(base(), ['GV2', 'GV2'])).toBeNull();
  });
});

describe('canRaiseRate', () => {
  it('accepts a whole rate from the current one up to the rule set maximum', () => {
    expect(canRaiseRate(25, QUOTA, DEFAULT_RULE_SET)).toBeNull();
    expect(canRaiseRate(20, QUOTA, DEFAULT_RULE_SET)).toBeNull();
  });

  it('refuses rates above the maximum, below the current rate or fractional', () => {
    expect(canRaiseRate(26, QUOTA, DEFAULT_RULE_SET)).toBe('Tỷ lệ HTXS chỉ được nâng tối đa 25%');
    expect(canRaiseRate(15, QUOTA, DEFAULT_RULE_SET)).toContain('không được thấp hơn');
    expect(canRaiseRate(22.5, QUOTA, DEFAULT_RULE_SET)).toBe('Tỷ lệ HTXS phải là số nguyên phần trăm');
  });
});
