/**
 * Sheets laid out the way Vietnamese offices keep them, described once as plain cells, merged areas and bold
 * rows, then written as .xlsx (exceljs), .xls (LibreOffice) or into the fake Excel. None of them is the
 * product's own template: no staff codes, units merged or written as headings, totals and signatures below.
 */
import type { CellValue } from '../../../addin/sheet/types.ts';

export interface SheetLayout {
  name: string;
  values: CellValue[][];
  /** A1 areas merged as the user merged them (the value in the top-left cell). */
  merges: string[];
  /** 1-based rows set in bold. */
  bold: number[];
}

export interface LayoutPerson {
  name: string;
  unit: string;
  group: string;
  score: number;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lò', 'Cầm', 'Điêu', 'Vì', 'Hà', 'Bùi', 'Đinh', 'Tòng'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Hồng'];
const GIVEN = ['Long', 'Hương', 'Hùng', 'Lan', 'Tuấn', 'Trang', 'Hoa', 'Sơn', 'Mai', 'Dũng', 'Yến'];

export const LAYOUT_UNITS = ['Ban Giám hiệu', 'Khoa Lý luận cơ sở', 'Khoa Xây dựng Đảng', 'Phòng Tổ chức - Hành chính'];

/** `count` people spread over the four units in blocks, scores from 70 to 99 (two of them tied). */
export function layoutPeople(count: number): LayoutPerson[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `${FAMILY[i % FAMILY.length]} ${MIDDLE[i % MIDDLE.length]} ${GIVEN[i % GIVEN.length]}`,
    unit: LAYOUT_UNITS[Math.floor((i * LAYOUT_UNITS.length) / count)]!,
    group: i % 4 === 0 ? 'Lãnh đạo' : 'Giảng viên',
    score: 70 + ((i * 7) % 30),
  }));
}

/** Title rows naming the month of a sheet called "T10-2021". */
function titles(sheet: string): CellValue[][] {
  const m = /^T(\d{1,2})-(\d{4})$/.exec(sheet);
  return [
    ['TỈNH ỦY SƠN LA', null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    ['TRƯỜNG CHÍNH TRỊ TỈNH'],
    [`BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI${m ? ` THÁNG ${m[1]}/${m[2]}` : ''}`],
    [],
  ];
}
const TITLE_ROWS = 4;

const SIGNATURES: CellValue[][] = [
  [],
  [null, null, null, null, 'Sơn La, ngày 31 tháng 10 năm 2021'],
  [null, 'NGƯỜI LẬP BIỂU', null, null, 'HIỆU TRƯỞNG'],
  [null, '(Ký, ghi rõ họ tên)', null, null, '(Ký tên, đóng dấu)'],
  [],
  [null, 'Lò Thị Hoa', null, null, 'Đỗ Đức Hùng'],
];

/** Unit and duty group written once per block, merged down over the block's rows; no staff codes. */
export function mergedUnitSheet(people: readonly LayoutPerson[], name = 'T10-2021'): SheetLayout {
  const header = ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Nhóm', 'Điểm tự chấm', 'Điểm đánh giá', 'Ghi chú'];
  const values: CellValue[][] = [...titles(name), header];
  const merges: string[] = [];
  let start = 0;
  people.forEach((p, i) => {
    const first = i === 0 || people[i - 1]!.unit !== p.unit;
    values.push([i + 1, p.name, 'Giảng viên', first ? p.unit : null, first ? p.group : null, p.score, p.score, null]);
    const last = i === people.length - 1 || people[i + 1]!.unit !== p.unit;
    if (first) start = values.length;
    if (last && values.length > start) merges.push(`D${start}:D${values.length}`, `E${start}:E${values.length}`);
  });
  // The merged group is the block's first person's: everyone in the block is in it.
  values.push(...SIGNATURES.map((r) => [...r]));
  return { name, values, merges, bold: [TITLE_ROWS + 1] };
}

export type SectionStyle = 'roman-merged' | 'numbered-unmerged' | 'bold-alone' | 'with-footer';
export const SECTION_STYLES: readonly SectionStyle[] = ['roman-merged', 'numbered-unmerged', 'bold-alone', 'with-footer'];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/** No unit column: each unit is a heading row over its people, in one of four styles found in offices. */
export function sectionSheet(people: readonly LayoutPerson[], style: SectionStyle, name = 'T10-2021'): SheetLayout {
  const header = ['STT', 'Họ và tên', 'Chức vụ', 'Nhóm', 'Điểm tự chấm', 'Điểm đánh giá', 'Ghi chú'];
  const values: CellValue[][] = [...titles(name), header];
  const merges: string[] = [];
  const bold = [TITLE_ROWS + 1];
  let section = -1;
  people.forEach((p, i) => {
    if (i === 0 || people[i - 1]!.unit !== p.unit) {
      section++;
      if (style === 'roman-merged' || style === 'with-footer') {
        values.push([`${ROMAN[section]}. ${p.unit.toUpperCase()}`]);
        merges.push(`A${values.length}:G${values.length}`);
      } else if (style === 'numbered-unmerged') values.push([null, `${section + 1}. ${p.unit}`]);
      else values.push([null, p.unit]);
      bold.push(values.length);
    }
    values.push([i + 1, p.name, 'Giảng viên', p.group, p.score, p.score, null]);
  });
  if (style === 'with-footer') {
    values.push(['Tổng cộng', null, null, null, null, people.reduce((s, p) => s + p.score, 0), null]);
    merges.push(`A${values.length}:D${values.length}`);
    values.push(...SIGNATURES.map((r) => [...r]));
  }
  return { name, values, merges, bold };
}

/** The familiar layout with a "Xếp loại" column the council already filled by hand for three people. */
export function typedLevelsSheet(people: readonly LayoutPerson[], name = 'T10-2021'): SheetLayout {
  const header = ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Nhóm', 'Điểm tự chấm', 'Điểm đánh giá', 'Xếp loại'];
  const values: CellValue[][] = [...titles(name), header];
  people.forEach((p, i) => {
    values.push([i + 1, p.name, 'Giảng viên', p.unit, p.group, p.score, p.score, i < 3 ? 'HTXS' : null]);
  });
  return { name, values, merges: [], bold: [TITLE_ROWS + 1] };
}

/** A CSV export of a month, saved under an .xlsx name. */
export function renamedCsv(people: readonly LayoutPerson[]): Uint8Array {
  const lines = ['STT,Họ và tên,Đơn vị,Điểm đánh giá', ...people.map((p, i) => `${i + 1},${p.name},${p.unit},${p.score}`)];
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}
