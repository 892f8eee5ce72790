import { fixtureRows } from '../../support/fixture.ts';

/**
 * A deterministic year of a 50-person school, built from the public October fixture: every month's scores
 * vary around the person's October score, with maternity and absence marks, one discipline, unit rows for
 * all twelve months, a yearly sheet and an initiatives sheet. Rows are API rows, as the add-in sends them.
 */
export const YEAR = 2023;
export const period = (month: number) => `${YEAR}-${String(month).padStart(2, '0')}`;

export interface SchoolYear {
  /** months[m - 1]: the person rows of month m. */
  months: Record<string, unknown>[][];
  unitMonths: { unit: string; score: number }[][];
  yearly: Record<string, unknown>[];
  initiatives: Record<string, unknown>[];
}

// Chuyên viên is built so the yearly quota (k = 2) keeps CB017 and leaves a tie, CB032 and CB043, for the council.
export const TOP = 'CB017';
export const TIE = ['CB032', 'CB043'] as const;
const CAPPED_GROUP = 'Chuyên viên';
const MATERNITY = { code: 'CB040', months: [3, 4, 5, 6, 7, 8] };
const ABSENT_THREE = { code: 'CB041', months: [10, 11, 12] };
const ABSENT_SEVEN = { code: 'CB042', months: [1, 2, 3, 4, 5, 6, 7] };
export const DISCIPLINED = { code: 'CB021', month: 5, form: 'khiển trách' };

const oneDecimal = (n: number) => Math.round(n * 10) / 10;
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));

function monthScore(row: Record<string, unknown>, i: number, month: number): number | undefined {
  const code = row.code as string;
  if (code === TOP) return 95;
  if ((TIE as readonly string[]).includes(code)) return 93;
  if (typeof row.score !== 'number') return undefined;
  const swing = ((i * 7 + month * 13) % 11) - 5 + ((i * 3 + month) % 10) / 10;
  const max = row.dutyGroup === CAPPED_GROUP ? 89 : 100;
  return oneDecimal(clamp(row.score + swing, 0, max));
}

function personMonth(row: Record<string, unknown>, i: number, month: number): Record<string, unknown> {
  const { discipline: _, selfScore: __, ...base } = row;
  const out: Record<string, unknown> = { ...base, ref: i + 6, score: monthScore(row, i, month) };
  const code = row.code as string;
  if (code === MATERNITY.code && MATERNITY.months.includes(month)) Object.assign(out, { score: '', leave: 'Nghỉ thai sản' });
  for (const absent of [ABSENT_THREE, ABSENT_SEVEN]) {
    if (code === absent.code && absent.months.includes(month)) Object.assign(out, { score: '', leave: 'Nghỉ' });
  }
  if (code === DISCIPLINED.code && month === DISCIPLINED.month) out.discipline = DISCIPLINED.form;
  return out;
}

const UNIT_BASE: Record<string, number> = {
  'Ban Giám hiệu': 91,
  'Khoa Lý luận cơ sở': 88,
  'Khoa Xây dựng Đảng': 84,
  'Khoa Nhà nước và pháp luật': 93,
  'Phòng Quản lý đào tạo và NCKH': 79,
  'Phòng Tổ chức - Hành chính': 86,
};

export async function schoolYear(): Promise<SchoolYear> {
  const base = await fixtureRows();
  const months = Array.from({ length: 12 }, (_, m) => base.map((row, i) => personMonth(row, i, m + 1)));
  const unitMonths = Array.from({ length: 12 }, (_, m) =>
    Object.entries(UNIT_BASE).map(([unit, score], u) => ({ unit, score: oneDecimal(score + ((u * 5 + m * 3) % 7) - 3) })),
  );
  const who = (code: string) => {
    const row = base.find((r) => r.code === code)!;
    return { code, name: row.name, unit: row.unit, dutyGroup: row.dutyGroup };
  };
  const yearly = [
    { ...who('CB001'), allTasksDone: 'Có', exceededPct: '45%', voteAgree: 9, voteTotal: 10, sex: 'Nam', recruitedOn: '01/09/1998' },
    { ...who('CB013'), allTasksDone: 'Không' },
    { ...who('CB009'), pendingDisciplineCase: 'x' },
    { ...who('CB016'), priorTitles: 'CSTĐCS 2021, 2022', voteAgree: 10, voteTotal: 10, sex: 'Nữ' },
    { ...who('CB050'), recruitedOn: '15/08/2023' },
    { ...who('CB036'), latePct: 25 },
  ].map((row, i) => ({ ...row, ref: i + 5 }));
  const initiatives = [
    { code: 'CB016', kind: 'Sáng kiến', title: 'Dạy học lý luận qua tình huống', level: 'Cấp tỉnh', recognisedOn: '10/05/2023' },
    { code: 'CB030', kind: 'sáng kiến', title: 'Số hóa hồ sơ học viên', level: 'cơ sở', recognisedOn: '20/11/2023' },
    { name: who('CB025').name, unit: who('CB025').unit, kind: 'Đề tài', title: 'Công tác dân vận ở cơ sở', recognisedOn: '01/06/2023' },
  ].map((row, i) => ({ ...row, ref: i + 4 }));
  return { months, unitMonths, yearly, initiatives };
}
