import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { monthSummarySheet } from '../../../addin/report/month-summary.ts';
import { writeReportSheet } from '../../../addin/actions/summary.ts';
import { fileWorkbook, newWorkbook, readXlsx, writeXlsx } from '../../../addin/workbook/file.ts';
import { relsPathOf, resolveTarget } from '../../../addin/workbook/xlsx-package.ts';
import { samplePeople, sampleSummary } from '../report/summary-data.ts';
import { findAll, parseXml } from './xml-tree.ts';

const STYLE_REL = 'http://schemas.microsoft.com/office/2011/relationships/chartStyle';
const STYLE_TYPE = 'application/vnd.ms-office.chartstyle+xml';

/** A file as Excel leaves it: a sheet with our chart, the chart with a style part of its own (Excel 2013+). */
async function fileWithStyledChart(): Promise<Uint8Array> {
  const wb = newWorkbook();
  wb.addWorksheet('T10-2021').getCell('A1').value = 'Mã CB';
  await fileWorkbook(wb).session((s) => writeReportSheet(s, monthSummarySheet(sampleSummary(), samplePeople)));
  const zip = await JSZip.loadAsync(await writeXlsx(wb));
  zip.file('xl/charts/style1.xml', '<?xml version="1.0" encoding="UTF-8"?><cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" id="201"/>');
  zip.file(relsPathOf('xl/charts/chart1.xml'), `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="${STYLE_REL}" Target="style1.xml"/></Relationships>`);
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', types.replace('</Types>', `<Override PartName="/xl/charts/style1.xml" ContentType="${STYLE_TYPE}"/></Types>`));
  return zip.generateAsync({ type: 'uint8array' });
}

describe('charts carried through a workbook exceljs reads and writes', () => {
  it('keeps a chart, with the parts it relies on, when only another sheet changes (a sync)', async () => {
    const wb = await readXlsx(await fileWithStyledChart());
    await fileWorkbook(wb).session((s) => s.applyPlan('T10-2021', { blocks: [{ row: 1, col: 0, values: [['CB001']] }], highlight: [], clearHighlight: [] }));
    const zip = await JSZip.loadAsync(await writeXlsx(wb));
    const sheetRels = parseXml(await zip.file(relsPathOf('xl/worksheets/sheet2.xml'))!.async('string'));
    const drawing = resolveTarget('xl/worksheets/sheet2.xml', sheetRels.children[0]!.attributes.Target!);
    const drawingRels = parseXml(await zip.file(relsPathOf(drawing))!.async('string'));
    const chart = resolveTarget(drawing, drawingRels.children[0]!.attributes.Target!);
    const anchors = findAll(parseXml(await zip.file(drawing)!.async('string')), 'chart');
    expect(anchors.map((a) => a.attributes['r:id'])).toEqual([drawingRels.children[0]!.attributes.Id]);
    const chartRels = parseXml(await zip.file(relsPathOf(chart))!.async('string'));
    expect(chartRels.children.map((r) => [r.attributes.Id, r.attributes.Type])).toEqual([['rId7', STYLE_REL]]);
    const style = resolveTarget(chart, chartRels.children[0]!.attributes.Target!);
    expect(await zip.file(style)!.async('string')).toContain('chartStyle');
    const types = await zip.file('[Content_Types].xml')!.async('string');
    expect(types).toContain(`PartName="/${style}" ContentType="${STYLE_TYPE}"`);
    expect(findAll(parseXml(await zip.file(chart)!.async('string')), 'f')[0]!.text).toMatch(/^'Tổng hợp T10-2021'!/);
  });

  it('leaves the old chart behind when its sheet is written anew', async () => {
    const wb = await readXlsx(await fileWithStyledChart());
    await fileWorkbook(wb).session((s) => s.addSheet('Tổng hợp T10-2021', [['trống']], { replace: true }));
    const zip = await JSZip.loadAsync(await writeXlsx(wb));
    expect(Object.keys(zip.files).filter((f) => f.startsWith('xl/charts/') && !f.endsWith('/'))).toEqual([]);
  });

  it('writes the bytes exceljs made, untouched, when the file had no chart', async () => {
    const plain = newWorkbook();
    plain.addWorksheet('A').getCell('A1').value = 1;
    const wb = await readXlsx(await writeXlsx(plain));
    const bytes = await writeXlsx(wb);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).some((f) => f.includes('chart') || f.includes('drawing'))).toBe(false);
  });
});
