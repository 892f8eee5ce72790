import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, type QuotaSettings } from '../../../server/contract/rule-set.ts';
import { classifyMonth, type MonthInput } from '../../../server/rules/index.ts';

// RULES.md §9: one organisation-wide quota group "Giảng viên", default settings.
const SCORES = [95, 93, 93, 91, 88, 86, 85, 80, 78, 75, 72, 70];

function rows(): MonthInput[] {
  return SCORES.map((score, i) => ({
    key: `GV${String(i + 1).padStart(2, '0')}`,
    unit: i % 2 === 0 ? 'Khoa Lý luận cơ sở' : 'Khoa Xây dựng Đảng',
    dutyGroup: 'Giảng viên',
    score,
  }));
}

function run(denominator: QuotaSettings['denominator']) {
  const quota = { ...DEFAULT_RULE_SET.quota.personMonth, denominator };
  return classifyMonth(rows(), DEFAULT_RULE_SET, quota, { awards: [] });
}

describe.each(['htt-only', 'htt-or-above'] as const)('the worked example of RULES.md §9 with %s', (denominator) => {
  it('allows k = 2 of M = 12', () => {
    expect(run(denominator).quotas).toEqual([
      {
        group: 'Giảng viên',
        unit: null,
        dutyGroup: 'Giảng viên',
        rate: 20,
        denominator,
        candidates: 12,
        allowed: 2,
        used: 1,
        tieCodes: ['GV02', 'GV03'],
      },
    ]);
  });

  it('keeps 95, flags the 93 run as a tie and cuts 91 although a place is left', () => {
    const out = run(denominator).rows;
    expect(out.map((r) => r.level)).toEqual(['HTXS', ...Array<string>(11).fill('HTT')]);
    expect(out.map((r) => r.tieAtQuota)).toEqual([false, true, true, ...Array<boolean>(9).fill(false)]);
    expect(out[1]!.reasons.at(-1)).toBe('Đồng điểm tại ngưỡng tỷ lệ — Hội đồng quyết định → Hoàn thành tốt nhiệm vụ cho đến khi Hội đồng xét: nhóm Giảng viên còn 1 suất HTXS cho 2 người cùng điểm');
    expect(out[3]!.levelBeforeQuota).toBe('HTXS');
    expect(out[3]!.reasons.at(-1)).toBe('Vượt tỷ lệ HTXS (2/12) → Hoàn thành tốt nhiệm vụ: nhóm Giảng viên chỉ được 2 HTXS trên 12 người, người có điểm cao hơn được xếp trước');
    expect(out[4]!.reasons).toHaveLength(1);
  });

  it('ranks the organisation 1, 2, 2, 4, 5 …', () => {
    expect(run(denominator).rows.map((r) => r.rankInOrg)).toEqual([1, 2, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});
