import { driveTotalsSheet } from '../report/drive-totals.ts';
import { yearStatisticsSheet } from '../report/year-statistics.ts';
import { checkYear } from './year-sheets.ts';
import { writeReportSheet, type SummaryDeps } from './summary.ts';

export interface StatisticsSheetsOutcome {
  year: string;
  sheets: string[];
  personMonths: number;
  unitMonths: number;
  studentsCommended: number;
  /** Exact đồng and the report's phrase; null when the year has no drive register. */
  money: number | null;
  phrase: string | null;
}

/**
 * The year-end report's sheets: "Tổng hợp thi đua <YYYY>" (DOC-7) and "Tổng hợp phong trào <YYYY>" (DRV-3), each
 * with its chart. The service is asked first, then both sheets are written in one workbook session.
 */
export async function writeStatisticsSheets(deps: SummaryDeps, year: string): Promise<StatisticsSheetsOutcome> {
  const y = checkYear(year);
  const generatedAt = (deps.now?.() ?? new Date()).toISOString();
  const [stats, contributions] = await Promise.all([deps.client.yearStatistics(y), deps.client.pull('contribution', y)]);
  const reports = [yearStatisticsSheet(stats, { generatedAt }), driveTotalsSheet(contributions, { generatedAt })];
  await deps.workbook.session(async (session) => {
    for (const report of reports) await writeReportSheet(session, report);
    await session.selectCell(reports[0]!.name, 'A1');
  });
  return {
    year: y,
    sheets: reports.map((r) => r.name),
    personMonths: stats.personMonths.total,
    unitMonths: stats.unitMonths.total,
    studentsCommended: stats.students.commended,
    money: stats.drives?.money ?? null,
    phrase: stats.drives?.phrase ?? null,
  };
}
