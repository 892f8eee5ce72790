import type { CellValue, SheetGrid } from '../../addin/sheet/types.ts';

/**
 * Synthetic, deterministic data shaped like a real organisation's month: ten units, three duty groups,
 * scores 50–100 with one decimal, Vietnamese names (NFC). The same seed gives the same rows every run.
 */

export const PERIOD = '2021-10';

export const UNITS = [
  'Ban Giám hiệu',
  'Khoa Lý luận cơ sở',
  'Khoa Xây dựng Đảng',
  'Khoa Nhà nước và pháp luật',
  'Khoa Dân vận',
  'Phòng Quản lý đào tạo và NCKH',
  'Phòng Tổ chức - Hành chính',
  'Phòng Kế hoạch - Tài chính',
  'Trung tâm Bồi dưỡng',
  'Thư viện',
];
export const DUTY_GROUPS = ['Lãnh đạo', 'Giảng viên', 'Chuyên viên'];
export const TITLES: Record<string, string[]> = {
  'Lãnh đạo': ['Trưởng khoa', 'Phó Trưởng khoa', 'Trưởng phòng', 'Phó Trưởng phòng'],
  'Giảng viên': ['Giảng viên', 'Giảng viên chính'],
  'Chuyên viên': ['Chuyên viên', 'Kế toán', 'Thủ thư', 'Nhân viên'],
};
export const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đỗ', 'Bùi', 'Lò', 'Cầm', 'Điêu', 'Vì', 'Hà', 'Đặng', 'Ngô'];
export const MIDDLE = ['Văn', 'Thị', 'Đức', 'Hữu', 'Minh', 'Thanh', 'Ngọc', 'Xuân', 'Hồng', 'Quốc'];
export const GIVEN = ['Long', 'Hương', 'Hùng', 'Lan', 'Tuấn', 'Trang', 'Dũng', 'Thắng', 'Cường', 'Hà', 'Mai', 'Sơn', 'Yến', 'Phương', 'Nam'];

export interface BenchRow {
  ref: number;
  code: string;
  name: string;
  title: string;
  unit: string;
  dutyGroup: string;
  selfScore: number;
  score: number;
  note?: string;
  baseVersion?: number;
}

/** mulberry32: a tiny seeded generator, so runs compare like with like. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const tenth = (r: () => number, lo: number, hi: number) => Math.round((lo + r() * (hi - lo)) * 10) / 10;

/** `count` people of one month; row i sits on sheet row i + 6 like the familiar sheet. */
export function makeRows(count: number, seed = 1): BenchRow[] {
  const r = random(seed);
  const rows: BenchRow[] = [];
  for (let i = 0; i < count; i++) {
    // Leaders are few, lecturers and specialists share the rest.
    const g = r();
    const dutyGroup = g < 0.1 ? DUTY_GROUPS[0]! : g < 0.55 ? DUTY_GROUPS[1]! : DUTY_GROUPS[2]!;
    const score = tenth(r, 50, 100);
    const row: BenchRow = {
      ref: i + 6,
      code: `CB${String(i + 1).padStart(6, '0')}`,
      name: `${pick(r, FAMILY)} ${pick(r, MIDDLE)} ${pick(r, GIVEN)}`,
      title: pick(r, TITLES[dutyGroup]!),
      unit: UNITS[i % UNITS.length]!,
      dutyGroup,
      selfScore: Math.min(100, Math.round((score + r() * 8) * 10) / 10),
      score,
    };
    if (r() < 0.05) row.note = 'Nghỉ phép 3 ngày';
    rows.push(row);
  }
  return rows;
}

/** The same people with changed scores, each carrying the version it was last synced with. */
export function changedRows(rows: readonly BenchRow[], versions: readonly (number | null)[], seed = 2): BenchRow[] {
  const r = random(seed);
  return rows.map((row, i) => {
    const step = r() < 0.5 ? -0.5 : 0.5;
    const moved = row.score + step > 100 || row.score + step < 50 ? row.score - step : row.score + step;
    const score = Math.round(moved * 10) / 10;
    return { ...row, score, baseVersion: versions[i] ?? 1 };
  });
}

export const SHEET_HEADER = ['STT', 'Mã CB', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Nhóm', 'Điểm tự chấm', 'Điểm đánh giá', 'Kỷ luật', 'Ghi chú'];

/** The familiar sheet: title rows, a header on row 5, one row per person. */
export function makeGrid(rows: readonly BenchRow[]): SheetGrid {
  const values: CellValue[][] = [
    ['TỈNH ỦY SƠN LA', null, null, null, null, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
    ['TRƯỜNG CHÍNH TRỊ TỈNH SƠN LA'],
    ['BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG CHỨC, VIÊN CHỨC THÁNG 10/2021'],
    [],
    [...SHEET_HEADER],
  ];
  rows.forEach((p, i) => {
    values.push([i + 1, p.code, p.name, p.title, p.unit, p.dutyGroup, p.selfScore, p.score, null, p.note ?? null]);
  });
  return { name: 'T10-2021', values, top: 0, left: 0 };
}
