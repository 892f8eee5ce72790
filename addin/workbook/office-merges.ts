/**
 * Merged areas through Office.js: asked of Excel where it can list them (ExcelApi 1.13), else read from the
 * document itself, which Office hands over as .xlsx bytes (the File API, Excel 2013 on).
 */
import { parseArea } from '../sheet/merged-cells.ts';
import type { CellArea } from '../sheet/types.ts';
import type { CellRect } from './a1.ts';
import { explainExcelError } from './errors.ts';
import type { OfficeFeatures } from './office-types.ts';

// Rows per merged-areas query: Excel answers at most 512 areas per range, so a sheet is asked in bands.
const MERGE_BAND_ROWS = 500;

/**
 * The merged areas over a block (ExcelApi 1.13), asked in bands of rows, all in one sync; a band Excel
 * refuses (over 512 areas) is asked again in halves.
 */
export async function mergedAreasInBands(
  context: Excel.RequestContext,
  features: OfficeFeatures,
  rangeOf: (rect: CellRect) => Excel.Range,
  name: string,
  rect: CellRect,
): Promise<CellArea[]> {
  if (!features.mergedAreas) return [];
  const bands: CellRect[] = [];
  for (let row = rect.row; row < rect.row + rect.rows; row += MERGE_BAND_ROWS) {
    bands.push({ ...rect, row, rows: Math.min(MERGE_BAND_ROWS, rect.row + rect.rows - row) });
  }
  const ask = (band: CellRect) => rangeOf(band).getMergedAreasOrNullObject().load('isNullObject, address');
  const found = (areas: Excel.RangeAreas[]) => areas.flatMap((a) => (a.isNullObject ? [] : areasOf(a.address)));
  const queries = bands.map(ask);
  try {
    await context.sync();
    return found(queries);
  } catch {
    // One band has too many areas: each band alone, the refused ones in halves.
  }
  const alone = async (band: CellRect): Promise<CellArea[]> => {
    const query = ask(band);
    try {
      await context.sync();
      return found([query]);
    } catch (error) {
      if (band.rows === 1) throw explainExcelError(error, name);
      const half = Math.ceil(band.rows / 2);
      return [...(await alone({ ...band, rows: half })), ...(await alone({ ...band, row: band.row + half, rows: band.rows - half }))];
    }
  };
  const areas: CellArea[] = [];
  for (const band of bands) areas.push(...(await alone(band)));
  return areas;
}

/** "Sheet1!E7:E9, Sheet1!A12:H12" (sheet names quoted or not) → the areas. */
export function areasOf(address: string): CellArea[] {
  const areas: CellArea[] = [];
  for (const match of address.matchAll(/!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)/g)) {
    const area = parseArea(match[1]!);
    if (area) areas.push(area);
  }
  return areas;
}

// Office hands the document over in slices of at most 4 MB.
const SLICE_BYTES = 4 * 1024 * 1024;

/** The open document as .xlsx bytes through Office's File API (Excel 2013 on), null where it cannot be had. */
export function documentFile(): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    const office = typeof Office === 'undefined' ? undefined : Office.context;
    const document = office?.requirements?.isSetSupported('File', '1.1') ? office.document : undefined;
    if (!document?.getFileAsync) {
      resolve(null);
      return;
    }
    document.getFileAsync(Office.FileType.Compressed, { sliceSize: SLICE_BYTES }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        resolve(null);
        return;
      }
      const file = opened.value;
      const parts: Uint8Array[] = [];
      const done = (bytes: Uint8Array | null) => file.closeAsync(() => resolve(bytes));
      const next = (index: number): void => {
        if (index >= file.sliceCount) {
          const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
          let at = 0;
          for (const part of parts) {
            bytes.set(part, at);
            at += part.length;
          }
          done(bytes);
          return;
        }
        file.getSliceAsync(index, (slice) => {
          if (slice.status !== Office.AsyncResultStatus.Succeeded) {
            done(null);
            return;
          }
          parts.push(new Uint8Array(slice.value.data as ArrayLike<number>));
          next(index + 1);
        });
      };
      next(0);
    });
  });
}
