import { describe, expect, it } from 'vitest';
import { chartSource } from '../../../addin/workbook/chart-spec.ts';
import { classCommendationSheet, classSheetName } from '../../../addin/report/class-commendations.ts';
import type { ReportSheet } from '../../../addin/workbook/report-sheet.ts';
import { UNIT_MOVEMENTS_HEADER, yearProposalsSheet } from '../../../addin/report/year-proposals.ts';
import { yearResultsSheet } from '../../../addin/report/year-results.ts';
import type { CellValue } from '../../../addin/sheet/types.ts';
import { sampleClass, sampleProposals, sampleResults } from './year-data.ts';

function rowsOf(values: CellValue[][], from: number, count: number, width: number): CellValue[][] {
  return values.slice(from, from + count).map((row) => row.slice(0, width));
}

function expectRectangle(sheet: ReportSheet): void {
  const width = sheet.values[0]!.length;
  expect(sheet.values.every((row) => row.length === width)).toBe(true);
  expect(sheet.columnWidths).toHaveLength(width);
  expect(sheet.name.length).toBeLessThanOrEqual(31);
}

/** The chart's one source rectangle, read back from the sheet: its header row and its body. */
function chartTable(sheet: ReportSheet): CellValue[][] {
  const src = chartSource(sheet.charts[0]!);
  return rowsOf(sheet.values, src.row, src.rows, src.col + src.cols).map((r) => r.slice(src.col));
}

describe('the sheet "Xếp loại năm <YYYY>"', () => {
  const sheet = yearResultsSheet(sampleResults(), { generatedAt: '2022-01-12T03:00:00Z' });
  const { layout, values } = sheet;

  it('opens with the year, its state, the rates and when it was made', () => {
    expect(sheet.name).toBe('Xếp loại năm 2021');
    expectRectangle(sheet);
    expect(rowsOf(values, 0, 5, 2)).toEqual([
      ['XẾP LOẠI CÁN BỘ, TẬP THỂ NĂM 2021', null],
      ['Trạng thái', 'Chưa chốt'],
      ['Tỷ lệ HTXS tối đa của cán bộ (%)', 20],
      ['Tỷ lệ HTXS tối đa của tập thể (%)', 20],
      ['Lập lúc', '12/01/2022 10:00'],
    ]);
  });

  it('counts people per unit and level, with a stacked column chart over exactly that table', () => {
    const expected = [
      ['Đơn vị', 'HTXS', 'HTT', 'HT', 'KHT', 'Không xếp loại', 'Tổng'],
      ['Khoa Lý luận cơ sở', 1, 1, 0, 0, 1, 3],
      ['Phòng Đào tạo', 1, 0, 0, 0, 0, 1],
    ];
    expect(rowsOf(values, layout.byUnit.headerRow, 4, 7)).toEqual([...expected, ['Toàn trường', 2, 1, 0, 0, 1, 4]]);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({ type: 'columnStacked', title: 'Xếp loại cán bộ năm 2021 theo đơn vị' });
    expect(chartTable(sheet)).toEqual(expected.map((r) => r.slice(0, 6)));
    expect(sheet.charts[0]!.placement.col).toBeGreaterThanOrEqual(11);
  });

  it('explains every person: months, annual score, level, ranks, tie and every reason, the council\'s included', () => {
    const t = layout.people;
    expect(values[t.headerRow]!.slice(0, 11)).toEqual([
      'Mã CB', 'Họ và tên', 'Đơn vị', 'Nhóm chức danh', 'Số tháng tính', 'Điểm năm', 'Xếp loại năm', 'Hạng trong đơn vị',
      'Hạng toàn trường', 'Đồng điểm tại ngưỡng', 'Giải thích',
    ]);
    const body = rowsOf(values, t.firstRow, t.bodyRows, 11);
    expect(body.map((r) => r[0])).toEqual(['CB001', 'CB002', 'CB003', 'CB004']);
    expect(body[1]![10]).toBe('Điểm năm 93; Đồng điểm tại ngưỡng tỷ lệ — Hội đồng quyết định; Hội đồng quyết định xếp HTXS: Chủ trì chuyển đổi số');
    expect(body[2]![9]).toBe('Có');
    expect(body[3]!.slice(4, 9)).toEqual([5, '', 'Không xếp loại', '', '']);
  });

  it('lists the units\' years, the quota with the tie by name, and the decisions for the year', () => {
    expect(rowsOf(values, layout.units.firstRow, 1, 7)).toEqual([['Khoa Lý luận cơ sở', 12, 88, 'Hoàn thành tốt nhiệm vụ', 1, '', 'Điểm năm 88']]);
    expect(rowsOf(values, layout.quotas.firstRow, 1, 8)).toEqual([['Cán bộ', 'Giảng viên', 'chỉ tính HTT', 12, 2, 2, 20, 'CB003 Hà Văn Tuấn']]);
    expect(rowsOf(values, layout.decisions.firstRow, 2, 4)).toEqual([
      ['10/01/2022 09:00', 'Xét HTXS trong tỷ lệ', 'CB002 Cầm Thị Hương', 'Chủ trì chuyển đổi số'],
      ['11/01/2022 09:00', 'Chốt năm', '', 'Hội đồng họp'],
    ]);
  });

  it('has no chart and says so when the year has no data', () => {
    const empty = yearResultsSheet({ ...sampleResults(), people: [], units: [], decisions: [], quotas: { people: [], units: [] } });
    expect(empty.charts).toEqual([]);
    expect(empty.values.map((r) => r[0])).toContain('Chưa có dữ liệu của năm này.');
  });
});

describe('the sheet "Đề nghị khen thưởng <YYYY>"', () => {
  const sheet = yearProposalsSheet(sampleProposals());
  const { layout, values } = sheet;

  it('says it is a proposal, the state of the year and the base salary used', () => {
    expect(sheet.name).toBe('Đề nghị khen thưởng 2021');
    expectRectangle(sheet);
    expect(rowsOf(values, 0, 4, 2)).toEqual([
      ['ĐỀ NGHỊ DANH HIỆU THI ĐUA, KHEN THƯỞNG NĂM 2021', null],
      ['Lưu ý', 'Danh sách đề nghị để Hội đồng xem xét, chưa phải quyết định khen thưởng'],
      ['Xếp loại năm', 'Đã chốt'],
      ['Mức lương cơ sở (đồng)', 2_340_000],
    ]);
  });

  it('counts who qualifies per title, with a column chart of those counts', () => {
    const table = [
      ['Danh hiệu', 'Đủ điều kiện', 'Chưa đủ'],
      ['Lao động tiên tiến', 1, 1],
      ['Chiến sĩ thi đua cơ sở', 1, 1],
      ['Tập thể lao động tiên tiến', 0, 1],
    ];
    expect(rowsOf(values, layout.byTitle.headerRow, 4, 3)).toEqual(table);
    expect(sheet.charts[0]).toMatchObject({ type: 'columnClustered' });
    // The chart shows the first two columns: the titles and how many qualify.
    expect(chartTable(sheet)).toEqual(table.map((r) => r.slice(0, 2)));
  });

  it('gives every person\'s and unit\'s titles with Đủ điều kiện or Chưa đủ and each condition', () => {
    expect(rowsOf(values, layout.people.firstRow, layout.people.bodyRows, 7)).toEqual([
      ['CB001', 'Lò Văn Long', 'Phòng Đào tạo', 'HTXS', 'Lao động tiên tiến', 'Đủ điều kiện', 'Đạt: năm 2021 xếp loại HTXS'],
      ['CB001', 'Lò Văn Long', 'Phòng Đào tạo', 'HTXS', 'Chiến sĩ thi đua cơ sở', 'Đủ điều kiện', 'Đạt: LĐTT; Đạt: HTXS'],
      ['CB004', 'Vì Thị Lan', 'Khoa Lý luận cơ sở', 'Không xếp loại', 'Lao động tiên tiến', 'Chưa đủ', 'Không đạt: năm 2021 không xếp loại'],
      ['CB004', 'Vì Thị Lan', 'Khoa Lý luận cơ sở', 'Không xếp loại', 'Chiến sĩ thi đua cơ sở', 'Chưa đủ', 'Không đạt: chưa là LĐTT'],
    ]);
    expect(rowsOf(values, layout.units.firstRow, 1, 8)).toEqual([
      ['Khoa Lý luận cơ sở', 'HTT', 3, 3, 2, 'Tập thể lao động tiên tiến', 'Chưa đủ', 'Không đạt: 2/3 thành viên LĐTT (cần 70%)'],
    ]);
  });

  it('estimates the rewards per title and overall, and line by line with what is paid', () => {
    const r = layout.rewards;
    expect(rowsOf(values, r.headerRow, 7, 4)).toEqual([
      ['Danh hiệu', 'Số suất được chi', 'Mức mỗi suất (đồng)', 'Thành tiền (đồng)'],
      // Titles nobody got show their rate per award too (coefficient × base salary, rounded up to 10,000 đ).
      ['Chiến sĩ thi đua cấp tỉnh', 0, 7_020_000, 0],
      ['Chiến sĩ thi đua cơ sở', 1, 2_340_000, 2_340_000],
      ['Lao động tiên tiến', 0, 710_000, 0],
      ['Tập thể lao động xuất sắc', 0, 3_510_000, 0],
      ['Tập thể lao động tiên tiến', 0, 1_880_000, 0],
      ['Tổng cộng', 1, '', 2_340_000],
    ]);
    expect(rowsOf(values, layout.rewardLines.firstRow, 2, 7)).toEqual([
      ['Cá nhân', 'CB001', 'Lò Văn Long', 2021, 'Lao động tiên tiến', 710_000, 'Không'],
      ['Cá nhân', 'CB001', 'Lò Văn Long', 2021, 'Chiến sĩ thi đua cơ sở', 2_340_000, 'Có'],
    ]);
  });
});

describe('the sheet "Khen thưởng học viên <lớp>"', () => {
  const sheet = classCommendationSheet(sampleClass());
  const { layout, values } = sheet;

  it('is named within Excel\'s 31 characters and rules, the class\'s name cut when long', () => {
    expect(classSheetName('TC K45')).toBe('Khen thưởng học viên TC K45');
    expect(classSheetName('Lớp TC K45 – Bắc Ninh')).toBe('Khen thưởng học viên Lớp TC K4…');
    expect(classSheetName('TC 1/2 [A]')).toBe('Khen thưởng học viên TC 1-2 -A-');
    expect(sheet.name).toBe('Khen thưởng học viên Lớp TC K4…');
    expectRectangle(sheet);
  });

  it('counts students per band with a clustered chart, and lists them best first with commendation and tie', () => {
    expect(rowsOf(values, 0, 6, 2)).toEqual([
      ['ĐỀ NGHỊ KHEN THƯỞNG HỌC VIÊN — Lớp TC K45 – Bắc Ninh', null],
      ['Sĩ số', 20],
      ['Tối đa được khen thưởng', 2],
      ['Đủ điều kiện', 3],
      ['Được đề nghị', 1],
      ['Đồng điểm chờ Hội đồng', 2],
    ]);
    const bands = [
      ['Xếp loại học tập', 'Số học viên', 'Được đề nghị khen thưởng'],
      ['Xuất sắc', 3, 1],
      ['Giỏi', 0, 0],
      ['Khá', 1, 0],
      ['Trung bình', 0, 0],
      ['Không đạt', 0, 0],
      ['Chưa có điểm', 1, 0],
    ];
    expect(rowsOf(values, layout.bands.headerRow, 8, 3)).toEqual([...bands, ['Tổng', 5, 1]]);
    expect(chartTable(sheet)).toEqual(bands);
    expect(rowsOf(values, layout.students.firstRow, 5, 8)).toEqual([
      ['HV01', 'Nguyễn Thị Ánh', 9.5, 'Xuất sắc', 'Tốt', '', 'Có', ''],
      ['HV03', 'Lê Thị Cúc', 9.1, 'Xuất sắc', 'Tốt', '', 'Đồng điểm — Hội đồng quyết định', 'Có'],
      ['HV02', 'Trần Văn Bảo', 9.1, 'Xuất sắc', 'Tốt', '', 'Đồng điểm — Hội đồng quyết định', 'Có'],
      ['', 'Học viên số 6', 7, 'Khá', 'Tốt', '', 'Không', ''],
      ['HV09', 'Đỗ Giang', '', '', 'Tốt', '', 'Không', ''],
    ]);
    expect(values[layout.students.firstRow + 2]![8]).toBe('Đồng điểm tại giới hạn khen thưởng của lớp');
  });
});

describe('the drives beside the units (DRV-5)', () => {
  it('adds the column and says whose setting it is only when the service filled it', () => {
    const plain = yearProposalsSheet(sampleProposals());
    expect(plain.values.flat()).not.toContain(UNIT_MOVEMENTS_HEADER);
    const answer = sampleProposals();
    answer.units[0]!.movements = 'Phong trào tham gia: 1/2; đóng góp: 500.000 đồng';
    const sheet = yearProposalsSheet(answer);
    const header = sheet.values[sheet.layout.units.headerRow]!;
    const col = header.indexOf(UNIT_MOVEMENTS_HEADER);
    expect(col).toBe(8);
    expect(sheet.values[sheet.layout.units.firstRow]![col]).toBe('Phong trào tham gia: 1/2; đóng góp: 500.000 đồng');
    const note = String(sheet.values[sheet.layout.units.firstRow + sheet.layout.units.bodyRows]![0]);
    expect(note).toContain('movementsInUnitYear = show');
    expect(note).toContain('không dùng để xếp loại');
  });
});
