import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, RULE_SET_PRESETS } from '../../../../server/contract/rule-set.ts';
import {
  classifyMonth,
  leaderMonthFromTasks,
  managedBy,
  monthFromTasks,
  unitResultsAxis,
  type MonthInput,
  type RatedPerson,
} from '../../../../server/rules/index.ts';
import { task, withTasks } from './helpers.ts';

const nd335 = RULE_SET_PRESETS['nd335-2026']!;
const quota = DEFAULT_RULE_SET.quota.personMonth;

describe('the unit-results axis of a leader (NĐ 335 Điều 15, T10)', () => {
  it('is 100 when everyone managed is HT or above, 50 when anyone is below, and leaves out the unrated', () => {
    expect(unitResultsAxis([{ level: 'HTXS' }, { level: 'HT' }, { level: 'NONE' }]).pct).toBe(100);
    expect(unitResultsAxis([{ level: 'HTT' }, { level: 'KHT' }, { level: 'HT' }])).toEqual({
      pct: 50,
      reason: 'Kết quả đơn vị 50%: 1/3 người do lãnh đạo quản lý dưới mức Hoàn thành nhiệm vụ (leaderScope)',
    });
    expect(unitResultsAxis([{ level: 'NONE' }]).pct).toBeNull();
    expect(unitResultsAxis([]).pct).toBeNull();
  });

  it('takes the leader’s unit (leaderScope = unit) or the typed list (list), never the leader', () => {
    const people: RatedPerson[] = [
      { key: 'TP01', unit: 'Phòng Đào tạo', level: 'HTT' },
      { key: 'CB01', unit: 'phòng  đào tạo', level: 'HT' },
      { key: 'CB02', unit: 'Khoa Lý luận', level: 'KHT' },
    ];
    const leader = { key: 'TP01', unit: 'Phòng Đào tạo' };
    expect(managedBy(leader, people, 'unit').map((p) => p.key)).toEqual(['CB01']);
    expect(managedBy(leader, people, 'list', ['CB02', 'TP01']).map((p) => p.key)).toEqual(['CB02']);
  });
});

describe('a leader’s month under preset nd335-2026', () => {
  // Own products: 1 of 2 done on time → a = 50, b = 50, c = 50.
  const own = [task('Chỉ đạo hội nghị'), task('Đề án', { h: 0 })];

  it('computes results = 70 × (a + b + c + d + đ + e) / 600, d from the month of the people managed', () => {
    const staff: MonthInput[] = [
      { key: 'CB01', unit: 'Phòng Đào tạo', dutyGroup: 'Chuyên viên', score: 75 },
      { key: 'CB02', unit: 'Phòng Đào tạo', dutyGroup: 'Chuyên viên', score: 62, allTasksDone: true },
    ];
    const levels = classifyMonth(staff, nd335, quota, { awards: [] }).rows.map((r, i) => ({ key: r.key, unit: staff[i]!.unit, level: r.level }));
    const d = unitResultsAxis(managedBy({ key: 'TP01', unit: 'Phòng Đào tạo' }, levels, nd335.tasks.leaderScope));
    const month = leaderMonthFromTasks({ general: 28 }, own, d, { otherPct: 80 }, nd335);
    // (50 + 50 + 50 + 100 + 100 + 80) / 600 × 70 = 50.1666… → 50.2
    expect(month).toMatchObject({ results: 50.2, score: 78.2 });
    expect(month.reasons.slice(0, 3)).toEqual([
      'Kết quả đơn vị 100%: cả 2 người do lãnh đạo quản lý đạt Hoàn thành nhiệm vụ trở lên (leaderScope)',
      'Năng lực tổ chức chưa nhập: lấy 100% (leaderOrganiseDefault)',
      'Điểm kết quả tính từ nhiệm vụ: 50,2/70 (số lượng 50%, chất lượng 50%, tiến độ 50%; kết quả đơn vị 100%, năng lực tổ chức 100%, tiêu chí khác 80% (leaderAxes, NĐ 335 Điều 15); taskAxisWeights 1:1:1; deductionMode = graduated: trừ 25% mỗi lần chưa đạt hoặc chậm)',
    ]);
  });

  it('drops to d = 50 when one person managed is KHT', () => {
    const d = unitResultsAxis([{ level: 'HTT' }, { level: 'KHT' }]);
    const month = leaderMonthFromTasks({ general: 28 }, own, d, { organisePct: 90, otherPct: 80 }, nd335);
    // (150 + 50 + 90 + 80) / 600 × 70 = 43.1666… → 43.2
    expect(month.results).toBe(43.2);
  });

  it('computes nothing without the typed e axis, and says which setting asks for it', () => {
    const month = leaderMonthFromTasks({ general: 28, results: 60, score: 88 }, own, unitResultsAxis([{ level: 'HT' }]), {}, nd335);
    expect(month).toMatchObject({ computed: null, results: 60, score: 88 });
    expect(month.reasons.at(-1)).toContain('(leaderAxes)');
  });

  it('needs đ typed when leaderOrganiseDefault is null', () => {
    const strict = withTasks({ leaderOrganiseDefault: null }, nd335);
    const month = leaderMonthFromTasks({ general: 28 }, own, unitResultsAxis([{ level: 'HT' }]), { otherPct: 80 }, strict);
    expect(month.computed).toBeNull();
  });

  it('rates a leader as anyone else when leaderAxes is off (the default rule set)', () => {
    const d = unitResultsAxis([{ level: 'KHT' }]);
    const month = leaderMonthFromTasks({ general: 28 }, own, d, { organisePct: 100, otherPct: 100 }, DEFAULT_RULE_SET);
    expect(month).toEqual(monthFromTasks({ general: 28 }, own, DEFAULT_RULE_SET));
    expect(month.results).toBe(35);
  });
});
