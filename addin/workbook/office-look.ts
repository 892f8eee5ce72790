/**
 * Columns the add-in appends, dressed like the sheet's own header through Office.js: the header cell's font,
 * fill, borders, wrap and alignment are read, then set on the new header cells; ExcelApi 1.1 members only,
 * except the column width (ExcelApi 1.2), set only where the caller's flag says Excel has it.
 */
import type { HeaderLook } from '../sheet/types.ts';
import type { OfficeFeatures } from './office-types.ts';

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;
// A cell without fill reads as white: leaving it so keeps the new cells as plain as the header.
const NO_FILL = '#FFFFFF';
// Excel's column width is in points; a character of the default font is about 7 pixels, 0.75 point each.
const POINTS_PER_CHARACTER = 5.25;

export interface LoadedLook {
  look: HeaderLook;
  format: Excel.RangeFormat;
  borders: Excel.RangeBorder[];
}

/** Queues the loads of a header cell's look (one sync reads them all). */
export function loadLook(range: Excel.Range, look: HeaderLook, features: OfficeFeatures): LoadedLook {
  const format = range.format;
  format.load('wrapText, horizontalAlignment, verticalAlignment');
  if (features.api12) format.load('columnWidth');
  format.font.load('name, size, color, bold, italic');
  format.fill.load('color');
  const borders = EDGES.map((edge) => format.borders.getItem(edge).load('style, color, weight'));
  return { look, format, borders };
}

/** Queues the look onto the new header cells. */
export function applyLookTo(range: Excel.Range, loaded: LoadedLook): void {
  const { format, borders } = loaded;
  const to = range.format;
  to.wrapText = format.wrapText;
  to.horizontalAlignment = format.horizontalAlignment;
  to.verticalAlignment = format.verticalAlignment;
  to.font.name = format.font.name;
  to.font.size = format.font.size;
  to.font.color = format.font.color;
  to.font.bold = format.font.bold;
  to.font.italic = format.font.italic;
  if (format.fill.color && format.fill.color.toUpperCase() !== NO_FILL) to.fill.color = format.fill.color;
  EDGES.forEach((edge, k) => {
    const border = borders[k]!;
    if (border.style === 'None') return;
    const target = to.borders.getItem(edge);
    target.style = border.style;
    target.color = border.color;
    target.weight = border.weight;
  });
  // Between the new cells too: a header with its own borders has them on every side.
  if (borders.some((b) => b.style !== 'None') && loaded.look.to.cols > 1) {
    const inside = to.borders.getItem('InsideVertical');
    inside.style = borders[2]!.style === 'None' ? borders[0]!.style : borders[2]!.style;
    inside.color = borders[2]!.color;
  }
}

/** The width of a new column in points: the header column's own, or the look's minimum when that is wider. */
export function lookWidth(loaded: LoadedLook, k: number, features: OfficeFeatures): number | null {
  if (!features.api12) return null;
  return Math.max(loaded.format.columnWidth, (loaded.look.minWidths[k] ?? 0) * POINTS_PER_CHARACTER);
}
