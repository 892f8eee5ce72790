import { rangeAddress } from '../a1.ts';
import { chartSource } from '../chart-spec.ts';
import type { ChartSpec } from '../report-sheet.ts';
import type { Batch } from './batch.ts';

// Excel's names for our chart types (ExcelApi 1.1).
const CHART_TYPES = { columnClustered: 'ColumnClustered', columnStacked: 'ColumnStacked' } as const;

/** A native column chart from one range (ExcelApi 1.1), titled, its legend below, drawn over its placement. */
export function addChart(b: Batch, sheet: Excel.Worksheet, spec: ChartSpec): void {
  const chart = sheet.charts.add(CHART_TYPES[spec.type], b.rangeOf(sheet, chartSource(spec)), 'Columns');
  chart.title.text = spec.title;
  chart.legend.position = 'Bottom';
  const p = spec.placement;
  chart.setPosition(rangeAddress(p.row, p.col), rangeAddress(p.row + p.rows - 1, p.col + p.cols - 1));
}
