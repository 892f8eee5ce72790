import { describe, expect, it } from 'vitest';
import { checkContribution } from '../../../../server/rules/drives/check-contributions.ts';
import { driveMonths, driveTotals, moneyPhrase, participationMonths } from '../../../../server/rules/drives/drive-totals.ts';
import { unitMovementLine } from '../../../../server/rules/drives/unit-movements.ts';
import type { ContributionInput, DriveInput } from '../../../../server/rules/drives/drive-types.ts';
import { canSeePersonAmounts, personContributionList, visibleContributions } from '../../../../server/rules/drives/privacy.ts';

const Y = 2026;
const DRIVES: DriveInput[] = [
  { code: 'VNN', name: 'Ngày vì người nghèo', from: `${Y}-10-17`, to: `${Y}-11-18` },
  { code: 'COVID', name: 'Quỹ vắc xin', from: `${Y - 1}-12-01`, to: `${Y}-02-28` },
  { code: 'SMT', name: 'Sóng và máy tính cho em', from: null, to: null },
];
const money = (driveCode: string, unit: string, amount: number, person: string | null = null, date: string | null = null): ContributionInput => ({
  driveCode, unit, person, form: 'money', amount, inKindValue: null, date,
});

describe('contributions against the register (DRV-2, DRV-6.2)', () => {
  it('rejects a drive code the register does not have, naming it', () => {
    expect(checkContribution({ driveCode: 'VNN2025', date: null }, DRIVES)).toEqual({ error: 'Không có phong trào mã «VNN2025» trong sổ phong trào của năm', warnings: [] });
  });

  it('warns about a date outside the drive', () => {
    expect(checkContribution({ driveCode: 'vnn', date: `${Y}-12-01` }, DRIVES).warnings).toEqual([
      'Ngày 01/12/2026 ngoài thời gian của phong trào «Ngày vì người nghèo» (17/10/2026 – 18/11/2026)',
    ]);
    expect(checkContribution({ driveCode: 'VNN', date: `${Y}-10-20` }, DRIVES)).toEqual({ error: null, warnings: [] });
  });
});

describe('totals per drive and unit (DRV-3, DRV-6)', () => {
  const rows: ContributionInput[] = [
    money('VNN', 'Khoa A', 1_500_000, null, `${Y}-10-20`),
    money('VNN', 'Khoa A', 200_000, 'CB01', `${Y}-10-21`),
    money('VNN', 'Khoa A', 300_000, 'CB02', `${Y}-10-21`),
    money('VNN', 'Khoa A', 100_000, 'CB01', `${Y}-11-02`),
    money('VNN', 'Phòng B', 2_000_000, null, null),
    // The Covid drive spans two years: each contribution counts in the year of its date (DRV-6.1).
    money('COVID', 'Phòng B', 5_000_000, null, `${Y - 1}-12-15`),
    money('COVID', 'Phòng B', 3_000_000, null, `${Y}-01-10`),
    { driveCode: 'SMT', unit: 'Khoa A', person: null, form: 'in-kind', amount: null, inKindValue: 8_000_000, date: `${Y}-09-01` },
    { driveCode: 'SMT', unit: 'Phòng B', person: null, form: 'in-kind', amount: null, inKindValue: null, date: `${Y}-09-01` },
  ];

  it('sums money per drive, counting in-kind apart and never as money (DRV-6.4)', () => {
    const t = driveTotals(Y, DRIVES, rows);
    expect(t.drives).toEqual([
      { code: 'VNN', name: 'Ngày vì người nghèo', money: 4_100_000, inKindValue: 0, inKindCount: 0, units: 2, people: 2 },
      { code: 'COVID', name: 'Quỹ vắc xin', money: 3_000_000, inKindValue: 0, inKindCount: 0, units: 1, people: 0 },
      { code: 'SMT', name: 'Sóng và máy tính cho em', money: 0, inKindValue: 8_000_000, inKindCount: 2, units: 2, people: 0 },
    ]);
    expect([t.money, t.inKindValue, t.inKindCount, t.phrase]).toEqual([7_100_000, 8_000_000, 2, 'hơn 7 triệu đồng']);
  });

  it('totals per unit, with Tỷ lệ tham gia only where the unit has person-level rows', () => {
    const t = driveTotals(Y, DRIVES, rows, (unit) => (unit === 'Khoa A' ? 3 : 10));
    expect(t.units).toEqual([
      { unit: 'Khoa A', byDrive: { VNN: 2_100_000 }, money: 2_100_000, drives: 2, participation: { people: 2, members: 3, pct: 66.7 } },
      { unit: 'Phòng B', byDrive: { VNN: 2_000_000, COVID: 3_000_000 }, money: 5_000_000, drives: 3, participation: null },
    ]);
  });

  it('divides Tỷ lệ tham gia by the unit’s people in the months of the drives its people gave to, not the year', () => {
    expect(participationMonths(Y, DRIVES, rows)).toEqual(new Map([['khoa a', [`${Y}-10`, `${Y}-11`]]]));
    const asked: [string, readonly string[]][] = [];
    const t = driveTotals(Y, DRIVES, [...rows, money('COVID', 'Khoa A', 50_000, 'CB03', `${Y}-01-05`)], (unit, months) => {
      asked.push([unit, months]);
      return months.length;
    });
    expect(asked).toEqual([['Khoa A', [`${Y}-01`, `${Y}-02`, `${Y}-10`, `${Y}-11`]]]);
    expect(t.units[0]!.participation).toEqual({ people: 3, members: 4, pct: 75 });
  });

  it('takes a drive’s months inside the year only; a drive with no dates runs all year', () => {
    expect(driveMonths(Y, DRIVES[0]!)).toEqual([`${Y}-10`, `${Y}-11`]);
    expect(driveMonths(Y, DRIVES[1]!)).toEqual([`${Y}-01`, `${Y}-02`]);
    expect(driveMonths(Y - 1, DRIVES[1]!)).toEqual([`${Y - 1}-12`]);
    expect(driveMonths(Y, DRIVES[2]!)).toHaveLength(12);
    expect(driveMonths(Y + 1, DRIVES[0]!)).toEqual([]);
  });

  it('gives a unit its drives of the register, in money or in kind, and its money, as DRV-5 shows them', () => {
    const t = driveTotals(Y, DRIVES, rows);
    expect(unitMovementLine(t, 'khoa a')).toBe('Phong trào tham gia: 2/3; đóng góp: 2.100.000 đồng');
    expect(unitMovementLine(t, 'Phòng B')).toBe('Phong trào tham gia: 3/3; đóng góp: 5.000.000 đồng');
    expect(unitMovementLine(t, 'Phòng C')).toBe('Phong trào tham gia: 0/3; đóng góp: 0 đồng');
  });

  it('groups by the unit written on the row, as it was on the date (DRV-6.5, 6.6)', () => {
    const t = driveTotals(Y, DRIVES, [money('VNN', 'Khoa cũ', 100_000, 'CB09', `${Y}-10-20`), money('VNN', ' khoa cũ ', 50_000, null, `${Y}-10-20`)]);
    expect(t.units.map((u) => [u.unit, u.money])).toEqual([['Khoa cũ', 150_000]]);
  });

  it('writes «hơn N triệu đồng» rounded down, and an exact or small total in full', () => {
    expect(moneyPhrase(28_450_000)).toBe('hơn 28 triệu đồng');
    expect(moneyPhrase(28_000_000)).toBe('28 triệu đồng');
    expect(moneyPhrase(999_999)).toBe('999.999 đồng');
  });
});

describe('who sees person-level amounts (DRV-4)', () => {
  const rows: ContributionInput[] = [
    money('VNN', 'Khoa A', 200_000, 'CB01'),
    money('VNN', 'Khoa A', 500_000, 'CB02'),
    money('VNN', 'Khoa A', 1_000_000),
    money('VNN', 'Phòng B', 300_000, 'CB07'),
  ];
  const admin = { role: 'admin' as const, units: [] };
  const council = { role: 'council' as const, units: [] };
  const raterA = { role: 'rater' as const, units: ['khoa a'] };
  const viewer = { role: 'viewer' as const, units: [] };

  it('shows them to the admin, the council and that unit’s rater only', () => {
    expect(canSeePersonAmounts(admin, 'Khoa A')).toBe(true);
    expect(canSeePersonAmounts(council, 'Khoa A')).toBe(true);
    expect(canSeePersonAmounts(raterA, 'Khoa A')).toBe(true);
    expect(canSeePersonAmounts(raterA, 'Phòng B')).toBe(false);
    expect(canSeePersonAmounts(viewer, 'Khoa A')).toBe(false);
  });

  it('gives others the unit total in place of person-level rows', () => {
    expect(visibleContributions(rows, admin)).toEqual(rows);
    const seen = visibleContributions(rows, raterA);
    expect(seen.filter((r) => r.person !== null).map((r) => r.person)).toEqual(['CB01', 'CB02']);
    expect(seen.find((r) => 'summed' in r)).toMatchObject({ unit: 'Phòng B', amount: 300_000, person: null });
    const v = visibleContributions(rows, viewer);
    expect(v.every((r) => r.person === null)).toBe(true);
    expect(v.filter((r) => 'summed' in r).map((r) => [r.unit, r.amount])).toEqual([['Khoa A', 700_000], ['Phòng B', 300_000]]);
  });

  it('lists people in unit order and by name, never by amount, with amounts only for the admin and the council', () => {
    const named = [
      { ...money('VNN', 'Khoa A', 900_000, 'CB01'), name: 'Lò Văn Yên' },
      { ...money('VNN', 'Khoa A', 100_000, 'CB02'), name: 'Cầm Thị Anh' },
      { ...money('VNN', 'Ban Giám hiệu', 50_000, 'CB03'), name: 'Hà Văn Xuân' },
    ];
    const units = ['Ban Giám hiệu', 'Khoa A'];
    expect(personContributionList(named, units, council).map((e) => [e.name, e.amount])).toEqual([
      ['Hà Văn Xuân', 50_000],
      ['Cầm Thị Anh', 100_000],
      ['Lò Văn Yên', 900_000],
    ]);
    const forRater = personContributionList(named, units, raterA);
    expect(forRater.map((e) => e.name)).toEqual(['Hà Văn Xuân', 'Cầm Thị Anh', 'Lò Văn Yên']);
    expect(forRater.some((e) => 'amount' in e)).toBe(false);
  });
});
