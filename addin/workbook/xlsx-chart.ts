/**
 * Native charts drawn into an .xlsx package that exceljs wrote (exceljs reads and writes no charts): each
 * ChartSpec becomes xl/charts/chartN.xml over the sheet's own cells, with their values cached.
 */
import type JSZip from 'jszip';
import type { ChartSpec } from '../workbook/report-sheet.ts';
import { chartAnchorXml, chartXml, type CellReader } from './chart-xml.ts';
import { placeCharts } from './xlsx-drawing.ts';
import { freePartName, sheetParts } from './xlsx-package.ts';

export interface SheetCharts {
  sheet: string;
  charts: readonly ChartSpec[];
  /** The sheet's cell values, for the charts' caches. */
  read: CellReader;
}

export async function injectCharts(zip: JSZip, sheets: readonly SheetCharts[]): Promise<void> {
  const parts = await sheetParts(zip);
  for (const { sheet, charts, read } of sheets) {
    const part = parts.get(sheet);
    if (!part) throw new Error(`Không có trang tính "${sheet}" để vẽ biểu đồ`);
    await placeCharts(zip, part, charts.map((spec) => ({
      async write(target: JSZip) {
        const name = freePartName(target, 'xl/charts/chart');
        target.file(name, chartXml(sheet, spec, read));
        return name;
      },
      anchor: (relId: string, shapeId: number) => chartAnchorXml(spec.placement, relId, shapeId, `Biểu đồ ${shapeId - 1}`),
    })));
  }
}
