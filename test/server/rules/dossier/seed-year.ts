import { DEFAULT_RULE_SET } from '../../../../server/contract/rule-set.ts';
import type { ContributionInput, DriveInput } from '../../../../server/rules/drives/drive-types.ts';
import type { MonthInput, PeriodDecisions, StudentInput } from '../../../../server/rules/index.ts';

/**
 * A school year shaped like the seed article's 2021 (Trường Chính trị tỉnh Sơn La): rating began in April,
 * so nine months; 49 staff rated in two duty groups plus one on long leave (never rated); five khoa, phòng;
 * five classes; four funds and one in-kind drive. Scores are inputs only: the levels come from the rules
 * (bands, the HTXS quota per duty group, the council's raised rate in the last quarter), not from here.
 */
export const SEED_YEAR = 2021;
export const RATED_MONTHS = [4, 5, 6, 7, 8, 9, 10, 11, 12];
/** The council raised the HTXS rate to 25 % for the last quarter (RULES.md §3, §7). */
export const RAISED_MONTHS = new Set([10, 11, 12]);
export const UNITS = ['Ban Giám hiệu', 'Khoa Lý luận cơ sở', 'Khoa Xây dựng Đảng', 'Khoa Nhà nước và pháp luật', 'Phòng Tổ chức - Hành chính'];

const GROUPS = [
  { dutyGroup: 'Giảng viên', size: 30, candidates: 6 },
  { dutyGroup: 'Chuyên viên', size: 19, candidates: 4 },
];

export interface SeedMonth {
  month: number;
  people: MonthInput[];
  units: MonthInput[];
  decisions: PeriodDecisions;
}

export function seedMonths(): SeedMonth[] {
  return RATED_MONTHS.map((month, m) => {
    const people: MonthInput[] = [];
    let n = 0;
    for (const group of GROUPS) {
      for (let i = 0; i < group.size; i++, n++) {
        // Candidates rotate through the group month by month; each month's candidates have distinct scores.
        const rank = (i + m * 3) % group.size;
        const score = rank < group.candidates ? 98 - rank : 70 + ((i * 7 + m) % 19);
        people.push({ key: `CB${String(n + 1).padStart(3, '0')}`, unit: UNITS[n % UNITS.length]!, dutyGroup: group.dutyGroup, score });
      }
    }
    people.push({ key: 'CB050', unit: UNITS[0]!, dutyGroup: 'Chuyên viên', score: null });
    const units = UNITS.map((unit, u): MonthInput => {
      // 7 is prime to 45, so this walks the 45 unit-months in a scrambled order.
      const htxs = ((m * UNITS.length + u) * 7) % 45 < 25;
      return { key: unit, unit, dutyGroup: null, score: htxs ? 91 + (u % 3) : 80 + u };
    });
    const decisions: PeriodDecisions = RAISED_MONTHS.has(month)
      ? { raisedRate: { rate: DEFAULT_RULE_SET.maxRaisedRate, reason: 'Đơn vị xuất sắc, cấp trên cho phép 25%' }, awards: [] }
      : { awards: [] };
    return { month, people, units, decisions };
  });
}

/** Five classes; every student of good conduct, gpas distinct, so each class commends exactly its limit. */
export function seedStudents(): StudentInput[] {
  const sizes = [120, 110, 100, 100, 95];
  return sizes.flatMap((size, c) =>
    Array.from({ length: size }, (_, i): StudentInput => ({
      key: `HV${c + 1}-${i + 1}`,
      className: `TCLLCT K${c + 1}`,
      gpa: Math.round((9.9 - i * 0.03) * 100) / 100,
      conduct: i % 17 === 5 ? 'Khá' : 'Tốt',
      discipline: null,
    })),
  );
}

export const SEED_DRIVES: DriveInput[] = [
  { code: 'VNN', name: 'Quỹ "Ngày vì người nghèo"', from: '2021-10-17', to: '2021-11-18' },
  { code: 'NONGDAN', name: 'Quỹ "Hỗ trợ nông dân tỉnh Sơn La"', from: null, to: null },
  { code: 'TMC', name: 'Quỹ "Trẻ mồ côi và người tàn tật"', from: null, to: null },
  { code: 'VACXIN', name: 'Quỹ Vắc xin phòng Covid-19', from: '2021-06-01', to: '2021-12-31' },
  { code: 'SMT', name: 'Sóng và máy tính cho em', from: '2021-09-01', to: '2021-12-31' },
];

/** One day's pay from each rated person to the poor; the funds from each unit; devices in kind. */
export function seedContributions(): ContributionInput[] {
  const rows: ContributionInput[] = [];
  for (const p of seedMonths()[0]!.people) {
    if (p.score === null) continue;
    rows.push({ driveCode: 'VNN', unit: p.unit, person: p.key, form: 'money', amount: 250_000, inKindValue: null, date: '2021-10-25' });
  }
  UNITS.forEach((unit, u) => {
    rows.push({ driveCode: 'NONGDAN', unit, person: null, form: 'money', amount: 1_000_000, inKindValue: null, date: '2021-08-10' });
    rows.push({ driveCode: 'TMC', unit, person: null, form: 'money', amount: 700_000, inKindValue: null, date: '2021-06-01' });
    rows.push({ driveCode: 'VACXIN', unit, person: null, form: 'money', amount: 1_500_000, inKindValue: null, date: '2021-07-15' });
    if (u < 2) rows.push({ driveCode: 'SMT', unit, person: null, form: 'in-kind', amount: null, inKindValue: null, date: '2021-09-20' });
  });
  return rows;
}
