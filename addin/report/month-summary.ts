import type { MonthSummary } from '../../server/contract/council.ts';
import { LEVELS } from '../../server/contract/levels.ts';
import { formatPeriod } from '../sheet/period.ts';
import { monthSheetName } from '../sheet/month-sheet.ts';
import type { CellValue } from '../sheet/types.ts';
import { tableChart } from './chart-spec.ts';
import {
  collator,
  countRow,
  decisionLabel,
  DENOMINATOR_LABELS,
  LEVEL_COLUMNS,
  sumCounts,
  TOTAL,
  vietnamTime,
} from './labels.ts';
import { reportLayout, type PlacedTable } from './layout.ts';
import { tieRuns, type TiePerson } from './tie-runs.ts';
import type { ReportSheet } from './types.ts';

/** Where the month summary's parts landed, for the chart and the tests. */
export interface MonthSummaryLayout {
  byUnit: PlacedTable;
  byDutyGroup: PlacedTable;
  unitLevels: PlacedTable;
  quotas: PlacedTable;
  ties: PlacedTable;
  decisions: PlacedTable;
  newPeople: PlacedTable;
}

export interface MonthSummaryOptions {
  /** When the sheet was made (ISO), shown in its head; a parameter so the builder stays pure. */
  generatedAt?: string;
}

const LEVEL_HEADER = [...LEVELS.map((l) => LEVEL_COLUMNS[l]), TOTAL];
const COLUMN_WIDTHS = [30, 20, 26, 14, 12, 16, 12];
const NO_GROUP = '(không ghi nhóm)';
const CHART_COLUMNS = 9;
const CHART_ROWS = 20;

/** "Tổng hợp T10-2021": 17 characters, inside Excel's 31. */
export function monthSummarySheetName(period: string): string {
  return `Tổng hợp ${monthSheetName(period)}`;
}

/**
 * The sheet "Tổng hợp T<MM>-<YYYY>" of workflow 3: counts per level per unit and per duty group, the departments'
 * own levels, the HTXS quota of every group (k of M and how M is counted), the tie runs waiting for the council
 * with names, and the council's decisions; a stacked column chart of the per-unit table sits right of the tables.
 * `people` are the month's computed rows (for names); the summary alone is enough for everything else.
 */
export function monthSummarySheet(
  summary: MonthSummary,
  people: readonly TiePerson[] = [],
  options: MonthSummaryOptions = {},
): ReportSheet & { layout: MonthSummaryLayout } {
  const month = formatPeriod(summary.period);
  const names = new Map(people.map((p) => [p.code, p.name]));
  const sheet = reportLayout();

  sheet.heading(`TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI THÁNG ${month}`);
  sheet.line(['Trạng thái', summary.finalised ? 'Đã chốt' : 'Chưa chốt']);
  sheet.line(['Tỷ lệ HTXS tối đa (%)', summary.rate]);
  if (options.generatedAt) sheet.line(['Lập lúc', vietnamTime(options.generatedAt)]);
  sheet.blank();

  const chartTop = sheet.heading('1. Cán bộ theo đơn vị và mức xếp loại');
  const units = [...summary.people.byUnit].sort((a, b) => collator.compare(a.unit, b.unit));
  const byUnit = sheet.table(
    ['Đơn vị', ...LEVEL_HEADER],
    units.map((u) => countRow(u.unit, u.counts)),
    countRow('Toàn trường', summary.people.total),
  );
  sheet.blank();

  sheet.heading('2. Cán bộ theo nhóm chức danh');
  const groups = [...summary.people.byDutyGroup].sort(
    (a, b) => Number(a.dutyGroup === null) - Number(b.dutyGroup === null) || collator.compare(a.dutyGroup ?? '', b.dutyGroup ?? ''),
  );
  const byDutyGroup = sheet.table(
    ['Nhóm chức danh', ...LEVEL_HEADER],
    groups.map((g) => countRow(g.dutyGroup ?? NO_GROUP, g.counts)),
    countRow(TOTAL, sumCounts(groups.map((g) => g.counts))),
  );
  sheet.blank();

  sheet.heading('3. Xếp loại tập thể khoa, phòng');
  const unitLevels = sheet.table(['Tập thể', ...LEVEL_HEADER], [countRow('Khoa, phòng', summary.units.total)]);
  sheet.blank();

  sheet.heading('4. Tỷ lệ Hoàn thành xuất sắc (HTXS) theo nhóm');
  const quotas = sheet.table(
    ['Nhóm', 'Cách tính M', 'Số được xét (M)', 'Tối đa HTXS (k)', 'Đã có HTXS', 'Tỷ lệ (%)'],
    summary.quotas.map((q) => [q.group, DENOMINATOR_LABELS[q.denominator], q.candidates, q.allowed, q.used, q.rate]),
  );
  if (summary.quotas.length === 0) sheet.note('Tháng này không áp dụng tỷ lệ.');
  sheet.blank();

  sheet.heading('5. Đồng điểm tại ngưỡng tỷ lệ — chờ Hội đồng quyết định');
  const runs = tieRuns(summary, people);
  const tieRows: CellValue[][] = runs.flatMap((run) =>
    run.members.map((m, i) => [run.group, m.code, m.name, m.unit, m.score, i === 0 ? run.left : null]),
  );
  const ties = sheet.table(['Nhóm', 'Mã CB', 'Họ và tên', 'Đơn vị', 'Điểm', 'Còn được xét'], tieRows);
  if (runs.length === 0) sheet.note('Không có trường hợp nào.');
  sheet.blank();

  sheet.heading('6. Quyết định của Hội đồng');
  const decisions = sheet.table(
    ['Thời điểm', 'Quyết định', 'Áp dụng cho', 'Lý do'],
    summary.decisions.map((d) => [
      vietnamTime(d.decidedAt),
      decisionLabel(d),
      d.keys.map((k) => (names.has(k) ? `${k} ${names.get(k)}` : k)).join(', '),
      d.reason,
    ]),
  );
  if (summary.decisions.length === 0) sheet.note('Chưa có quyết định.');
  sheet.blank();

  // A person a rater added counts in the organisation-wide quota: the council sees who is new (README "Who may add people").
  sheet.heading('7. Cán bộ mới do người chấm thêm trong tháng — Hội đồng kiểm tra');
  const newPeople = sheet.table(
    ['Mã CB', 'Họ và tên', 'Đơn vị', 'Ghi chú'],
    summary.newPeople.map((p) => [p.code, p.name, p.unit, 'mới']),
  );
  if (summary.newPeople.length === 0) sheet.note('Không có cán bộ mới.');

  const charts =
    byUnit.bodyRows === 0
      ? []
      : [
          tableChart(byUnit, {
            type: 'columnStacked',
            title: `Xếp loại cán bộ tháng ${month} theo đơn vị`,
            series: LEVELS.length,
            placement: { row: chartTop, col: COLUMN_WIDTHS.length + 1, rows: CHART_ROWS, cols: CHART_COLUMNS },
          }),
        ];
  const report = sheet.finish(monthSummarySheetName(summary.period), COLUMN_WIDTHS, charts);
  return { ...report, layout: { byUnit, byDutyGroup, unitLevels, quotas, ties, decisions, newPeople } };
}
