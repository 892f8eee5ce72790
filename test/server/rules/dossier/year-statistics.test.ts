import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../../server/contract/rule-set.ts';
import { yearStatistics, type RatedMonth } from '../../../../server/rules/dossier/year-statistics.ts';
import { driveTotals } from '../../../../server/rules/drives/drive-totals.ts';
import { classifyMonth, classifyStudents } from '../../../../server/rules/index.ts';
import { SEED_DRIVES, SEED_YEAR, seedContributions, seedMonths, seedStudents } from './seed-year.ts';

function computedSeedYear() {
  const personMonths: RatedMonth[] = [];
  const unitMonths: RatedMonth[] = [];
  for (const { month, people, units, decisions } of seedMonths()) {
    const p = classifyMonth(people, DEFAULT_RULE_SET, DEFAULT_RULE_SET.quota.personMonth, decisions);
    const u = classifyMonth(units, DEFAULT_RULE_SET, DEFAULT_RULE_SET.quota.unitMonth, { awards: [] }, { rankInUnit: false });
    personMonths.push(...p.rows.map((r) => ({ month, level: r.level })));
    unitMonths.push(...u.rows.map((r) => ({ month, level: r.level })));
  }
  return {
    personMonths,
    unitMonths,
    students: classifyStudents(seedStudents(), DEFAULT_RULE_SET),
    drives: driveTotals(SEED_YEAR, SEED_DRIVES, seedContributions()),
  };
}

describe('Tổng hợp thi đua of a year shaped like the seed article’s (DOC-7)', () => {
  const stats = yearStatistics({
    year: SEED_YEAR,
    ...computedSeedYear(),
    initiatives: [
      { title: 'Số hoá hồ sơ học viên', level: 'co-so', recognisedOn: '2021-11-20' },
      { title: 'Dạy học qua tình huống', level: 'tinh', recognisedOn: '2021-05-10' },
      { title: 'Của năm trước', level: 'co-so', recognisedOn: '2020-12-30' },
    ],
  });

  it('counts 441 rated person-months, of them 75 HTXS, leaving out months with no rating', () => {
    expect(stats.personMonths.total).toBe(441);
    expect(stats.htxsPersonMonths).toBe(75);
    expect(stats.personMonths.byLevel.HTXS + stats.personMonths.byLevel.HTT + stats.personMonths.byLevel.HT + stats.personMonths.byLevel.KHT).toBe(441);
  });

  it('counts 45 unit-months, of them 25 HTXS', () => {
    expect(stats.unitMonths.total).toBe(45);
    expect(stats.unitMonths.byLevel.HTXS).toBe(25);
  });

  it('counts 52 students commended, per class', () => {
    expect(stats.students.commended).toBe(52);
    expect(stats.students.byClass.map((c) => c.commended)).toEqual([12, 11, 10, 10, 9]);
  });

  it('gives the drives’ total as «hơn 28 triệu đồng»', () => {
    expect(stats.drives?.money).toBeGreaterThan(28_000_000);
    expect(stats.drives?.money).toBeLessThan(29_000_000);
    expect(stats.drives?.phrase).toBe('hơn 28 triệu đồng');
    expect(stats.drives?.count).toBe(5);
    expect(stats.drives?.inKindCount).toBe(2);
  });

  it('counts initiatives recognised in the year only, per level', () => {
    expect(stats.initiatives).toEqual({ 'co-so': 1, tinh: 1, 'toan-quoc': 0 });
  });

  it('writes the figures into the sheet’s rows in the report’s order', () => {
    const value = (label: string) => stats.lines.find((l) => l.label === label)?.value;
    expect(value('Lượt cá nhân được đánh giá, xếp loại')).toBe(441);
    expect(value('Lượt khoa, phòng được đánh giá, xếp loại')).toBe(45);
    expect(value('Lượt cá nhân Hoàn thành xuất sắc nhiệm vụ')).toBe(75);
    expect(value('Học viên được khen thưởng')).toBe(52);
    expect(value('Tổng số tiền ủng hộ')).toBe('hơn 28 triệu đồng');
  });
});

describe('yearStatistics counts what it is given', () => {
  it('counts titles proposed (eligible) and decided for the year, once per holder and title', () => {
    const proposal = (title: 'LDTT' | 'CSTDCS', eligible: boolean) => ({ title, label: '', eligible, reasons: [] });
    const decision = (key: string, title: 'LDTT' | 'CSTDCS', year: number) => ({ holder: 'person' as const, key, title, achievementYear: year, decisionNo: '1/QĐ', decidedOn: '2022-01-10', issuer: null });
    const stats = yearStatistics({
      year: 2021,
      personMonths: [{ month: 1, level: 'NONE' }],
      unitMonths: [],
      proposals: {
        people: [
          { key: 'A', unit: 'K', proposals: [proposal('LDTT', true), proposal('CSTDCS', true)] },
          { key: 'B', unit: 'K', proposals: [proposal('LDTT', true), proposal('CSTDCS', false)] },
        ],
        units: [],
      },
      decisions: [decision('A', 'LDTT', 2021), decision('a', 'LDTT', 2021), decision('A', 'CSTDCS', 2021), decision('B', 'LDTT', 2020)],
    });
    expect(stats.personMonths.total).toBe(0);
    expect(stats.titlesProposed.LDTT).toEqual({ person: 2, unit: 0 });
    expect(stats.titlesProposed.CSTDCS).toEqual({ person: 1, unit: 0 });
    expect(stats.titlesDecided.LDTT).toEqual({ person: 1, unit: 0 });
    expect(stats.titlesDecided.CSTDCS).toEqual({ person: 1, unit: 0 });
    expect(stats.drives).toBeNull();
  });
});
