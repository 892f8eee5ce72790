import { describe, expect, it } from 'vitest';
import { readTable } from '../../../addin/sheet/read-table.ts';
import { classifyLine, unitMeaningKey } from '../../../addin/sheet/section-rows.ts';
import { validateTable } from '../../../addin/sheet/validate-table.ts';
import type { CellArea, CellValue, SheetGrid } from '../../../addin/sheet/types.ts';

const HEADER = ['STT', 'Họ và tên', 'Chức vụ', 'Điểm tự chấm', 'Điểm đánh giá', 'Ghi chú'];
const UNITS = ['Ban Giám hiệu', 'Khoa Lý luận cơ sở', 'Phòng Tổ chức - Hành chính'];

type Style = 'roman-merged' | 'numbered-text' | 'alone' | 'letter-in-stt';

function heading(style: Style, k: number, unit: string): CellValue[] {
  if (style === 'roman-merged') return [`${['I', 'II', 'III'][k]}. ${unit.toUpperCase()}`];
  if (style === 'numbered-text') return [null, `${k + 1}. ${unit}`];
  if (style === 'alone') return [null, unit];
  return [['A', 'B', 'C'][k]!, unit];
}

/** People under unit headings, no unit column; `footer`: a total, a date line and a signature block. */
function sectionGrid(style: Style, footer = false): SheetGrid {
  const values: CellValue[][] = [['TRƯỜNG CHÍNH TRỊ TỈNH'], ['BẢNG TỔNG HỢP THÁNG 10/2021'], [], HEADER];
  const merges: CellArea[] = [];
  let n = 0;
  UNITS.forEach((unit, k) => {
    if (style === 'roman-merged') merges.push({ row: values.length, col: 0, rows: 1, cols: HEADER.length });
    values.push(heading(style, k, unit));
    for (let p = 0; p < 3; p++) {
      n++;
      values.push([n, `Nguyễn Văn ${n}`, 'Giảng viên', 85, 80 + n, null]);
    }
  });
  if (footer) {
    values.push(['Tổng cộng', null, null, null, 800, null], []);
    values.push([null, null, null, 'Sơn La, ngày 31 tháng 10 năm 2021']);
    values.push([null, 'NGƯỜI LẬP BIỂU', null, null, 'HIỆU TRƯỞNG']);
    values.push([], [null, 'Lò Thị Hoa', null, null, 'Đỗ Đức Hùng']);
  }
  return { name: 'T10-2021', values, top: 0, left: 0, merges };
}

describe('unit headings between the rows', () => {
  for (const style of ['roman-merged', 'numbered-text', 'alone', 'letter-in-stt'] as const) {
    it(`give their unit to the rows under them (${style})`, () => {
      const table = readTable(sectionGrid(style, true), { kind: 'person' });
      expect(table.header.missing).toEqual([]);
      expect(table.rows).toHaveLength(9);
      const units = table.rows.map((r) => String(r.input.unit).toLowerCase());
      expect(units).toEqual(UNITS.flatMap((u) => [u, u, u]).map((u) => u.toLowerCase()));
      expect(table.sections!.map((s) => s.row)).toEqual([4, 8, 12]);
      const checked = validateTable(table);
      expect(checked.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(checked.valid.map((r) => r.key)).toContain(`nguyễn văn 4|${UNITS[1]!.toLowerCase()}`);
    });
  }

  it('take a known unit\'s spelling when they name it by meaning', () => {
    const grid = sectionGrid('alone');
    grid.values[8] = [null, 'K. Ly luan co so'];
    const table = readTable(grid, { kind: 'person', units: ['Khoa Lý luận cơ sở'] });
    expect(table.rows[3]!.input.unit).toBe('Khoa Lý luận cơ sở');
    expect(unitMeaningKey('II. KHOA LÝ LUẬN CƠ SỞ')).toBe(unitMeaningKey('K. Lý luận cơ sở'));
    expect(unitMeaningKey('P. Đào tạo')).toBe(unitMeaningKey('Phòng Đào Tạo'));
  });

  it('a lone name in the names\' column is a heading only when it names a unit the service knows', () => {
    const grid = sectionGrid('alone');
    grid.values[8] = [null, 'Giáo vụ'];
    const known = readTable(grid, { kind: 'person', units: ['Giáo Vụ'] });
    expect(known.rows).toHaveLength(9);
    expect(known.rows[3]!.input.unit).toBe('Giáo Vụ');
    const unknown = readTable(grid, { kind: 'person' });
    expect(unknown.rows.map((r) => r.input.name)).toContain('Giáo vụ');
  });

  it('a heading that is no known unit is the unit as written, without its numbering', () => {
    const table = readTable(sectionGrid('roman-merged'), { kind: 'person', units: ['Khoa Toán'] });
    expect(table.rows[0]!.input.unit).toBe('BAN GIÁM HIỆU');
  });

  it('a subtotal between sections does not end the table; the grand total and the signatures do', () => {
    const grid = sectionGrid('numbered-text', true);
    grid.values.splice(8, 0, ['Cộng', null, null, null, 250, null]);
    const table = readTable(grid, { kind: 'person' });
    expect(table.rows).toHaveLength(9);
    expect(table.rows.at(-1)!.input.name).toBe('Nguyễn Văn 9');
  });

  it('ends at a signature block right under the rows, with no date line between', () => {
    const grid = sectionGrid('numbered-text');
    grid.values[5]![2] = 'Hiệu trưởng';
    grid.values.push([], [null, 'NGƯỜI LẬP BIỂU', null, null, 'HIỆU TRƯỞNG'], [], [null, 'Lò Thị Hoa', null, null, 'Đỗ Đức Hùng']);
    const table = readTable(grid, { kind: 'person' });
    expect(table.rows).toHaveLength(9);
    expect(table.rows[0]!.input.title).toBe('Hiệu trưởng');
  });

  it('a person with only a name stays a person, never a heading', () => {
    const grid = sectionGrid('numbered-text');
    grid.values[6] = [2, 'Trần Thị Mai', null, null, null, null];
    const table = readTable(grid, { kind: 'person' });
    expect(table.rows.map((r) => r.input.name)).toContain('Trần Thị Mai');
    expect(table.rows.find((r) => r.input.name === 'Trần Thị Mai')!.input.unit).toBe('Ban Giám hiệu');
    expect(validateTable(table).valid.map((r) => r.key)).toContain('trần thị mai|ban giám hiệu');
  });

  it('without headings and without a unit column, the column is still asked for', () => {
    const grid = sectionGrid('alone');
    grid.values = grid.values.filter((_, i) => ![4, 8, 12].includes(i));
    const table = readTable(grid, { kind: 'person' });
    expect(table.header.missing).toEqual(['unit']);
  });

  it('on a sheet of units, a heading is no unit column: the missing column is still named', () => {
    const values: CellValue[][] = [['STT', 'Tổng điểm', 'Ghi chú'], ['I. KHỐI PHÒNG'], [1, 90, null]];
    const table = readTable({ name: 'T10-2021', values, top: 0, left: 0 }, { kind: 'unit' });
    expect(table.header.missing).toContain('unit');
  });

  it('with a unit column, a heading is skipped, not read as a person', () => {
    const values: CellValue[][] = [['Họ và tên', 'Đơn vị', 'Điểm đánh giá'], ['II. KHOA LÝ LUẬN CƠ SỞ'], ['Lò Văn A', 'Khoa Toán', 90]];
    const table = readTable({ name: 'T10-2021', values, top: 0, left: 0 }, { kind: 'person' });
    expect(table.rows.map((r) => r.input.unit)).toEqual(['Khoa Toán']);
  });

  it('tells headings, totals and signatures from people', () => {
    const ctx = { nameIndex: 1, mergedAcross: false };
    expect(classifyLine(['I', 'BAN GIÁM HIỆU'], ctx)).toEqual({ type: 'heading', unit: 'BAN GIÁM HIỆU' });
    expect(classifyLine([null, 'Phòng Đào tạo'], ctx)).toEqual({ type: 'heading', unit: 'Phòng Đào tạo' });
    expect(classifyLine([3, 'Tô Văn Bàn'], ctx)).toBeNull();
    expect(classifyLine([null, 'Đoàn Thị Hà'], ctx)).toBeNull();
    expect(classifyLine(['Tổng cộng', null, 12], ctx)).toEqual({ type: 'total' });
    expect(classifyLine([null, 'HIỆU TRƯỞNG'], ctx)).toEqual({ type: 'signature' });
    expect(classifyLine([null, 'KT. GIÁM ĐỐC'], ctx)).toEqual({ type: 'signature' });
    expect(classifyLine([null, null, 'Hà Nội, ngày 5 tháng 11 năm 2021'], ctx)).toEqual({ type: 'signature' });
    expect(classifyLine(['CB001'], ctx)).toBeNull();
  });
});
