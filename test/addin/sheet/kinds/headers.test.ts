import { describe, expect, it } from 'vitest';
import { matchHeader } from '../../../../addin/sheet/header-aliases.ts';
import { detectClass, detectYear, yearFromTitle } from '../../../../addin/sheet/period-kinds.ts';
import { readTable } from '../../../../addin/sheet/read-table.ts';
import type { SheetKind } from '../../../../addin/sheet/types.ts';
import { initiativeGrid, studentGrid, yearGrid } from './grids.ts';

const fieldOf = (text: string, kind: SheetKind) => {
  const role = matchHeader([text], kind);
  return role === null ? null : role.type === 'field' ? role.field : role.type === 'computed' ? `=${role.column}` : 'ignore';
};

describe('headers of the yearly sheet', () => {
  it.each([
    ['code', ['Mã CB', 'Mã cán bộ', 'MSCB']],
    ['name', ['Họ và tên', 'HỌ TÊN']],
    ['unit', ['Đơn vị', 'Khoa/phòng']],
    ['dutyGroup', ['Nhóm', 'Nhóm chức danh']],
    ['title', ['Chức vụ']],
    ['sex', ['Giới tính']],
    ['recruitedOn', ['Ngày tuyển dụng']],
    ['allTasksDone', ['Hoàn thành 100% nhiệm vụ', 'HOAN THANH 100% NHIEM VU']],
    ['exceededPct', ['Tỷ lệ vượt', 'Tỷ lệ nhiệm vụ vượt mức (%)']],
    ['latePct', ['Tỷ lệ chậm', 'Tỷ lệ nhiệm vụ chậm tiến độ']],
    ['discipline', ['Kỷ luật', 'Hình thức kỷ luật trong năm']],
    ['pendingDisciplineCase', ['Đang xem xét kỷ luật', 'Đang bị xem xét xử lý kỷ luật']],
    ['voteAgree', ['Số phiếu đồng ý', 'Số phiếu tán thành', 'so phieu  dong y']],
    ['voteTotal', ['Tổng số phiếu', 'Số thành viên Hội đồng']],
    ['priorTitles', ['Danh hiệu các năm trước', 'Danh hiệu đã đạt các năm trước']],
    ['note', ['Ghi chú']],
    ['=classification', ['Xếp loại năm', 'XẾP LOẠI NĂM']],
    ['=syncStatus', ['Trạng thái đồng bộ']],
  ])('reads %s from %j', (field, texts) => {
    for (const text of texts) expect(fieldOf(text, 'year'), text).toBe(field);
  });

  it('does not read what a month has and a year does not', () => {
    for (const text of ['Điểm đánh giá', 'Tháng', 'Điểm tự chấm', 'Nghỉ thai sản', 'Hạng toàn trường']) expect(fieldOf(text, 'year'), text).toBeNull();
  });
});

describe('headers of the initiatives sheet', () => {
  it.each([
    ['code', ['Mã CB', 'Mã cán bộ']],
    ['name', ['Họ và tên', 'Tác giả', 'Chủ nhiệm đề tài']],
    ['unit', ['Đơn vị', 'Khoa, phòng']],
    ['kind', ['Loại', 'Loại (Sáng kiến/Đề tài)', 'Phân loại', 'Hình thức']],
    ['title', ['Tên sáng kiến/đề tài', 'Tên sáng kiến, đề tài', 'Tên đề tài', 'Nội dung sáng kiến']],
    ['level', ['Cấp công nhận', 'Cấp']],
    ['recognisedOn', ['Ngày công nhận', 'Ngày nghiệm thu', 'Ngày']],
    ['note', ['Ghi chú']],
    ['=syncStatus', ['Trạng thái đồng bộ']],
  ])('reads %s from %j', (field, texts) => {
    for (const text of texts) expect(fieldOf(text, 'initiative'), text).toBe(field);
  });

  it('keeps a register number and a job title out of the initiative', () => {
    expect(fieldOf('Mã sáng kiến', 'initiative')).toBeNull();
    expect(fieldOf('Chức vụ', 'initiative')).toBeNull();
    expect(fieldOf('Chức vụ', 'person')).toBe('title');
  });
});

describe('headers of a class sheet', () => {
  it.each([
    ['class', ['Lớp', 'Tên lớp']],
    ['code', ['Mã HV', 'Mã học viên', 'MSHV']],
    ['name', ['Họ và tên', 'Họ tên học viên']],
    ['gpa', ['Điểm trung bình', 'ĐTB', 'Điểm TB toàn khóa', 'Điểm tổng kết']],
    ['conduct', ['Rèn luyện', 'Xếp loại rèn luyện', 'Hạnh kiểm']],
    ['discipline', ['Kỷ luật']],
    ['note', ['Ghi chú']],
    ['=band', ['Xếp loại học tập']],
    ['=commended', ['Khen thưởng']],
    ['=explanation', ['Giải thích']],
  ])('reads %s from %j', (field, texts) => {
    for (const text of texts) expect(fieldOf(text, 'student'), text).toBe(field);
  });

  it('leaves the columns of other kinds alone', () => {
    expect(fieldOf('Mã CB', 'student')).toBeNull();
    expect(fieldOf('Khen thưởng', 'person')).toBeNull();
    expect(fieldOf('Xếp loại năm', 'person')).toBeNull();
  });
});

describe('the year of the yearly and initiatives sheets', () => {
  it('comes from the sheet name, then the title, then the pane', () => {
    expect(readTable(yearGrid('Năm 2021'), { kind: 'year' })).toMatchObject({ period: '2021', periodSource: 'sheetName' });
    expect(readTable(yearGrid('Sheet1'), { kind: 'year' })).toMatchObject({ period: '2021', periodSource: 'title' });
    expect(readTable(initiativeGrid('SÁNG KIẾN 2021'), { kind: 'initiative' })).toMatchObject({ period: '2021', periodSource: 'sheetName' });
    const untitled = yearGrid('Sheet1');
    untitled.values[1] = ['BẢNG XẾP LOẠI CÔNG CHỨC, VIÊN CHỨC'];
    expect(readTable(untitled, { kind: 'year', periodHint: '2021' })).toMatchObject({ period: '2021', periodSource: 'hint' });
    expect(readTable(untitled, { kind: 'year', periodHint: '2021-10' })).toMatchObject({ period: '2021', periodSource: 'hint' });
    const none = readTable(untitled, { kind: 'year' });
    expect(none.period).toBeNull();
    expect(none.issues.map((i) => i.message)).toContain(
      'Không xác định được năm: hãy đặt tên trang tính dạng "Năm 2021", ghi năm vào tiêu đề hoặc ở khung bên',
    );
  });

  it('ignores the year of a date in the title, and warns when the name and the title differ', () => {
    expect(yearFromTitle(['Sơn La, ngày 5 tháng 1 năm 2022', 'XẾP LOẠI NĂM 2021'])).toBe('2021');
    const found = detectYear({ sheetName: 'NĂM 2021', titles: ['BẢNG XẾP LOẠI NĂM 2020'], cells: [] });
    expect(found).toMatchObject({ period: '2021', source: 'sheetName' });
    expect(found.issues.map((i) => i.message)).toEqual(['Năm ở tiêu đề (2020) khác năm ở tên trang tính (2021); dùng năm 2021']);
  });
});

describe('the class of a students sheet', () => {
  it('comes from the Lớp column, then the pane, then the sheet name (never a default name or a month)', () => {
    expect(readTable(studentGrid('Sheet1'), { kind: 'student' })).toMatchObject({ period: 'TC K45', periodSource: 'column' });
    const noColumn = (name: string) => studentGrid(name, '');
    expect(readTable(noColumn('Lớp TC K46'), { kind: 'student' })).toMatchObject({ period: 'Lớp TC K46', periodSource: 'sheetName' });
    expect(readTable(noColumn('Lớp TC K46'), { kind: 'student', periodHint: 'TC K47' })).toMatchObject({ period: 'TC K47', periodSource: 'hint' });
    expect(readTable(noColumn('Sheet1'), { kind: 'student', periodHint: '2021-10' }).period).toBeNull();
    expect(detectClass({ sheetName: 'Trang tính1', titles: [], cells: [] }).issues[0]!.message).toMatch(/^Không xác định được lớp/);
  });

  it('names a Lớp cell of another class as an error of its row', () => {
    const g = studentGrid();
    g.values[5]![1] = 'TC K46';
    const table = readTable(g, { kind: 'student' });
    expect(table.period).toBe('TC K45');
    expect(table.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual(['B6: Lớp «TC K46» khác lớp của bảng («TC K45»)']);
  });
});

describe('reading the rows', () => {
  it('reads the yearly sheet with dates as days and the row keys the service uses', () => {
    const table = readTable(yearGrid(), { kind: 'year' });
    expect(table.header.missing).toEqual([]);
    expect(table.rows.map((r) => r.key)).toEqual(['CB001', 'cầm thị hương|phòng tổ chức - hành chính', 'CB016']);
    expect(table.rows[0]!.input).toMatchObject({ ref: 5, voteAgree: 9, voteTotal: 10, priorTitles: 'CSTĐCS 2019, 2020', recruitedOn: '01/09/1998' });
  });

  it('keys an initiative by person, kind and title, whatever the kind is spelled', () => {
    const table = readTable(initiativeGrid(), { kind: 'initiative' });
    expect(table.rows.map((r) => r.key)).toEqual([
      'CB016|sáng kiến|dạy học lý luận qua tình huống',
      'cầm thị hương|phòng tổ chức - hành chính|đề tài|công tác dân vận ở cơ sở',
      'CB016|sáng kiến|số hóa hồ sơ học viên',
    ]);
    expect(table.rows[2]!.input.recognisedOn).toBe('2021-11-20');
  });

  it('keys a student by Mã HV, or by name, and sends the Lớp cell', () => {
    const table = readTable(studentGrid(), { kind: 'student' });
    expect(table.rows.map((r) => r.key)).toEqual(['HV01', 'HV02', 'lê thị cúc', 'phạm văn dũng', 'HV05']);
    expect(table.rows[0]!.input).toMatchObject({ class: 'TC K45', gpa: '9,5', ref: 4 });
  });

  it('says which required columns a sheet lacks, by the names of its kind', () => {
    const g = initiativeGrid();
    g.values[3] = ['STT', 'Họ và tên', 'Loại', 'Tên sáng kiến/đề tài', 'Ngày công nhận'];
    expect(readTable(g, { kind: 'initiative' }).header.issues.map((i) => i.message)).toEqual(['Không tìm thấy cột Mã CB']);
    const s = studentGrid();
    s.values[2] = ['STT', 'Lớp', 'Mã HV', 'Họ và tên', 'Ghi chú'];
    expect(readTable(s, { kind: 'student' }).header.missing).toEqual(['gpa']);
    expect(readTable(s, { kind: 'student' }).header.issues[0]!.message).toBe('Không tìm thấy cột Điểm trung bình');
  });
});
