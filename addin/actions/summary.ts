import type { MonthSummary } from '../../server/contract/council.ts';
import { periodSchema } from '../../server/contract/period.ts';
import type { BinhXetClient } from '../api/client.ts';
import { monthSummarySheet } from '../report/month-summary.ts';
import { tieRuns, type TieRun } from '../report/tie-runs.ts';
import type { ReportSheet } from '../workbook/report-sheet.ts';
import type { WorkbookAdapter, WorkbookSession } from '../workbook/adapter.ts';

export interface SummaryDeps {
  workbook: WorkbookAdapter;
  client: BinhXetClient;
  /** The clock, for the sheet's "Lập lúc" line. */
  now?: () => Date;
}

/** What the council section shows: the month's state and its tie runs with names. */
export interface CouncilView {
  period: string;
  finalised: boolean;
  rate: number;
  people: number;
  ties: TieRun[];
  summary: MonthSummary;
}

export interface MonthSummaryOutcome extends CouncilView {
  sheet: string;
}

export function checkPeriod(period: string): string {
  const parsed = periodSchema.safeParse(period);
  if (!parsed.success) throw new RangeError(parsed.error.issues[0]?.message ?? 'Tháng phải có dạng YYYY-MM');
  return parsed.data;
}

async function fetchMonth(client: BinhXetClient, period: string) {
  const [summary, month] = await Promise.all([client.summary(checkPeriod(period)), client.pull('person', period)]);
  return { summary, rows: month.rows };
}

function viewOf(summary: MonthSummary, rows: Parameters<typeof tieRuns>[1]): CouncilView {
  const people = Object.values(summary.people.total).reduce((a, b) => a + b, 0);
  return { period: summary.period, finalised: summary.finalised, rate: summary.rate, people, ties: tieRuns(summary, rows), summary };
}

/** The council section's data, without touching the workbook. */
export async function loadCouncilView(client: BinhXetClient, period: string): Promise<CouncilView> {
  const { summary, rows } = await fetchMonth(client, period);
  return viewOf(summary, rows);
}

/** Writes a report sheet whole (replacing its old copy, charts included) and shows it. */
export async function writeReportSheet(session: WorkbookSession, report: ReportSheet): Promise<void> {
  await session.addSheet(report.name, report.values, {
    headerRows: report.headerRows,
    columnWidths: report.columnWidths,
    charts: report.charts,
    wrap: report.wrap,
    replace: true,
  });
  await session.selectCell(report.name, 'A1');
}

/**
 * Tổng hợp tháng: pulls the month's summary and rows from the service, then writes the sheet "Tổng hợp T<MM>-<YYYY>"
 * with its chart in one workbook session (the service is asked before Excel is, so Excel is never held waiting).
 */
export async function writeMonthSummary(deps: SummaryDeps, period: string): Promise<MonthSummaryOutcome> {
  const { summary, rows } = await fetchMonth(deps.client, period);
  const report = monthSummarySheet(summary, rows, { generatedAt: (deps.now?.() ?? new Date()).toISOString() });
  await deps.workbook.session((session) => writeReportSheet(session, report));
  return { ...viewOf(summary, rows), sheet: report.name };
}
