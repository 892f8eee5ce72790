import { studentBandSchema, type ClassStudents } from '../../server/contract/students.ts';
import { COMMENDED, NOT_COMMENDED, TIE_AT_LIMIT } from '../sheet/kinds/student.ts';
import { tableChart } from '../workbook/chart-spec.ts';
import { collator, reportSheetName, vietnamTime } from './labels.ts';
import { reportLayout, type PlacedTable } from './layout.ts';
import type { ReportSheet } from '../workbook/report-sheet.ts';
import type { ReportOptions } from './year-results.ts';

/** Where the class sheet's parts landed, for the chart and the tests. */
export interface ClassSheetLayout {
  bands: PlacedTable;
  students: PlacedTable;
}

export const STUDENT_HEADER = [
  'Mã HV',
  'Họ và tên',
  'Điểm trung bình',
  'Xếp loại học tập',
  'Rèn luyện',
  'Kỷ luật',
  'Khen thưởng',
  'Đồng điểm tại giới hạn',
  'Giải thích',
] as const;

const NO_BAND = 'Chưa có điểm';
const COLUMN_WIDTHS = [18, 28, 16, 16, 12, 16, 30, 12, 90];
const CHART_ROWS = 16;
const CHART_COLUMNS = 8;
const PREFIX = 'Khen thưởng học viên ';

/** "Khen thưởng học viên TC K45", cut to Excel's 31 characters when the class's name is long. */
export function classSheetName(className: string): string {
  return reportSheetName(PREFIX, className);
}

type Student = ClassStudents['students'][number];

/** Best first: by average (no average last), then by name. */
function byAverage(a: Student, b: Student): number {
  return (b.gpa ?? -1) - (a.gpa ?? -1) || collator.compare(a.name, b.name);
}

function commendation(s: Student): string {
  return s.commended ? COMMENDED : s.tieAtLimit ? TIE_AT_LIMIT : NOT_COMMENDED;
}

/**
 * The sheet "Khen thưởng học viên <lớp>" of workflow 4 (RULES.md §8): the class's limit (10% of its size) and
 * how many qualify, the students per band with a column chart, and every student with band, conduct,
 * discipline, whether proposed for commendation, the tie at the limit the council decides, and the reasons.
 */
export function classCommendationSheet(
  students: ClassStudents,
  options: ReportOptions & { name?: string } = {},
): ReportSheet & { layout: ClassSheetLayout } {
  const sheet = reportLayout();
  sheet.heading(`ĐỀ NGHỊ KHEN THƯỞNG HỌC VIÊN — ${students.class}`);
  sheet.line(['Sĩ số', students.size]);
  sheet.line(['Tối đa được khen thưởng', students.limit]);
  sheet.line(['Đủ điều kiện', students.candidates]);
  sheet.line(['Được đề nghị', students.commended]);
  sheet.line(['Đồng điểm chờ Hội đồng', students.tieKeys.length]);
  if (options.generatedAt) sheet.line(['Lập lúc', vietnamTime(options.generatedAt)]);
  sheet.blank();

  const chartTop = sheet.heading('1. Học viên theo xếp loại học tập');
  const labels = [...studentBandSchema.options, NO_BAND];
  const bandRows = labels.map((label) => {
    const inBand = students.students.filter((s) => (s.band ?? NO_BAND) === label);
    return [label, inBand.length, inBand.filter((s) => s.commended).length];
  });
  const bands = sheet.table(['Xếp loại học tập', 'Số học viên', 'Được đề nghị khen thưởng'], bandRows, [
    'Tổng',
    students.students.length,
    students.commended,
  ]);
  sheet.blank();

  sheet.heading('2. Danh sách học viên');
  const table = sheet.table(
    STUDENT_HEADER,
    [...students.students].sort(byAverage).map((s) => [
      s.code ?? '',
      s.name,
      s.gpa ?? '',
      s.band ?? '',
      s.conduct ?? '',
      s.discipline ?? '',
      commendation(s),
      s.tieAtLimit ? 'Có' : '',
      s.reasons.join('; '),
    ]),
  );
  if (students.students.length === 0) sheet.note('Lớp chưa có học viên.');

  const charts = [
    tableChart(bands, {
      type: 'columnClustered',
      title: `Xếp loại học tập — ${students.class}`,
      series: 2,
      placement: { row: chartTop, col: STUDENT_HEADER.length + 1, rows: CHART_ROWS, cols: CHART_COLUMNS },
    }),
  ];
  const report = sheet.finish(options.name ?? classSheetName(students.class), COLUMN_WIDTHS, charts);
  return { ...report, layout: { bands, students: table } };
}
