/**
 * What an exceljs workbook cannot hold: the charts. Kept beside it, per workbook: the file as it was read (its
 * charts are carried over when the workbook is written) and the charts added to sheets since (drawn in then).
 */
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { ChartSpec } from '../workbook/report-sheet.ts';
import type { CellReader } from './chart-xml.ts';
import { carryCharts, hasCharts } from './xlsx-carry-charts.ts';
import { injectCharts } from './xlsx-chart.ts';

interface WorkbookCharts {
  /** The bytes the workbook was read from. */
  original: Uint8Array | null;
  /** Sheets written anew since it was read: their old charts went with them. */
  rewritten: Set<string>;
  added: Map<string, readonly ChartSpec[]>;
}

const books = new WeakMap<ExcelJS.Workbook, WorkbookCharts>();

function of(wb: ExcelJS.Workbook): WorkbookCharts {
  let book = books.get(wb);
  if (!book) books.set(wb, (book = { original: null, rewritten: new Set(), added: new Map() }));
  return book;
}

export function rememberOriginal(wb: ExcelJS.Workbook, bytes: Uint8Array): void {
  of(wb).original = bytes;
}

/** A sheet was (re)written: its charts are these from now on. */
export function setSheetCharts(wb: ExcelJS.Workbook, sheet: string, charts: readonly ChartSpec[]): void {
  const book = of(wb);
  book.rewritten.add(sheet);
  if (charts.length > 0) book.added.set(sheet, charts);
  else book.added.delete(sheet);
}

/** The bytes exceljs wrote, with the carried and the added charts drawn in (unchanged when there are none). */
export async function withCharts(
  wb: ExcelJS.Workbook,
  bytes: Uint8Array,
  reader: (sheet: string) => CellReader | null,
): Promise<Uint8Array> {
  const book = books.get(wb);
  if (!book) return bytes;
  const original = book.original ? await JSZip.loadAsync(book.original) : null;
  const added = [...book.added].flatMap(([sheet, charts]) => {
    const read = reader(sheet);
    return read ? [{ sheet, charts, read }] : [];
  });
  if (added.length === 0 && !(original && hasCharts(original))) return bytes;
  const zip = await JSZip.loadAsync(bytes);
  if (original) await carryCharts(original, zip, (sheet) => !book.rewritten.has(sheet));
  await injectCharts(zip, added);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
