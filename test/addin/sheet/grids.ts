import type { CellValue, SheetGrid } from '../../../addin/sheet/types.ts';

/** Grids for the sheet engine's tests, laid out like the familiar sheet. */

export const FAMILIAR_HEADER = [
  'STT',
  'Mã CB',
  'Họ và tên',
  'Chức vụ',
  'Đơn vị',
  'Nhóm',
  'Điểm tự chấm',
  'Điểm đánh giá',
  'Kỷ luật',
  'Ghi chú',
];

export const TITLE_ROWS: CellValue[][] = [
  ['TỈNH ỦY SƠN LA', null, null, null, null, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
  ['TRƯỜNG CHÍNH TRỊ TỈNH SƠN LA'],
  ['BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG CHỨC, VIÊN CHỨC THÁNG 10/2021'],
  [],
];

const UNITS = ['Ban Giám hiệu', 'Khoa Lý luận cơ sở', 'Khoa Xây dựng Đảng', 'Phòng Tổ chức - Hành chính'];
const FAMILY = ['Nguyễn', 'Trần', 'Lò', 'Cầm', 'Điêu', 'Vì', 'Hà', 'Bùi'];
const GIVEN = ['Văn Long', 'Thị Hương', 'Đức Hùng', 'Hồng Lan', 'Minh Tuấn', 'Thu Trang'];

export function personRow(i: number): CellValue[] {
  const code = `CB${String(i + 1).padStart(5, '0')}`;
  const name = `${FAMILY[i % FAMILY.length]} ${GIVEN[Math.floor(i / 8) % GIVEN.length]} ${i + 1}`;
  const self = 70 + ((i * 7) % 300) / 10;
  const score = 60 + ((i * 13) % 400) / 10;
  return [i + 1, code, name, 'Chuyên viên', UNITS[i % UNITS.length]!, i % 3 === 0 ? 'Giảng viên' : 'Chuyên viên', self, score, null, null];
}

/** The familiar sheet with `count` people, header on row 5 (index 4). */
export function familiarGrid(count: number, name = 'T10-2021'): SheetGrid {
  const values: CellValue[][] = [...TITLE_ROWS.map((r) => [...r]), [...FAMILIAR_HEADER]];
  for (let i = 0; i < count; i++) values.push(personRow(i));
  return { name, values, top: 0, left: 0 };
}

export function grid(values: CellValue[][], name = 'Sheet1', top = 0, left = 0): SheetGrid {
  return { name, values, top, left };
}
