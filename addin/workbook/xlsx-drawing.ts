/**
 * Charts placed on a sheet of an .xlsx package: each chart part is tied to the sheet's drawing (a new
 * xl/drawings/drawingN.xml, or the one the sheet has for its pictures) by a relationship, and anchored in it.
 */
import type JSZip from 'jszip';
import { drawingXml, NS } from './chart-xml.ts';
import {
  addContentType,
  addRelationship,
  CONTENT_TYPES,
  freePartName,
  readRelationships,
  REL_TYPES,
  resolveTarget,
  rootChildren,
} from './xlsx-package.ts';

export interface ChartToPlace {
  /** Writes the chart part (and anything it needs) into the package; answers the chart part's name. */
  write(zip: JSZip): Promise<string>;
  /** The anchor element for the drawing, pointing at the chart by `relId`, with a shape id free in the drawing. */
  anchor(relId: string, shapeId: number): string;
  /** Namespace declarations (prefix → URI) the anchor relies on from the drawing's root. */
  namespaces?: Record<string, string>;
}

// CT_Worksheet's elements that come after <drawing>: it goes before the first of them.
const AFTER_DRAWING = new Set([
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
]);

export async function placeCharts(zip: JSZip, sheetPart: string, charts: readonly ChartToPlace[]): Promise<void> {
  if (charts.length === 0) return;
  const drawing = await drawingOf(zip, sheetPart);
  let xml = await zip.file(drawing)!.async('string');
  let shapeId = Math.max(1, ...[...xml.matchAll(/<(?:\w+:)?cNvPr\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1])));
  const anchors: string[] = [];
  const namespaces: Record<string, string> = {};
  for (const chart of charts) {
    const part = await chart.write(zip);
    await addContentType(zip, part, CONTENT_TYPES.chart);
    const relId = await addRelationship(zip, drawing, REL_TYPES.chart, part);
    shapeId += 1;
    anchors.push(chart.anchor(relId, shapeId));
    Object.assign(namespaces, chart.namespaces ?? {});
  }
  xml = declareNamespaces(xml, namespaces);
  const end = xml.lastIndexOf('</');
  zip.file(drawing, xml.slice(0, end) + anchors.join('') + xml.slice(end));
}

/** Adds to the root's start tag the prefixes it does not declare yet. */
function declareNamespaces(xml: string, namespaces: Record<string, string>): string {
  const root = /<(?!\?|!)[\w:.-]+[^>]*>/.exec(xml);
  if (!root) return xml;
  const missing = Object.entries(namespaces).filter(([prefix]) => !new RegExp(`\\sxmlns:${prefix}\\s*=`).test(root[0]));
  if (missing.length === 0) return xml;
  const close = root[0].endsWith('/>') ? 2 : 1;
  const tag = root[0].slice(0, -close) + missing.map(([p, uri]) => ` xmlns:${p}="${uri}"`).join('') + root[0].slice(-close);
  return xml.slice(0, root.index) + tag + xml.slice(root.index + root[0].length);
}

/** The sheet's drawing part: the one it has, or a new empty one tied to it. */
async function drawingOf(zip: JSZip, sheetPart: string): Promise<string> {
  const xml = await zip.file(sheetPart)!.async('string');
  const children = rootChildren(xml);
  const existing = children.find((c) => c.name === 'drawing');
  if (existing) {
    const id = /(?:\w+:)?id\s*=\s*"([^"]*)"/.exec(xml.slice(existing.index, existing.end))?.[1];
    const rel = (await readRelationships(zip, sheetPart)).find((r) => r.id === id && r.type === REL_TYPES.drawing);
    if (rel) return resolveTarget(sheetPart, rel.target);
  }
  const drawing = freePartName(zip, 'xl/drawings/drawing');
  zip.file(drawing, drawingXml([]));
  await addContentType(zip, drawing, CONTENT_TYPES.drawing);
  const relId = await addRelationship(zip, sheetPart, REL_TYPES.drawing, drawing);
  const at = children.find((c) => AFTER_DRAWING.has(c.name))?.index ?? xml.lastIndexOf('</');
  zip.file(sheetPart, `${xml.slice(0, at)}<drawing xmlns:r="${NS.r}" r:id="${relId}"/>${xml.slice(at)}`);
  return drawing;
}
