/**
 * The few Open Packaging Conventions chores an .xlsx needs to gain a part: find a sheet's part by its name,
 * read and extend a part's relationships, add a content type, pick a free part name. Text-level edits on the
 * XML that exceljs (or Excel) wrote, with the escaping XML requires; no DOM, so it runs in Node and the browser.
 */
import type JSZip from 'jszip';
import { escapeXml } from './chart-xml.ts';

export const REL_TYPES = {
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
} as const;

export const CONTENT_TYPES = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  /** TargetMode="External": the target is a URL, not a part of the package. */
  external: boolean;
}

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (e[0] !== '#') return named[e.toLowerCase()]!;
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

/** Attributes of one start tag, by qualified name, unescaped. */
export function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) found[m[1]!] = unescapeXml(m[3] ?? m[4] ?? '');
  return found;
}

/** "xl/worksheets/sheet2.xml" → "xl/worksheets/_rels/sheet2.xml.rels". */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a part name, from the part that holds the relationship. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

/** "xl/charts/chart1.xml" as seen from "xl/drawings/drawing1.xml": "../charts/chart1.xml". */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let same = 0;
  while (same < from.length && same < to.length - 1 && from[same] === to[same]) same += 1;
  return [...Array<string>(from.length - same).fill('..'), ...to.slice(same)].join('/');
}

export async function readRelationships(zip: JSZip, part: string): Promise<Relationship[]> {
  const xml = await zip.file(relsPathOf(part))?.async('string');
  if (!xml) return [];
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    return { id: a.Id ?? '', type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' };
  });
}

/** Adds a relationship to a part's .rels (made if missing) and answers its new id. */
export async function addRelationship(zip: JSZip, part: string, type: string, toPart: string): Promise<string> {
  const path = relsPathOf(part);
  const xml =
    (await zip.file(path)?.async('string')) ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const taken = new Set([...xml.matchAll(/\bId\s*=\s*"([^"]*)"/g)].map((m) => m[1]));
  let n = taken.size + 1;
  while (taken.has(`rId${n}`)) n += 1;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(relativeTarget(part, toPart))}"/>`;
  const end = xml.lastIndexOf('</Relationships>');
  zip.file(path, end === -1 ? xml.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`) : xml.slice(0, end) + rel + xml.slice(end));
  return id;
}

export async function addContentType(zip: JSZip, part: string, contentType: string): Promise<void> {
  const xml = await zip.file('[Content_Types].xml')!.async('string');
  if (xml.includes(`PartName="/${part}"`)) return;
  const end = xml.lastIndexOf('</Types>');
  zip.file('[Content_Types].xml', `${xml.slice(0, end)}<Override PartName="/${part}" ContentType="${contentType}"/>${xml.slice(end)}`);
}

/** The first free "xl/charts/chartN.xml" (for prefix "xl/charts/chart"). */
export function freePartName(zip: JSZip, prefix: string, extension = '.xml'): string {
  let n = 1;
  while (zip.file(`${prefix}${n}${extension}`)) n += 1;
  return `${prefix}${n}${extension}`;
}

/** A part's content type: its Override, else the Default of its extension. */
export async function contentTypeOf(zip: JSZip, part: string): Promise<string | null> {
  const xml = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
  const extension = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  let fallback: string | null = null;
  for (const m of xml.matchAll(/<(Override|Default)\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (m[1] === 'Override' && a.PartName === `/${part}`) return a.ContentType ?? null;
    if (m[1] === 'Default' && a.Extension?.toLowerCase() === extension) fallback = a.ContentType ?? null;
  }
  return fallback;
}

/** Writes a part's relationships whole. */
export function writeRelationships(zip: JSZip, part: string, rels: readonly Relationship[]): void {
  const items = rels.map((r) =>
    `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`);
  zip.file(
    relsPathOf(part),
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`,
  );
}

/** The part of each sheet, by the sheet's name (xl/workbook.xml and its relationships). */
export async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file('xl/workbook.xml')?.async('string');
  if (!workbook) throw new Error('Tệp không phải sổ Excel (.xlsx): thiếu xl/workbook.xml');
  const rels = new Map((await readRelationships(zip, 'xl/workbook.xml')).map((r) => [r.id, r]));
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const relId = Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
    const rel = relId === undefined ? undefined : rels.get(relId);
    if (a.name !== undefined && rel?.type === REL_TYPES.worksheet) parts.set(a.name, resolveTarget('xl/workbook.xml', rel.target));
  }
  return parts;
}

/** The namespace declarations (prefix → URI) on the root's start tag. */
export function rootNamespaces(xml: string): Record<string, string> {
  const root = /<(?!\?|!)[\w:.-]+[^>]*>/.exec(xml)?.[0] ?? '';
  return Object.fromEntries([...root.matchAll(/\sxmlns:([\w.-]+)\s*=\s*"([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

/** The root's direct children (start index and local name), skipping declarations and comments. */
export function rootChildren(xml: string): { index: number; name: string; end: number }[] {
  const children: { index: number; name: string; end: number }[] = [];
  let depth = 0;
  for (const m of xml.matchAll(/<(\/?)([\w:.-]+)[^>]*?(\/?)>|<[?!][^>]*>/g)) {
    if (!m[2]) continue;
    const closing = m[1] === '/';
    const empty = m[3] === '/';
    if (closing) depth -= 1;
    else {
      if (depth === 1) children.push({ index: m.index, name: m[2].replace(/^\w+:/, ''), end: m.index + m[0].length });
      if (!empty) depth += 1;
    }
  }
  return children;
}
