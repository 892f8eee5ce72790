import ExcelJS from 'exceljs';
import { xmlSafeText } from '../../server/contract/text.ts';
import type { CellArea, CellValue, HeaderLook, SheetGrid, WritePlan } from '../sheet/types.ts';
import type { WorkbookAdapter, WorkbookSession } from './adapter.ts';
import { assertNoSecrets, formatDirectory, parseDirectory, splitText, stateRow, STATE_SHEET } from './state-cells.ts';
import { rememberOriginal, setSheetCharts, withCharts } from './file-charts.ts';
import { assertXlsx, unreadableMessage, WorkbookFileError } from './file-kind.ts';

/**
 * An .xlsx file as a workbook, through exceljs, for the browser's file mode and the command line. Only the
 * cells of a write plan change; formatting, merged cells and the other sheets are kept as exceljs reads them.
 */

const HIGHLIGHT: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const NO_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'none' };
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
type Ordered = { orderNo: number };

/** A cell as Office.js would give it: formulas by their result, rich text as text, dates as serial numbers. */
export function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH) / 86_400_000;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return plainValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : plainValue(value.text as ExcelJS.CellValue);
  if ('error' in value) return null;
  return null;
}

function readGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const values: CellValue[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const line: CellValue[] = new Array(cols).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // exceljs repeats a merged range's value in every cell; Excel shows it only in the top-left one.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      line[c - 1] = plainValue(cell.value);
    });
    values.push(line);
  }
  return { name: ws.name, values, top: 0, left: 0, merges: mergedAreas(ws) };
}

type MergeRange = { top: number; left: number; bottom: number; right: number };

/** The sheet's merged areas (exceljs keeps them by master cell, 1-based, outside its typings). */
export function mergedAreas(ws: ExcelJS.Worksheet): CellArea[] {
  const merges = (ws as unknown as { _merges?: Record<string, MergeRange> })._merges ?? {};
  return Object.values(merges).map((m) => ({
    row: m.top - 1,
    col: m.left - 1,
    rows: m.bottom - m.top + 1,
    cols: m.right - m.left + 1,
  }));
}

/** New header cells dressed like the sheet's own header cell: a copy of its style, and a width at least as wide. */
function applyLook(ws: ExcelJS.Worksheet, look: HeaderLook): void {
  const from = ws.getCell(look.from.row + 1, look.from.col + 1);
  const width = ws.getColumn(look.from.col + 1).width;
  for (let k = 0; k < look.to.cols; k++) {
    const col = look.to.col + k + 1;
    // A deep copy: exceljs shares style objects between cells, and a later highlight must not spread.
    ws.getCell(look.to.row + 1, col).style = structuredClone(from.style);
    const column = ws.getColumn(col);
    column.width = Math.max(width ?? 0, look.minWidths[k] ?? 0);
  }
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`Không có trang tính "${name}"`);
  return ws;
}

function stateSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const existing = wb.getWorksheet(STATE_SHEET);
  if (existing) return existing;
  const ws = wb.addWorksheet(STATE_SHEET);
  ws.state = 'veryHidden';
  return ws;
}

function session(wb: ExcelJS.Workbook): WorkbookSession {
  return {
    sheetNames: async () => wb.worksheets.filter((w) => w.name !== STATE_SHEET).map((w) => w.name),
    activeSheetName: async () => {
      const active = wb.views?.[0]?.activeTab ?? 0;
      const visible = wb.worksheets.filter((w) => w.name !== STATE_SHEET);
      return (wb.worksheets[active] ?? visible[0])?.name ?? '';
    },
    readSheet: async (name) => readGrid(sheet(wb, name)),
    applyPlan: async (name, plan: WritePlan) => {
      const ws = sheet(wb, name);
      for (const block of plan.blocks) {
        block.values.forEach((line, i) =>
          line.forEach((value, j) => {
            // exceljs writes a string as a string cell: "=…" stays text, never a formula. "" empties the cell.
            ws.getCell(block.row + i + 1, block.col + j + 1).value = value === '' ? null : xmlSafe(value);
          }),
        );
      }
      for (const c of plan.clearHighlight) ws.getCell(c.row + 1, c.col + 1).fill = NO_FILL;
      for (const c of plan.highlight) ws.getCell(c.row + 1, c.col + 1).fill = HIGHLIGHT;
      for (const look of plan.looks ?? []) applyLook(ws, look);
    },
    addSheet: async (name, values, options = {}) => {
      const existing = wb.getWorksheet(name);
      if (existing && !options.replace) throw new Error(`Trang tính "${name}" đã có`);
      if (existing) wb.removeWorksheet(existing.id);
      const ws = wb.addWorksheet(name);
      // In its old place among the sheets: exceljs orders them by orderNo (missing from its typings) when it writes.
      if (existing) (ws as unknown as Ordered).orderNo = (existing as unknown as Ordered).orderNo;
      values.forEach((line, r) => {
        const row = ws.getRow(r + 1);
        line.forEach((v, c) => {
          if (v !== null) row.getCell(c + 1).value = xmlSafe(v);
        });
      });
      for (const r of options.headerRows ?? []) ws.getRow(r + 1).font = { bold: true };
      options.columnWidths?.forEach((w, c) => {
        ws.getColumn(c + 1).width = w;
      });
      for (const range of options.wrap ?? []) {
        for (let r = range.row; r < range.row + range.rows; r++) {
          for (let c = range.col; c < range.col + range.cols; c++) ws.getCell(r + 1, c + 1).alignment = WRAP;
        }
      }
      setSheetCharts(wb, name, options.charts ?? []);
      // A4 (paper size 9), one page wide, as many pages down as it takes.
      if (options.printA4Portrait) ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
    },
    loadState: async (key) => {
      const ws = wb.getWorksheet(STATE_SHEET);
      if (!ws) return undefined;
      const entry = parseDirectory(plainValue(ws.getCell(1, 1).value)).keys[key];
      if (!entry) return undefined;
      const [row, cells] = entry;
      let text = '';
      for (let c = 0; c < cells; c++) text += String(plainValue(ws.getCell(row + 1, c + 2).value) ?? '');
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
    },
    saveState: async (key, value) => {
      assertNoSecrets(value);
      const ws = stateSheet(wb);
      const directory = parseDirectory(plainValue(ws.getCell(1, 1).value));
      const row = stateRow(directory, key);
      // JSON escapes controls and lone surrogates but not U+FFFE/U+FFFF, which XML cannot hold.
      const pieces = splitText(JSON.stringify(value).replace(/[\uFFFE\uFFFF]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16)}`));
      const old = directory.keys[key]?.[1] ?? 0;
      ws.getCell(row + 1, 1).value = key;
      for (let c = 0; c < Math.max(old, pieces.length); c++) ws.getCell(row + 1, c + 2).value = pieces[c] ?? null;
      directory.keys[key] = [row, pieces.length];
      ws.getCell(1, 1).value = formatDirectory(directory);
    },
    selectCell: async (name, address) => {
      const ws = sheet(wb, name);
      ws.views = [{ ...(ws.views?.[0] ?? {}), activeCell: address }];
    },
  };
}

/** What exceljs writes must be XML: text loses the characters XML 1.0 cannot hold (see xmlSafeText). */
function xmlSafe<T>(value: T): T {
  return (typeof value === 'string' ? xmlSafeText(value) : value) as T;
}

export function fileWorkbook(wb: ExcelJS.Workbook): WorkbookAdapter {
  return { session: (fn) => fn(session(wb)) };
}

/**
 * An .xlsx file as an exceljs workbook; its charts, which exceljs drops, are kept aside for writeXlsx. Anything
 * else (.xls, a renamed CSV, a password-protected file) is refused by its first bytes with a WorkbookFileError
 * naming the file and what to do, before the zip reader sees it.
 */
export async function readXlsx(data: ArrayBuffer | Uint8Array, fileName: string | null = null): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  assertXlsx(bytes, fileName);
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new WorkbookFileError('unknown', unreadableMessage(fileName));
  }
  rememberOriginal(wb, bytes);
  return wb;
}

/** The workbook as .xlsx bytes, with the charts of the file it was read from and those added since. */
export async function writeXlsx(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return withCharts(wb, bytes, (name) => {
    const ws = wb.getWorksheet(name);
    return ws ? (row, col) => plainValue(ws.getCell(row + 1, col + 1).value) : null;
  });
}

export function newWorkbook(): ExcelJS.Workbook {
  return new ExcelJS.Workbook();
}

/** The downloaded result beside the user's own file, never in its place: "T10.xlsx" → "T10-ket-qua.xlsx". */
export function resultFileName(name: string): string {
  const stem = name.replace(/\.(xlsx|xlsm|xls)$/i, '').replace(/-ket-qua$/i, '');
  return `${stem || 'bang-tinh'}-ket-qua.xlsx`;
}
