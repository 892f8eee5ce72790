import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { FIXTURE_XLSX } from '../support/fixture.ts';
import { schoolYear, TIE, TOP } from '../server/years/school-year.ts';

/**
 * A school's year as the officers keep it, in .xlsx files written with exceljs: twelve monthly sheets varied
 * from the public October fixture (T01-2021 … T12-2021, scores, leave marks and the discipline of each month
 * from the deterministic school year of the service's tests), twelve department sheets, the yearly sheet,
 * the initiatives sheet and two class sheets. Returns the files in the order a secretary would sync them.
 */

export const YEAR = '2021';
export { TIE, TOP };
export const CLASS_A = 'TC K45';
/** No "Lớp" column: the class is the sheet's name. */
export const CLASS_B = 'TC K46 – Mộc Châu';

export interface YearFile {
  path: string;
  kind: 'person' | 'unit' | 'year' | 'initiative' | 'student';
}

const mm = (m: number) => String(m).padStart(2, '0');

async function save(wb: ExcelJS.Workbook, path: string): Promise<void> {
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
}

/** The October fixture turned into month `m`: its name, its title, every score, leave and discipline cell. */
async function monthFile(rows: Record<string, unknown>[], m: number, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE_XLSX.pathname);
  const ws = wb.worksheets[0]!;
  ws.name = `T${mm(m)}-${YEAR}`;
  ws.getCell('A3').value = `BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG CHỨC, VIÊN CHỨC THÁNG ${mm(m)}/${YEAR}`;
  ws.getCell('K5').value = 'Nghỉ';
  const byCode = new Map(rows.map((r) => [r.code as string, r]));
  for (let r = 6; r <= 55; r++) {
    const row = byCode.get(String(ws.getCell(r, 2).value))!;
    ws.getCell(r, 8).value = typeof row.score === 'number' ? row.score : null;
    ws.getCell(r, 9).value = (row.discipline as string | undefined) ?? null;
    ws.getCell(r, 11).value = (row.leave as string | undefined) ?? null;
  }
  await save(wb, path);
}

async function unitFile(units: { unit: string; score: number }[], m: number, path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`T${mm(m)}-${YEAR}`);
  ws.addRow(['TRƯỜNG CHÍNH TRỊ TỈNH SƠN LA']);
  ws.addRow([`BẢNG ĐÁNH GIÁ, XẾP LOẠI TẬP THỂ KHOA, PHÒNG THÁNG ${mm(m)}/${YEAR}`]);
  ws.addRow([]);
  ws.addRow(['STT', 'Khoa, phòng', 'Điểm đánh giá', 'Ghi chú']);
  units.forEach((u, i) => ws.addRow([i + 1, u.unit, u.score, null]));
  await save(wb, path);
}

type Who = { code: string; name: string; unit: string; dutyGroup: string };

/** Everyone of October on the yearly sheet; six with the year's gates, votes, earlier titles and dates. */
async function yearlyFile(people: Who[], path: string): Promise<void> {
  const special: Record<string, unknown[]> = {
    // Nhóm is already left; then Giới tính, Ngày tuyển dụng, 100%, vượt, chậm, kỷ luật, xem xét, đồng ý, tổng, danh hiệu.
    CB001: ['Nam', '01/09/1998', 'Có', '45%', null, null, null, 9, 10, null],
    CB013: [null, null, 'Không', null, null, null, null, null, null, null],
    CB009: [null, null, null, null, null, null, 'x', null, null, null],
    CB016: ['Nữ', null, null, null, null, null, null, 10, 10, 'CSTĐCS 2019, 2020'],
    CB050: [null, '15/08/2021', null, null, null, null, null, null, null, null],
    CB036: [null, null, null, null, 25, null, null, null, null, null],
  };
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`Năm ${YEAR}`);
  ws.addRow(['TRƯỜNG CHÍNH TRỊ TỈNH SƠN LA']);
  ws.addRow([`BẢNG XẾP LOẠI CÔNG CHỨC, VIÊN CHỨC NĂM ${YEAR}`]);
  ws.addRow([]);
  ws.addRow([
    'STT', 'Mã CB', 'Họ và tên', 'Đơn vị', 'Nhóm', 'Giới tính', 'Ngày tuyển dụng', 'Hoàn thành 100% nhiệm vụ', 'Tỷ lệ vượt',
    'Tỷ lệ chậm', 'Kỷ luật', 'Đang xem xét kỷ luật', 'Số phiếu đồng ý', 'Tổng số phiếu', 'Danh hiệu các năm trước', 'Ghi chú',
  ]);
  people.forEach((p, i) => ws.addRow([i + 1, p.code, p.name, p.unit, p.dutyGroup, ...(special[p.code] ?? Array(10).fill(null)), null]));
  await save(wb, path);
}

async function initiativeFile(people: Who[], path: string): Promise<void> {
  const who = (code: string) => people.find((p) => p.code === code)!;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`Sáng kiến ${YEAR}`);
  ws.addRow([`DANH SÁCH SÁNG KIẾN, ĐỀ TÀI ĐƯỢC CÔNG NHẬN NĂM ${YEAR}`]);
  ws.addRow([]);
  ws.addRow(['STT', 'Mã CB', 'Họ và tên', 'Đơn vị', 'Loại', 'Tên sáng kiến/đề tài', 'Cấp công nhận', 'Ngày công nhận', 'Ghi chú']);
  ws.addRow([1, 'CB016', who('CB016').name, who('CB016').unit, 'Sáng kiến', 'Dạy học lý luận qua tình huống', 'Cấp tỉnh', '10/05/2021', null]);
  ws.addRow([2, 'CB030', who('CB030').name, who('CB030').unit, 'SK', 'Số hóa hồ sơ học viên', 'cơ sở', '20/11/2021', null]);
  ws.addRow([3, null, who('CB025').name, who('CB025').unit, 'Đề tài', 'Công tác dân vận ở cơ sở', null, '01/06/2021', null]);
  await save(wb, path);
}

/** 20 students (limit 2; the 9.1 tie run crosses it after the 9.5) or 12 without codes (limit 1). */
async function classFile(path: string, sheet: string, withClassColumn: boolean, count: number): Promise<void> {
  const named = [
    ['HV01', 'Nguyễn Thị Ánh', '9,5', 'Tốt', null],
    ['HV02', 'Trần Văn Bảo', 9.1, 'tốt', null],
    ['HV03', 'Lê Thị Cúc', 9.1, 'Tốt', null],
    ['HV04', 'Phạm Văn Dũng', 9.6, 'Khá', null],
    ['HV05', 'Hoàng Văn Em', 8.8, 'Tốt', 'Khiển trách'],
  ];
  const rest = Array.from({ length: count - named.length }, (_, i) => [null, `Học viên số ${i + 6}`, 7 + i / 20, 'Khá', 'Không']);
  const rows = withClassColumn ? [...named, ...rest] : [...named.map((r) => [null, ...r.slice(1)]), ...rest];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(['KẾT QUẢ HỌC TẬP, RÈN LUYỆN CỦA HỌC VIÊN']);
  ws.addRow([]);
  ws.addRow(withClassColumn ? ['STT', 'Lớp', 'Mã HV', 'Họ và tên', 'ĐTB', 'Rèn luyện', 'Kỷ luật'] : ['STT', 'Họ và tên', 'ĐTB', 'Rèn luyện', 'Kỷ luật']);
  rows.forEach((r, i) => ws.addRow(withClassColumn ? [i + 1, CLASS_A, ...r] : [i + 1, ...r.slice(1)]));
  await save(wb, path);
}

export async function writeSchoolYear(dir: string): Promise<YearFile[]> {
  const data = await schoolYear();
  const files: YearFile[] = [];
  for (let m = 1; m <= 12; m++) {
    const person = join(dir, `danh-gia-T${mm(m)}.xlsx`);
    await monthFile(data.months[m - 1]!, m, person);
    const unit = join(dir, `khoa-phong-T${mm(m)}.xlsx`);
    await unitFile(data.unitMonths[m - 1]!, m, unit);
    files.push({ path: person, kind: 'person' }, { path: unit, kind: 'unit' });
  }
  const people = data.months[9]!.map((r) => ({ code: r.code, name: r.name, unit: r.unit, dutyGroup: r.dutyGroup }) as Who);
  const yearly = join(dir, 'xep-loai-nam.xlsx');
  await yearlyFile(people, yearly);
  const initiatives = join(dir, 'sang-kien.xlsx');
  await initiativeFile(people, initiatives);
  const classA = join(dir, 'lop-a.xlsx');
  await classFile(classA, 'Học viên', true, 20);
  const classB = join(dir, 'lop-b.xlsx');
  await classFile(classB, CLASS_B, false, 12);
  files.push(
    { path: yearly, kind: 'year' },
    { path: initiatives, kind: 'initiative' },
    { path: classA, kind: 'student' },
    { path: classB, kind: 'student' },
  );
  return files;
}
