import { LEVELS, type Level } from '../../server/contract/levels.ts';
import type { YearResults } from '../../server/contract/year-results.ts';
import type { CellValue } from '../sheet/types.ts';
import { tableChart } from '../workbook/chart-spec.ts';
import { collator, countRow, decisionLabel, DENOMINATOR_LABELS, LEVEL_COLUMNS, TOTAL, vietnamTime } from './labels.ts';
import { reportLayout, type PlacedTable } from './layout.ts';
import type { ReportSheet } from '../workbook/report-sheet.ts';

/** Where the yearly results' parts landed, for the chart and the tests. */
export interface YearResultsLayout {
  byUnit: PlacedTable;
  people: PlacedTable;
  units: PlacedTable;
  quotas: PlacedTable;
  decisions: PlacedTable;
}

export interface ReportOptions {
  /** When the sheet was made (ISO), shown in its head; a parameter so the builder stays pure. */
  generatedAt?: string;
}

export const PEOPLE_HEADER = [
  'Mã CB',
  'Họ và tên',
  'Đơn vị',
  'Nhóm chức danh',
  'Số tháng tính',
  'Điểm năm',
  'Xếp loại năm',
  'Hạng trong đơn vị',
  'Hạng toàn trường',
  'Đồng điểm tại ngưỡng',
  'Giải thích',
] as const;
export const UNITS_HEADER = ['Đơn vị', 'Số tháng tính', 'Điểm năm', 'Xếp loại năm', 'Hạng', 'Đồng điểm tại ngưỡng', 'Giải thích'] as const;

const LEVEL_HEADER = [...LEVELS.map((l) => LEVEL_COLUMNS[l]), TOTAL];
const COLUMN_WIDTHS = [30, 26, 28, 18, 12, 12, 28, 12, 12, 12, 90];
const CHART_ROWS = 20;
const CHART_COLUMNS = 9;
const YES = 'Có';

export function yearResultsSheetName(year: string): string {
  return `Xếp loại năm ${year}`;
}

function emptyCounts(): Record<Level, number> {
  return Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;
}

/** People per unit and level, units in Vietnamese order. */
function countsByUnit(people: YearResults['people']): { unit: string; counts: Record<Level, number> }[] {
  const byUnit = new Map<string, Record<Level, number>>();
  for (const p of people) {
    const counts = byUnit.get(p.unit) ?? emptyCounts();
    counts[p.level]++;
    byUnit.set(p.unit, counts);
  }
  return [...byUnit].map(([unit, counts]) => ({ unit, counts })).sort((a, b) => collator.compare(a.unit, b.unit));
}

const blankIfNull = (v: number | null): CellValue => v ?? '';

/**
 * The sheet "Xếp loại năm <YYYY>" of workflow 4: how many people of each unit got each yearly level (with a
 * stacked column chart), every person's year (months counted, annual score, level, ranks and every reason,
 * the council's decisions among them), the departments' own years, the HTXS quota of every group and the
 * council's decisions for the year.
 */
export function yearResultsSheet(results: YearResults, options: ReportOptions = {}): ReportSheet & { layout: YearResultsLayout } {
  const sheet = reportLayout();
  const names = new Map(results.people.map((p) => [p.code, p.name]));

  sheet.heading(`XẾP LOẠI CÁN BỘ, TẬP THỂ NĂM ${results.year}`);
  sheet.line(['Trạng thái', results.finalised ? 'Đã chốt' : 'Chưa chốt']);
  sheet.line(['Tỷ lệ HTXS tối đa của cán bộ (%)', results.rate]);
  sheet.line(['Tỷ lệ HTXS tối đa của tập thể (%)', results.unitRate]);
  if (options.generatedAt) sheet.line(['Lập lúc', vietnamTime(options.generatedAt)]);
  sheet.blank();

  const chartTop = sheet.heading('1. Cán bộ theo đơn vị và mức xếp loại năm');
  const units = countsByUnit(results.people);
  const total = emptyCounts();
  for (const p of results.people) total[p.level]++;
  const byUnit = sheet.table(
    ['Đơn vị', ...LEVEL_HEADER],
    units.map((u) => countRow(u.unit, u.counts)),
    countRow('Toàn trường', total),
  );
  sheet.blank();

  sheet.heading('2. Xếp loại năm của từng cán bộ');
  const people = sheet.table(
    PEOPLE_HEADER,
    results.people.map((p) => [
      p.code,
      p.name,
      p.unit,
      p.dutyGroup ?? '',
      p.monthsCounted,
      blankIfNull(p.annualScore),
      p.label,
      blankIfNull(p.rankInUnit),
      blankIfNull(p.rankInOrg),
      p.tieAtQuota ? YES : '',
      p.reasons.join('; '),
    ]),
  );
  if (results.people.length === 0) sheet.note('Chưa có dữ liệu của năm này.');
  sheet.blank();

  sheet.heading('3. Xếp loại năm của tập thể khoa, phòng');
  const unitTable = sheet.table(
    UNITS_HEADER,
    results.units.map((u) => [
      u.unit,
      u.monthsCounted,
      blankIfNull(u.annualScore),
      u.label,
      blankIfNull(u.rankInOrg),
      u.tieAtQuota ? YES : '',
      u.reasons.join('; '),
    ]),
  );
  if (results.units.length === 0) sheet.note('Chưa có dữ liệu của khoa, phòng.');
  sheet.blank();

  sheet.heading('4. Tỷ lệ Hoàn thành xuất sắc (HTXS) theo nhóm');
  const quotaRows = [
    ...results.quotas.people.map((q) => ({ who: 'Cán bộ', q })),
    ...results.quotas.units.map((q) => ({ who: 'Tập thể', q })),
  ];
  const quotas = sheet.table(
    ['Đối tượng', 'Nhóm', 'Cách tính M', 'Số được xét (M)', 'Tối đa HTXS (k)', 'Đã có HTXS', 'Tỷ lệ (%)', 'Đồng điểm chờ Hội đồng'],
    quotaRows.map(({ who, q }) => [
      who,
      q.group,
      DENOMINATOR_LABELS[q.denominator],
      q.candidates,
      q.allowed,
      q.used,
      q.rate,
      q.tieCodes.map((k) => (names.has(k) ? `${k} ${names.get(k)}` : k)).join(', '),
    ]),
  );
  if (quotaRows.length === 0) sheet.note('Năm này không áp dụng tỷ lệ.');
  sheet.blank();

  sheet.heading('5. Quyết định của Hội đồng');
  const decisions = sheet.table(
    ['Thời điểm', 'Quyết định', 'Áp dụng cho', 'Lý do'],
    results.decisions.map((d) => [
      vietnamTime(d.decidedAt),
      decisionLabel(d, 'năm'),
      d.keys.map((k) => (names.has(k) ? `${k} ${names.get(k)}` : k)).join(', '),
      d.reason,
    ]),
  );
  if (results.decisions.length === 0) sheet.note('Chưa có quyết định.');

  const charts =
    byUnit.bodyRows === 0
      ? []
      : [
          tableChart(byUnit, {
            type: 'columnStacked',
            title: `Xếp loại cán bộ năm ${results.year} theo đơn vị`,
            series: LEVELS.length,
            placement: { row: chartTop, col: PEOPLE_HEADER.length + 1, rows: CHART_ROWS, cols: CHART_COLUMNS },
          }),
        ];
  const report = sheet.finish(yearResultsSheetName(results.year), COLUMN_WIDTHS, charts);
  return { ...report, layout: { byUnit, people, units: unitTable, quotas, decisions } };
}
