import type { MonthSummary } from '../../../server/contract/council.ts';
import type { TiePerson } from '../../../addin/report/tie-runs.ts';

const counts = (HTXS: number, HTT: number, HT: number, KHT: number, NONE: number) => ({ HTXS, HTT, HT, KHT, NONE });

/** A small month: two units, two duty groups, one tie run of three at the limit, two decisions. */
export function sampleSummary(overrides: Partial<MonthSummary> = {}): MonthSummary {
  return {
    period: '2021-10',
    finalised: false,
    rate: 20,
    people: {
      total: counts(3, 7, 1, 1, 1),
      byUnit: [
        { unit: 'Phòng Đào tạo', counts: counts(1, 3, 1, 0, 0) },
        { unit: 'Khoa Lý luận cơ sở', counts: counts(2, 4, 0, 1, 1) },
      ],
      byDutyGroup: [
        { dutyGroup: null, counts: counts(0, 1, 0, 0, 1) },
        { dutyGroup: 'Giảng viên', counts: counts(3, 6, 1, 1, 0) },
      ],
    },
    units: { total: counts(1, 1, 0, 0, 0) },
    quotas: [
      { group: 'Giảng viên', unit: null, dutyGroup: 'Giảng viên', rate: 20, denominator: 'htt-only', candidates: 9, allowed: 3, used: 2, tieCodes: ['CB004', 'CB007', 'CB009'] },
      { group: 'Chuyên viên', unit: null, dutyGroup: 'Chuyên viên', rate: 20, denominator: 'htt-or-above', candidates: 2, allowed: 0, used: 0, tieCodes: [] },
    ],
    ties: [{ group: 'Giảng viên', codes: ['CB004', 'CB007', 'CB009'] }],
    newPeople: [],
    decisions: [
      { id: 1, subject: 'person', kind: 'raise-rate', keys: [], title: null, rate: 25, reason: 'Đơn vị xuất sắc', decidedBy: 1, decidedAt: '2021-11-02T03:04:05Z' },
      { id: 2, subject: 'person', kind: 'award', keys: ['CB004'], title: null, rate: null, reason: 'Có sáng kiến', decidedBy: 1, decidedAt: '2021-11-02T17:30:00Z' },
    ],
    ...overrides,
  };
}

export const samplePeople: TiePerson[] = [
  { code: 'CB004', name: 'Lò Văn Tươi', unit: 'Khoa Lý luận cơ sở', score: 95, level: 'HTT' },
  { code: 'CB007', name: 'Cầm Thị Hoa', unit: 'Phòng Đào tạo', score: 95, level: 'HTT' },
  { code: 'CB009', name: 'Quàng Văn Minh', unit: 'Khoa Lý luận cơ sở', score: 95, level: 'HTT' },
];
