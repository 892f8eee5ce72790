import type { ContributionSheet } from '../../server/contract/drive-sheets.ts';
import { tableChart } from '../workbook/chart-spec.ts';
import type { ReportSheet } from '../workbook/report-sheet.ts';
import { vietnamTime } from './labels.ts';
import { reportLayout, type PlacedTable } from './layout.ts';

export interface DriveTotalsLayout {
  drives: PlacedTable;
  units: PlacedTable;
}

const CHART_ROWS = 18;
const CHART_COLUMNS = 8;

export function driveTotalsSheetName(year: string): string {
  return `Tổng hợp phong trào ${year}`;
}

/**
 * "Tổng hợp phong trào <YYYY>" (DRV-3): per drive its money, goods and how many units and people gave (with a
 * column chart of the money per drive), per unit its money per drive and Tỷ lệ tham gia, and the year's total
 * with its «hơn N triệu đồng» phrase. Units in Vietnamese order; nothing is ranked or sorted by amount, and no
 * person's amount is shown (DRV-4).
 */
export function driveTotalsSheet(answer: Pick<ContributionSheet, 'year' | 'totals'>, options: { generatedAt?: string } = {}): ReportSheet & { layout: DriveTotalsLayout } {
  const { totals } = answer;
  const sheet = reportLayout();
  sheet.heading(`TỔNG HỢP PHONG TRÀO, CUỘC VẬN ĐỘNG NĂM ${answer.year}`);
  sheet.line(['Tổng số tiền (đồng)', totals.money]);
  sheet.line(['Tổng số tiền', totals.phrase]);
  sheet.line(['Lượt đóng góp hiện vật', totals.inKindCount]);
  if (options.generatedAt) sheet.line(['Lập lúc', vietnamTime(options.generatedAt)]);
  sheet.blank();

  const chartTop = sheet.heading('1. Theo phong trào, cuộc vận động');
  const drives = sheet.table(
    ['Phong trào, cuộc vận động', 'Số tiền (đồng)', 'Mã', 'Giá trị hiện vật quy đổi (đồng)', 'Lượt hiện vật', 'Số đơn vị tham gia', 'Số người đóng góp'],
    totals.drives.map((d) => [d.name, d.money, d.code, d.inKindValue, d.inKindCount, d.units, d.people]),
    ['Tổng', totals.money, '', totals.inKindValue, totals.inKindCount, '', ''],
  );
  if (totals.drives.length === 0) sheet.note('Năm này chưa có sổ phong trào.');
  sheet.blank();

  sheet.heading('2. Theo đơn vị');
  const codes = totals.drives.map((d) => d.code);
  const units = sheet.table(
    ['Đơn vị', ...codes.map((c) => `${c} (đồng)`), 'Cộng (đồng)', 'Tỷ lệ tham gia'],
    totals.units.map((u) => [
      u.unit,
      ...codes.map((c) => u.byDrive[c] ?? 0),
      u.money,
      u.participation ? `${String(u.participation.pct).replace('.', ',')}% (${u.participation.people}/${u.participation.members})` : '',
    ]),
  );
  if (totals.units.length === 0) sheet.note('Chưa có đóng góp.');
  else if (totals.units.some((u) => u.participation)) {
    sheet.note('Tỷ lệ tham gia = số người đóng góp / số người của đơn vị được xếp loại trong các tháng diễn ra phong trào (Từ ngày – Đến ngày); chỉ có ở đơn vị ghi đóng góp theo từng người.');
  }

  const charts =
    drives.bodyRows === 0
      ? []
      : [
          tableChart(drives, {
            type: 'columnClustered',
            title: `Số tiền theo phong trào năm ${answer.year}`,
            series: 1,
            placement: { row: chartTop, col: 8, rows: CHART_ROWS, cols: CHART_COLUMNS },
          }),
        ];
  const report = sheet.finish(driveTotalsSheetName(answer.year), [44, 16, 12, 18, 12, 12, 12], charts);
  return { ...report, layout: { drives, units } };
}
