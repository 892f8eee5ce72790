import type { YearProposals } from '../../server/contract/year-results.ts';
import { TITLE_LABELS } from '../../server/rules/titles-reasons.ts';
import { UNIT_MOVEMENTS_NOTE } from '../../server/rules/drives/unit-movements.ts';
import { tableChart } from '../workbook/chart-spec.ts';
import { LEVEL_COLUMNS, vietnamTime } from './labels.ts';
import { reportLayout, type PlacedTable } from './layout.ts';
import { comparisonSection } from './registration-comparison.ts';
import type { ReportSheet } from '../workbook/report-sheet.ts';
import type { ReportOptions } from './year-results.ts';

/** Where the proposals' parts landed, for the chart and the tests. */
export interface YearProposalsLayout {
  byTitle: PlacedTable;
  people: PlacedTable;
  units: PlacedTable;
  rewards: PlacedTable;
  rewardLines: PlacedTable;
  comparison: { counts: PlacedTable; holders: PlacedTable };
}

export const ELIGIBLE = 'Đủ điều kiện';
export const NOT_ELIGIBLE = 'Chưa đủ';
export const PERSON_PROPOSAL_HEADER = ['Mã CB', 'Họ và tên', 'Đơn vị', 'Xếp loại năm', 'Danh hiệu', 'Kết quả', 'Lý do'] as const;
export const UNIT_MOVEMENTS_HEADER = 'Phong trào, đóng góp (tham khảo)';
export const UNIT_PROPOSAL_HEADER = [
  'Đơn vị',
  'Xếp loại năm',
  'Số thành viên',
  'Thành viên được tính',
  'Thành viên đủ LĐTT',
  'Danh hiệu',
  'Kết quả',
  'Lý do',
] as const;

const COLUMN_WIDTHS = [34, 26, 28, 14, 30, 16, 70, 70];
const CHART_ROWS = 18;
const CHART_COLUMNS = 9;
const REWARD_TITLES = ['CSTD_TINH', 'CSTDCS', 'LDTT', 'TT_LDXS', 'TT_LDTT'] as const;

export function yearProposalsSheetName(year: string): string {
  return `Đề nghị khen thưởng ${year}`;
}

const titleLabel = (title: string) => TITLE_LABELS[title as keyof typeof TITLE_LABELS] ?? title;
const verdict = (eligible: boolean) => (eligible ? ELIGIBLE : NOT_ELIGIBLE);

/** Eligible and not, per title, in the order the titles first appear (people's, then units'). */
function countsByTitle(proposals: YearProposals): { title: string; label: string; yes: number; no: number }[] {
  const byTitle = new Map<string, { title: string; label: string; yes: number; no: number }>();
  const all = [...proposals.people.flatMap((p) => p.proposals), ...proposals.units.flatMap((u) => u.proposals)];
  for (const t of all) {
    const entry = byTitle.get(t.title) ?? { title: t.title, label: t.label, yes: 0, no: 0 };
    if (t.eligible) entry.yes++;
    else entry.no++;
    byTitle.set(t.title, entry);
  }
  return [...byTitle.values()];
}

/**
 * The sheet "Đề nghị khen thưởng <YYYY>" of workflow 4: how many qualify for each title (with a column chart),
 * every person's and every unit's titles with "Đủ điều kiện" or "Chưa đủ" and each condition checked, and the
 * reward estimate (NĐ 152/2025 Điều 49–50): per title and overall, at the base salary used, line by line.
 * A proposal list for the council, never a decision: the sheet says so.
 */
export function yearProposalsSheet(proposals: YearProposals, options: ReportOptions = {}): ReportSheet & { layout: YearProposalsLayout } {
  const sheet = reportLayout();
  const { rewards } = proposals;
  const names = new Map(proposals.people.map((p) => [p.code, p.name]));

  sheet.heading(`ĐỀ NGHỊ DANH HIỆU THI ĐUA, KHEN THƯỞNG NĂM ${proposals.year}`);
  sheet.line(['Lưu ý', 'Danh sách đề nghị để Hội đồng xem xét, chưa phải quyết định khen thưởng']);
  sheet.line(['Xếp loại năm', proposals.finalised ? 'Đã chốt' : 'Chưa chốt']);
  sheet.line(['Mức lương cơ sở (đồng)', rewards.baseSalary]);
  if (options.generatedAt) sheet.line(['Lập lúc', vietnamTime(options.generatedAt)]);
  sheet.blank();

  const chartTop = sheet.heading('1. Số trường hợp theo danh hiệu');
  const counts = countsByTitle(proposals);
  const byTitle = sheet.table(
    ['Danh hiệu', ELIGIBLE, NOT_ELIGIBLE],
    counts.map((c) => [c.label, c.yes, c.no]),
  );
  if (counts.length === 0) sheet.note('Chưa có dữ liệu của năm này.');
  sheet.blank();

  sheet.heading('2. Cá nhân');
  const people = sheet.table(
    PERSON_PROPOSAL_HEADER,
    proposals.people.flatMap((p) =>
      p.proposals.map((t) => [p.code, p.name, p.unit, LEVEL_COLUMNS[p.level], t.label, verdict(t.eligible), t.reasons.join('; ')]),
    ),
  );
  sheet.blank();

  sheet.heading('3. Tập thể khoa, phòng');
  // DRV-5: the drives column only under the organisation's setting (the service then fills `movements`).
  const showMovements = proposals.units.some((u) => u.movements !== null);
  const units = sheet.table(
    showMovements ? [...UNIT_PROPOSAL_HEADER, UNIT_MOVEMENTS_HEADER] : UNIT_PROPOSAL_HEADER,
    proposals.units.flatMap((u) =>
      u.proposals.map((t) => [
        u.unit,
        LEVEL_COLUMNS[u.level],
        u.members,
        u.countedMembers,
        u.ldttMembers,
        t.label,
        verdict(t.eligible),
        t.reasons.join('; '),
        ...(showMovements ? [u.movements ?? ''] : []),
      ]),
    ),
  );
  if (showMovements) sheet.note(UNIT_MOVEMENTS_NOTE);
  sheet.blank();

  sheet.heading(`4. Dự toán tiền thưởng (mức lương cơ sở ${rewards.baseSalary} đồng)`);
  // The service's rate for every title, so a title nobody got still shows what one award would be.
  const rewardTable = sheet.table(
    ['Danh hiệu', 'Số suất được chi', 'Mức mỗi suất (đồng)', 'Thành tiền (đồng)'],
    REWARD_TITLES.map((title) => [titleLabel(title), rewards.byTitle[title].count, rewards.perAward[title], rewards.byTitle[title].amount]),
    ['Tổng cộng', REWARD_TITLES.reduce((n, t) => n + rewards.byTitle[t].count, 0), '', rewards.total],
  );
  sheet.blank();

  sheet.heading('5. Chi tiết tiền thưởng');
  const rewardLines = sheet.table(
    ['Đối tượng', 'Mã CB / Đơn vị', 'Họ và tên', 'Năm', 'Danh hiệu', 'Số tiền (đồng)', 'Được chi', 'Cách tính'],
    rewards.lines.map((l) => [
      l.holder === 'person' ? 'Cá nhân' : 'Tập thể',
      l.key,
      l.holder === 'person' ? (names.get(l.key) ?? '') : '',
      l.year,
      titleLabel(l.title),
      l.amount,
      l.paid ? 'Có' : 'Không',
      l.reason,
    ]),
  );
  if (rewards.lines.length === 0) sheet.note('Không có danh hiệu nào được tính tiền thưởng.');
  sheet.blank();

  const comparison = comparisonSection(sheet, proposals, '6. Đối chiếu đăng ký thi đua');

  const charts =
    byTitle.bodyRows === 0
      ? []
      : [
          tableChart(byTitle, {
            type: 'columnClustered',
            title: `Số cá nhân, tập thể đủ điều kiện theo danh hiệu năm ${proposals.year}`,
            series: 1,
            placement: { row: chartTop, col: UNIT_PROPOSAL_HEADER.length + 1, rows: CHART_ROWS, cols: CHART_COLUMNS },
          }),
        ];
  const report = sheet.finish(yearProposalsSheetName(proposals.year), COLUMN_WIDTHS, charts);
  return { ...report, layout: { byTitle, people, units, rewards: rewardTable, rewardLines, comparison } };
}
