import type { YearStatisticsAnswer } from '../../server/contract/year-statistics.ts';
import { tableChart } from '../workbook/chart-spec.ts';
import type { ReportSheet } from '../workbook/report-sheet.ts';
import { LEVEL_COLUMNS, vietnamTime } from './labels.ts';
import { reportLayout, type PlacedTable } from './layout.ts';

export interface YearStatisticsLayout {
  /** Chỉ tiêu · Số liệu: the seed report's rows. */
  figures: PlacedTable;
  /** Mức · Lượt cá nhân · Lượt khoa, phòng: what the chart draws. */
  levels: PlacedTable;
}

const RATED = ['HTXS', 'HTT', 'HT', 'KHT'] as const;
const CHART_ROWS = 18;
const CHART_COLUMNS = 8;

export function yearStatisticsSheetName(year: string): string {
  return `Tổng hợp thi đua ${year}`;
}

/**
 * "Tổng hợp thi đua <YYYY>" (DOC-7): the year-end report's figures as the service counts them (person-months
 * and unit-months per level, HTXS, titles proposed and decided, students commended per class, drives with the
 * «hơn N triệu đồng» line, initiatives), then the month ratings per level with a column chart.
 */
export function yearStatisticsSheet(stats: YearStatisticsAnswer, options: { generatedAt?: string } = {}): ReportSheet & { layout: YearStatisticsLayout } {
  const sheet = reportLayout();
  sheet.heading(`TỔNG HỢP KẾT QUẢ THI ĐUA, KHEN THƯỞNG NĂM ${stats.year}`);
  sheet.line(['Trạng thái', stats.finalised ? 'Đã chốt' : 'Chưa chốt']);
  if (options.generatedAt) sheet.line(['Lập lúc', vietnamTime(options.generatedAt)]);
  sheet.blank();

  sheet.heading('1. Số liệu của năm');
  const figures = sheet.table(['Chỉ tiêu', 'Số liệu'], stats.lines.map((l) => [l.label, l.value]));
  sheet.blank();

  const chartTop = sheet.heading('2. Lượt đánh giá, xếp loại hằng tháng theo mức');
  const levels = sheet.table(
    ['Mức xếp loại', 'Lượt cá nhân', 'Lượt khoa, phòng'],
    RATED.map((l) => [LEVEL_COLUMNS[l], stats.personMonths.byLevel[l], stats.unitMonths.byLevel[l]]),
    ['Tổng', stats.personMonths.total, stats.unitMonths.total],
  );
  const charts =
    stats.personMonths.total + stats.unitMonths.total === 0
      ? []
      : [
          tableChart(levels, {
            type: 'columnClustered',
            title: `Lượt xếp loại tháng năm ${stats.year}`,
            series: 2,
            placement: { row: chartTop, col: 4, rows: CHART_ROWS, cols: CHART_COLUMNS },
          }),
        ];
  const report = sheet.finish(yearStatisticsSheetName(stats.year), [52, 18, 18], charts);
  return { ...report, layout: { figures, levels } };
}
