import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../../server/contract/rule-set.ts';
import { buildAnnexedList, type DecidedAward } from '../../../../server/rules/dossier/annexed-list.ts';

const award = (key: string, name: string, title: DecidedAward['title'], extra: Partial<DecidedAward> = {}): DecidedAward => ({
  holder: 'person', key, name, positionAndUnit: 'Giảng viên, Khoa A', unit: 'Khoa A', title, year: 2026, ...extra,
});

describe('Danh sách kèm theo Quyết định (DOC-4)', () => {
  it('gives each decided title its reward, rounded up to 10,000 đ, and sums the paid ones', () => {
    const list = buildAnnexedList(
      [award('A', 'Lò Văn An', 'LDTT'), award('B', 'Cầm Thị Bình', 'CSTDCS'), award('K', 'Khoa A', 'TT_LDXS', { holder: 'unit', name: 'Khoa A' })],
      ['Khoa A'],
      DEFAULT_RULE_SET,
    );
    // 1.5 × 2,340,000 = 3,510,000; 1.0 × = 2,340,000; 0.3 × = 702,000 → 710,000.
    expect(list.rows.map((r) => [r.stt, r.name, r.titleLabel, r.amount])).toEqual([
      [1, 'Khoa A', 'Tập thể lao động xuất sắc', 3_510_000],
      [2, 'Cầm Thị Bình', 'Chiến sĩ thi đua cơ sở', 2_340_000],
      [3, 'Lò Văn An', 'Lao động tiên tiến', 710_000],
    ]);
    expect(list.total).toBe(3_510_000 + 2_340_000 + 710_000);
  });

  it('lists LĐTT and CSTĐCS of one person and year and pays only the highest (DOC-8.2)', () => {
    const list = buildAnnexedList([award('A', 'Lò Văn An', 'LDTT'), award('A', 'Lò Văn An', 'CSTDCS')], ['Khoa A'], DEFAULT_RULE_SET);
    expect(list.rows.map((r) => [r.titleLabel, r.amount])).toEqual([
      ['Chiến sĩ thi đua cơ sở', 2_340_000],
      ['Lao động tiên tiến', 0],
    ]);
    expect(list.rows[1]!.note).toMatch(/đã hưởng mức cao nhất \(Chiến sĩ thi đua cơ sở, NĐ 152\/2025 Điều 49\)/);
    expect(list.total).toBe(2_340_000);
  });

  it('leaves the amount blank for a title without a coefficient (Giấy khen) and follows the base salary setting', () => {
    const ruleSet = { ...DEFAULT_RULE_SET, rewards: { ...DEFAULT_RULE_SET.rewards, baseSalary: 2_530_000 } };
    const list = buildAnnexedList([award('A', 'Lò Văn An', 'GIAY_KHEN'), award('B', 'Cầm Thị Bình', 'LDTT')], ['Khoa A'], ruleSet);
    // 0.3 × 2,530,000 = 759,000 → 760,000.
    expect(list.rows.map((r) => r.amount)).toEqual([760_000, null]);
    expect(list.total).toBe(760_000);
  });
});
