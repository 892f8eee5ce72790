import JSZip from 'jszip';
import { parseArea } from '../sheet/merged-cells.ts';
import type { CellArea } from '../sheet/types.ts';
import { attributes, sheetParts } from './xlsx-package.ts';

/**
 * A sheet's merged areas read from the .xlsx package itself (`<mergeCell ref="E7:E9"/>`): how an Excel without
 * ExcelApi 1.13 still tells the add-in which cells are merged, from the document Office hands over.
 */
export async function mergesInPackage(bytes: Uint8Array, sheet: string): Promise<CellArea[]> {
  const zip = await JSZip.loadAsync(bytes);
  const part = (await sheetParts(zip)).get(sheet);
  const xml = part === undefined ? undefined : await zip.file(part)?.async('string');
  if (xml === undefined) return [];
  const areas: CellArea[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?mergeCell\b[^>]*>/g)) {
    const area = parseArea(attributes(m[0]).ref ?? '');
    if (area) areas.push(area);
  }
  return areas;
}
