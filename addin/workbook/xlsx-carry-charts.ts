/**
 * exceljs drops the charts of a file it reads (it keeps pictures only), so a workbook read, changed and written
 * again would lose them all, last month's summary chart and the user's own charts alike. Here the charts of the
 * file as read are copied back, part by part, onto the sheets of the same name in the file written.
 */
import type JSZip from 'jszip';
import { placeCharts, type ChartToPlace } from './xlsx-drawing.ts';
import {
  addContentType,
  contentTypeOf,
  freePartName,
  readRelationships,
  relativeTarget,
  REL_TYPES,
  resolveTarget,
  rootChildren,
  rootNamespaces,
  sheetParts,
  writeRelationships,
} from './xlsx-package.ts';

/** Does the package hold any chart? (A cheap look at the part names, before any XML is read.) */
export function hasCharts(zip: JSZip): boolean {
  return Object.keys(zip.files).some((name) => /^xl\/charts\/chart[^/]*\.xml$/.test(name));
}

/**
 * Copies the charts of `from`'s sheets onto the sheets of the same name in `to`, for the sheets `keep` admits
 * (not a sheet written anew, whose old charts are gone with it). Answers how many charts were carried.
 */
export async function carryCharts(from: JSZip, to: JSZip, keep: (sheet: string) => boolean): Promise<number> {
  if (!hasCharts(from)) return 0;
  const targets = await sheetParts(to);
  const copied = new Map<string, string>();
  let carried = 0;
  for (const [sheet, part] of await sheetParts(from)) {
    const target = targets.get(sheet);
    if (!target || !keep(sheet)) continue;
    const charts: ChartToPlace[] = [];
    for (const rel of await readRelationships(from, part)) {
      if (rel.type !== REL_TYPES.drawing || rel.external) continue;
      charts.push(...(await chartsOfDrawing(from, resolveTarget(part, rel.target), copied)));
    }
    await placeCharts(to, target, charts);
    carried += charts.length;
  }
  return carried;
}

/** The chart anchors of a drawing, each ready to be placed in another package with its parts. */
async function chartsOfDrawing(from: JSZip, drawing: string, copied: Map<string, string>): Promise<ChartToPlace[]> {
  const xml = await from.file(drawing)?.async('string');
  if (!xml) return [];
  const rels = new Map((await readRelationships(from, drawing)).map((r) => [r.id, r]));
  const namespaces = rootNamespaces(xml);
  const children = rootChildren(xml);
  const rootEnd = xml.lastIndexOf('</');
  const charts: ChartToPlace[] = [];
  children.forEach((child, i) => {
    const anchor = xml.slice(child.index, children[i + 1]?.index ?? rootEnd);
    const ref = /<(?:\w+:)?chart\b[^>]*?\s(?:\w+:)?id\s*=\s*"([^"]+)"/.exec(anchor);
    const rel = ref ? rels.get(ref[1]!) : undefined;
    if (!ref || !rel || rel.type !== REL_TYPES.chart || rel.external) return;
    charts.push({
      write: (to) => copyPart(from, to, resolveTarget(drawing, rel.target), copied),
      anchor: (relId, shapeId) =>
        anchor
          .replace(ref[0], ref[0].replace(`"${ref[1]}"`, `"${relId}"`))
          .replace(/(<(?:\w+:)?cNvPr\b[^>]*?\sid=")\d+"/, `$1${shapeId}"`),
      namespaces,
    });
  });
  return charts;
}

/** Copies a part, and the parts its relationships reach, under free names; answers the copy's name. */
async function copyPart(from: JSZip, to: JSZip, part: string, copied: Map<string, string>): Promise<string> {
  const done = copied.get(part);
  if (done) return done;
  const file = from.file(part);
  if (!file) throw new Error(`Tệp thiếu phần ${part} của biểu đồ`);
  const [, prefix = part, extension = ''] = /^(.*?)\d*(\.[^./]+)$/.exec(part) ?? [];
  const name = freePartName(to, prefix, extension);
  copied.set(part, name);
  to.file(name, await file.async('uint8array'));
  const type = await contentTypeOf(from, part);
  if (type) await addContentType(to, name, type);
  const rels = await readRelationships(from, part);
  if (rels.length > 0) {
    const moved = [];
    for (const rel of rels) {
      if (rel.external) moved.push(rel);
      else moved.push({ ...rel, target: relativeTarget(name, await copyPart(from, to, resolveTarget(part, rel.target), copied)) });
    }
    writeRelationships(to, name, moved);
  }
  return name;
}
