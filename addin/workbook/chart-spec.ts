import type { ChartSpec, ChartType, SheetRange } from './report-sheet.ts';

/** A column chart over a placed table: its first column as categories, the next `series` columns as series. */
export function tableChart(
  table: { headerRow: number; firstRow: number; bodyRows: number; col: number },
  options: { type: ChartType; title: string; series: number; placement: SheetRange },
): ChartSpec {
  const rows = table.bodyRows;
  const spec: ChartSpec = {
    type: options.type,
    title: options.title,
    categoriesRange: { row: table.firstRow, col: table.col, rows, cols: 1 },
    seriesRanges: Array.from({ length: options.series }, (_, i) => ({ row: table.firstRow, col: table.col + 1 + i, rows, cols: 1 })),
    placement: options.placement,
  };
  checkChartSpec(spec);
  return spec;
}

/** Throws when the spec cannot be drawn from one range (see ChartSpec): the builders' mistake, not the user's. */
export function checkChartSpec(spec: ChartSpec): void {
  const { categoriesRange: cat, seriesRanges: series } = spec;
  const problem =
    cat.cols !== 1 || cat.rows < 1 ? 'categories must be one column of at least one row'
    : cat.row < 1 ? 'categories need a header row above them'
    : series.length === 0 ? 'a chart needs a series'
    : series.some((s, i) => s.cols !== 1 || s.row !== cat.row || s.rows !== cat.rows || s.col !== cat.col + 1 + i)
      ? 'series must be the columns right of the categories, as tall as they are'
    : spec.placement.rows < 1 || spec.placement.cols < 1 ? 'a chart needs cells to cover'
    : null;
  if (problem) throw new RangeError(`Chart "${spec.title}": ${problem}`);
}

/** The one rectangle a chart is built from: the header row, then the categories' column and the series' columns. */
export function chartSource(spec: ChartSpec): SheetRange {
  const cat = spec.categoriesRange;
  return { row: cat.row - 1, col: cat.col, rows: cat.rows + 1, cols: 1 + spec.seriesRanges.length };
}
