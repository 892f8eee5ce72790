/**
 * DrawingML for a column chart and the drawing that anchors it, as Excel and LibreOffice read them from an .xlsx
 * (ECMA-376 part 1, §21.2 charts, §20.5 spreadsheet drawing). Element order follows the schema's sequences, which
 * Excel enforces. Every reference carries the cells' current values as a cache, so a reader that does not
 * recalculate (a viewer, LibreOffice before it recalculates) draws the same chart.
 */
import { chartSource } from '../workbook/chart-spec.ts';
import type { ChartSpec, SheetRange } from '../workbook/report-sheet.ts';
import type { CellValue } from '../sheet/types.ts';
import { columnLetters } from './a1.ts';

export const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
} as const;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const CAT_AXIS = 500000001;
const VAL_AXIS = 500000002;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for element content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ENTITIES[ch]!);
}

/** `'Tổng hợp T10-2021'!$A$6:$A$10`: always quoted, a quote in the name doubled. */
export function sheetReference(sheet: string, range: SheetRange): string {
  const cell = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
  const start = cell(range.row, range.col);
  const end = cell(range.row + range.rows - 1, range.col + range.cols - 1);
  return `'${sheet.replace(/'/g, "''")}'!${start === end ? start : `${start}:${end}`}`;
}

export type CellReader = (row: number, col: number) => CellValue;

function cells(range: SheetRange, read: CellReader): CellValue[] {
  return Array.from({ length: range.rows }, (_, i) => read(range.row + i, range.col));
}

function text(value: CellValue): string {
  return value === null ? '' : String(value);
}

function strRef(sheet: string, range: SheetRange, read: CellReader): string {
  const pts = cells(range, read).map((v, i) => `<c:pt idx="${i}"><c:v>${escapeXml(text(v))}</c:v></c:pt>`).join('');
  return `<c:strRef><c:f>${escapeXml(sheetReference(sheet, range))}</c:f><c:strCache><c:ptCount val="${range.rows}"/>${pts}</c:strCache></c:strRef>`;
}

function numRef(sheet: string, range: SheetRange, read: CellReader): string {
  // A cell without a number is left out of the cache: Excel's own way to say "blank".
  const pts = cells(range, read)
    .map((v, i) => (typeof v === 'number' && Number.isFinite(v) ? `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>` : ''))
    .join('');
  return `<c:numRef><c:f>${escapeXml(sheetReference(sheet, range))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${range.rows}"/>${pts}</c:numCache></c:numRef>`;
}

function title(textValue: string): string {
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="1400" b="1"/><a:t>${escapeXml(textValue)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

const axisCommon = '<c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>';

/** The chart part (xl/charts/chartN.xml) for a spec over `sheet`, with the cells' values as caches. */
export function chartXml(sheet: string, spec: ChartSpec, read: CellReader): string {
  const header = chartSource(spec).row;
  const stacked = spec.type === 'columnStacked';
  const series = spec.seriesRanges
    .map((values, i) => {
      const name = { row: header, col: values.col, rows: 1, cols: 1 };
      return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx>${strRef(sheet, name, read)}</c:tx><c:invertIfNegative val="0"/><c:cat>${strRef(sheet, spec.categoriesRange, read)}</c:cat><c:val>${numRef(sheet, values, read)}</c:val></c:ser>`;
    })
    .join('');
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    '<c:lang val="vi-VN"/><c:roundedCorners val="0"/>' +
    `<c:chart>${title(spec.title)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="${stacked ? 'stacked' : 'clustered'}"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="${stacked ? 60 : 150}"/>${stacked ? '<c:overlap val="100"/>' : ''}` +
    `<c:axId val="${CAT_AXIS}"/><c:axId val="${VAL_AXIS}"/></c:barChart>` +
    `<c:catAx><c:axId val="${CAT_AXIS}"/>${axisCommon}<c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${VAL_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AXIS}"/>${axisCommon}<c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${CAT_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    '</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>' +
    '</c:chartSpace>'
  );
}

/** One chart's anchor in a drawing: over the placement's cells, pointing at the chart part by relationship id. */
export function chartAnchorXml(placement: SheetRange, relId: string, shapeId: number, name: string): string {
  const marker = (tag: string, row: number, col: number) =>
    `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    '<xdr:twoCellAnchor editAs="oneCell">' +
    marker('from', placement.row, placement.col) +
    marker('to', placement.row + placement.rows, placement.col + placement.cols) +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${escapeXml(name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

/** A new drawing part (xl/drawings/drawingN.xml) holding the given anchors. */
export function drawingXml(anchors: readonly string[]): string {
  return `${XML_HEAD}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.join('')}</xdr:wsDr>`;
}
