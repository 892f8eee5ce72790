import type { ClassStudents } from '../../../server/contract/students.ts';
import type { YearProposals, YearResults } from '../../../server/contract/year-results.ts';

/** Small, hand-made answers of the year's endpoints, for the report builders' tests. */

type Person = YearResults['people'][number];

function person(code: string, name: string, unit: string, level: Person['level'], extra: Partial<Person> = {}): Person {
  const labels = { HTXS: 'Hoàn thành xuất sắc nhiệm vụ', HTT: 'Hoàn thành tốt nhiệm vụ', HT: 'Hoàn thành nhiệm vụ', KHT: 'Không hoàn thành nhiệm vụ', NONE: 'Không xếp loại' };
  return {
    code, name, unit, dutyGroup: 'Giảng viên', monthScores: Array<number | null>(12).fill(85), monthsCounted: 12, monthsAbsent: 0,
    monthsMaternity: 0, annualScore: 85, level, label: labels[level], levelBeforeQuota: level, rankInOrg: 2, rankInUnit: 1,
    reasons: [`Điểm năm 85: ${labels[level]}`], tieAtQuota: false, quotaGroup: 'Giảng viên', ...extra,
  };
}

export function sampleResults(): YearResults {
  return {
    year: '2021',
    finalised: false,
    rate: 20,
    unitRate: 20,
    ruleSetVersion: 1,
    people: [
      person('CB001', 'Lò Văn Long', 'Phòng Đào tạo', 'HTXS', { annualScore: 95.5, rankInOrg: 1 }),
      person('CB002', 'Cầm Thị Hương', 'Khoa Lý luận cơ sở', 'HTXS', {
        levelBeforeQuota: 'HTT',
        reasons: ['Điểm năm 93', 'Đồng điểm tại ngưỡng tỷ lệ — Hội đồng quyết định', 'Hội đồng quyết định xếp HTXS: Chủ trì chuyển đổi số'],
      }),
      person('CB003', 'Hà Văn Tuấn', 'Khoa Lý luận cơ sở', 'HTT', { tieAtQuota: true }),
      person('CB004', 'Vì Thị Lan', 'Khoa Lý luận cơ sở', 'NONE', { monthsCounted: 5, annualScore: null, rankInOrg: null, rankInUnit: null }),
    ],
    units: [
      {
        unit: 'Khoa Lý luận cơ sở', monthScores: Array<number | null>(12).fill(88), monthsCounted: 12, monthsAbsent: 0, annualScore: 88,
        level: 'HTT', label: 'Hoàn thành tốt nhiệm vụ', levelBeforeQuota: 'HTT', rankInOrg: 1, reasons: ['Điểm năm 88'],
        tieAtQuota: false, quotaGroup: null, memberDisciplined: false,
      },
    ],
    quotas: {
      people: [{ group: 'Giảng viên', unit: null, dutyGroup: 'Giảng viên', rate: 20, denominator: 'htt-only', candidates: 12, allowed: 2, used: 2, tieCodes: ['CB003'] }],
      units: [],
    },
    decisions: [
      { id: 1, subject: 'person', kind: 'award', keys: ['CB002'], title: null, rate: null, reason: 'Chủ trì chuyển đổi số', decidedBy: 1, decidedAt: '2022-01-10T02:00:00Z' },
      { id: 2, subject: 'person', kind: 'finalise', keys: [], title: null, rate: null, reason: 'Hội đồng họp', decidedBy: 1, decidedAt: '2022-01-11T02:00:00Z' },
    ],
  };
}

const proposal = (title: string, label: string, eligible: boolean, reasons: string[]) => ({ title, label, eligible, reasons, vote: 'none' as const, warnings: [], withdrawn: null });

export function sampleProposals(): YearProposals {
  return {
    year: '2021',
    finalised: true,
    ruleSetVersion: 1,
    people: [
      {
        code: 'CB001', name: 'Lò Văn Long', unit: 'Phòng Đào tạo', level: 'HTXS', history: [], historyNotes: [], registration: [],
        proposals: [
          proposal('LDTT', 'Lao động tiên tiến', true, ['Đạt: năm 2021 xếp loại HTXS']),
          proposal('CSTDCS', 'Chiến sĩ thi đua cơ sở', true, ['Đạt: LĐTT', 'Đạt: HTXS']),
        ],
      },
      {
        code: 'CB004', name: 'Vì Thị Lan', unit: 'Khoa Lý luận cơ sở', level: 'NONE', history: [], historyNotes: [], registration: [],
        proposals: [
          proposal('LDTT', 'Lao động tiên tiến', false, ['Không đạt: năm 2021 không xếp loại']),
          proposal('CSTDCS', 'Chiến sĩ thi đua cơ sở', false, ['Không đạt: chưa là LĐTT']),
        ],
      },
    ],
    units: [
      {
        unit: 'Khoa Lý luận cơ sở', level: 'HTT', members: 3, countedMembers: 3, ldttMembers: 2, registration: [], movements: null,
        proposals: [proposal('TT_LDTT', 'Tập thể lao động tiên tiến', false, ['Không đạt: 2/3 thành viên LĐTT (cần 70%)'])],
      },
    ],
    withdrawals: [],
    rewards: {
      baseSalary: 2_340_000,
      coefficients: { CSTD_TINH: 3, CSTDCS: 1, LDTT: 0.3, TT_LDXS: 1.5, TT_LDTT: 0.8 },
      perAward: { CSTD_TINH: 7_020_000, CSTDCS: 2_340_000, LDTT: 710_000, TT_LDXS: 3_510_000, TT_LDTT: 1_880_000 },
      lines: [
        { holder: 'person', key: 'CB001', year: 2021, title: 'LDTT', amount: 710_000, paid: false, reason: 'Lao động tiên tiến: không tính tiền thưởng' },
        { holder: 'person', key: 'CB001', year: 2021, title: 'CSTDCS', amount: 2_340_000, paid: true, reason: 'Chiến sĩ thi đua cơ sở: hệ số 1' },
      ],
      byTitle: {
        CSTD_TINH: { count: 0, amount: 0 },
        CSTDCS: { count: 1, amount: 2_340_000 },
        LDTT: { count: 0, amount: 0 },
        TT_LDXS: { count: 0, amount: 0 },
        TT_LDTT: { count: 0, amount: 0 },
      },
      total: 2_340_000,
    },
  };
}

type Student = ClassStudents['students'][number];
const student = (key: string, name: string, gpa: number | null, band: Student['band'], extra: Partial<Student> = {}): Student => ({
  key, code: key.startsWith('HV') ? key : null, name, gpa, conduct: 'Tốt', discipline: null, note: null, band, commended: false,
  tieAtLimit: false, reasons: [`Điểm trung bình ${gpa}`], version: 1, updatedAt: '2021-12-01T00:00:00Z', ...extra,
});

export function sampleClass(name = 'Lớp TC K45 – Bắc Ninh'): ClassStudents {
  return {
    class: name, size: 20, limit: 2, candidates: 3, commended: 1, tieKeys: ['HV02', 'HV03'], ruleSetVersion: 1,
    students: [
      student('HV02', 'Trần Văn Bảo', 9.1, 'Xuất sắc', { tieAtLimit: true, reasons: ['Đồng điểm tại giới hạn khen thưởng của lớp'] }),
      student('học viên số 6', 'Học viên số 6', 7, 'Khá', { code: null }),
      student('HV01', 'Nguyễn Thị Ánh', 9.5, 'Xuất sắc', { commended: true }),
      student('HV03', 'Lê Thị Cúc', 9.1, 'Xuất sắc', { tieAtLimit: true }),
      student('HV09', 'Đỗ Giang', null, null, { reasons: ['Chưa có điểm trung bình'] }),
    ],
  };
}
