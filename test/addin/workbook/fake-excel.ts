/**
 * An Excel host for the Office adapter's tests, built on Microsoft's office-addin-mock: every Office.js object the
 * adapter touches is an OfficeMockObject (so a property read without load() + sync() shows up as an error value),
 * and a small in-memory workbook behind them applies queued writes at sync() time, as Excel does.
 * It also counts runs and syncs, measures each request's and response's values in bytes, and refuses a request or
 * response over Excel on the web's 5 MB like the real host (RequestPayloadSizeLimitExceeded).
 */
import ExcelJS from 'exceljs';
import { OfficeMockObject } from 'office-addin-mock';
import type { OfficeHost } from '../../../addin/workbook/office/index.ts';

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

type Stored = { value: string | number | boolean; formula: string | null };

export interface FakeSheet {
  name: string;
  cells: Map<string, Stored>;
  fills: Map<string, string>;
  bold: Set<string>;
  widths: Map<number, number>;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  validations: { address: string; rule: unknown; errorAlert: unknown }[];
  notes: Map<string, string>;
  charts: FakeChart[];
  /** Merged areas (0-based); a merged area's value is kept in its top-left cell, as Excel keeps it. */
  merges: Rect[];
  /** Other formats by cell: "font.name", "wrapText", "borders.EdgeTop.style"… (bold and fill have their own). */
  formats: Map<string, Record<string, string | number | boolean>>;
  /** What was set on the sheet's page layout (ExcelApi 1.9): "paperSize", "orientation", "zoom"…; empty if untouched. */
  pageLayout: Record<string, unknown>;
}

/** What Excel reports for a cell nobody formatted. */
const FORMAT_DEFAULTS: Record<string, string | number | boolean> = {
  'font.name': 'Calibri', 'font.size': 11, 'font.color': '#000000', 'font.italic': false,
  wrapText: false, horizontalAlignment: 'General', verticalAlignment: 'Bottom',
  'border.style': 'None', 'border.color': '#000000', 'border.weight': 'Thin',
};
const FONT_PROPS = ['name', 'size', 'color', 'italic'] as const;
const FORMAT_PROPS = ['wrapText', 'horizontalAlignment', 'verticalAlignment'] as const;
const BORDER_PROPS = ['style', 'color', 'weight'] as const;
// Excel's default column width: 8.43 characters, 48 points.
const DEFAULT_WIDTH = 48;

/** A chart as Office.js made it: the source range's address on its sheet, and what was set on it. */
export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  legend: string;
  position: [string, string] | null;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  /** Refused by the fake host (payload over 5 MB) or failed on an operation. */
  failed: boolean;
}

interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

const key = (row: number, col: number): string => `${row},${col}`;

class ExcelError extends Error {
  constructor(readonly code: string, message = code) {
    super(message);
  }
}

export class FakeWorkbook {
  sheets = new Map<string, FakeSheet>();
  active = '';
  selection: { sheet: string; address: string } | null = null;
  runs = 0;
  syncs: SyncRecord[] = [];
  suspends = 0;
  /** Highest ExcelApi minor version this fake Excel supports (1 = Excel 2016). */
  apiVersion = 18;
  /** Whether Office hands the document over as a file (the File API, Excel 2013 on). */
  fileApi = true;
  /** How many times the document was handed over. */
  documentReads = 0;

  private pending: (() => void)[] = [];
  private created: { mock: OfficeMockObject; loaded: () => number }[] = [];
  private requestBytes = 0;
  private ranges = new WeakMap<object, { sheet: string; address: string }>();

  constructor(sheets: Record<string, (string | number | boolean | null)[][]> = {}) {
    for (const [name, values] of Object.entries(sheets)) this.put(name, 'A1', values);
    this.active = Object.keys(sheets)[0] ?? '';
  }

  /** Puts values into a sheet (created if needed) from `address` on, as if the user had typed them. */
  put(name: string, address: string, values: (string | number | boolean | null)[][]): FakeSheet {
    const sheet = this.sheets.get(name) ?? this.addSheet(name);
    const { row, col } = parseAddress(address);
    this.setValues(sheet, row, col, values);
    return sheet;
  }

  host(): OfficeHost {
    return {
      run: async (batch) => {
        this.runs += 1;
        return batch(this.context() as unknown as Excel.RequestContext);
      },
      isSetSupported: (name, version) => name === 'ExcelApi' && Number(version.split('.')[1]) <= this.apiVersion,
      ...(this.fileApi ? { documentFile: () => this.documentFile() } : {}),
    };
  }

  /** The workbook as Excel would save it: values and merged areas, as .xlsx bytes. */
  async documentFile(): Promise<Uint8Array> {
    this.documentReads += 1;
    const wb = new ExcelJS.Workbook();
    for (const sheet of this.sheets.values()) {
      const ws = wb.addWorksheet(sheet.name);
      for (const [k, stored] of sheet.cells) {
        const [row = 0, col = 0] = k.split(',').map(Number);
        ws.getCell(row + 1, col + 1).value = stored.value;
      }
      for (const m of sheet.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
    }
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  sheet(name: string): FakeSheet {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  /** What a cell holds, as Excel would report it in `values` ('' when empty). */
  value(sheet: string, address: string): string | number | boolean {
    const { row, col } = parseAddress(address);
    return this.sheet(sheet).cells.get(key(row, col))?.value ?? '';
  }

  /** Merges an area as the user would (Excel keeps the top-left value and empties the rest). */
  merge(sheet: string, address: string): void {
    const rect = parseAddress(address);
    const target = this.sheet(sheet);
    target.merges.push(rect);
    this.eachCell(sheet, rect, (s, k) => {
      if (k !== key(rect.row, rect.col)) s.cells.delete(k);
    });
  }

  formula(sheet: string, address: string): string | null {
    const { row, col } = parseAddress(address);
    return this.sheet(sheet).cells.get(key(row, col))?.formula ?? null;
  }

  fill(sheet: string, address: string): string | null {
    const { row, col } = parseAddress(address);
    return this.sheet(sheet).fills.get(key(row, col)) ?? null;
  }

  addSheet(name: string): FakeSheet {
    const sheet: FakeSheet = {
      name, cells: new Map(), fills: new Map(), bold: new Set(), widths: new Map(), visibility: 'Visible',
      validations: [], notes: new Map(), charts: [], merges: [], formats: new Map(), pageLayout: {},
    };
    this.sheets.set(name, sheet);
    return sheet;
  }

  private context(): OfficeMockObject {
    const book = this;
    let itemsRequested = false;
    const context = new OfficeMockObject({
      workbook: {
        worksheets: {
          getItem: (name: string) => {
            book.pending.push(() => book.existing(name));
            return book.sheetMock(name);
          },
          add(name: string) {
            book.pending.push(() => {
              if (book.sheets.has(name)) throw new ExcelError('ItemAlreadyExists');
              book.addSheet(name);
            });
            return book.sheetMock(name);
          },
          getActiveWorksheet: () => book.sheetMock(book.active),
          load() {
            itemsRequested = true;
            return this;
          },
        },
      },
      application: {
        suspendApiCalculationUntilNextSync: () => {
          book.suspends += 1;
        },
      },
    });
    const mockSync = context.sync.bind(context);
    context.sync = async () => {
      const operations = book.pending.splice(0);
      const created = book.created.splice(0);
      const record: SyncRecord = {
        requestBytes: book.requestBytes,
        responseBytes: created.reduce((sum, c) => sum + c.loaded(), 0),
        failed: true,
      };
      book.requestBytes = 0;
      book.syncs.push(record);
      if (record.requestBytes > PAYLOAD_LIMIT) throw new ExcelError('RequestPayloadSizeLimitExceeded');
      for (const operation of operations) operation();
      if (record.responseBytes > PAYLOAD_LIMIT) throw new ExcelError('ResponsePayloadSizeLimitExceeded');
      record.failed = false;
      await mockSync();
      for (const { mock } of created) await mock.sync();
      if (itemsRequested) {
        context.workbook.worksheets.items = [...book.sheets.keys()].map((name, position) => ({ name, position }));
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    return context;
  }

  private existing(name: string): FakeSheet {
    const sheet = this.sheets.get(name);
    if (!sheet) throw new ExcelError('ItemNotFound');
    return sheet;
  }

  private track(mock: OfficeMockObject, loaded: () => number = () => 0): OfficeMockObject {
    let wasLoaded = false;
    const load = mock.load.bind(mock);
    mock.load = (what: string) => {
      if (String(what).includes('values')) wasLoaded = true;
      return load(what);
    };
    this.created.push({ mock, loaded: () => (wasLoaded ? loaded() : 0) });
    return mock;
  }

  /** Calls `write` with what the code under test assigns to `target[prop]` (not the mock's own load/sync copies). */
  private onWrite(target: OfficeMockObject, prop: string, seed: unknown, write: (value: unknown) => void): void {
    let current: unknown = target[prop];
    Object.defineProperty(target, prop, {
      configurable: true,
      enumerable: true,
      get: () => current,
      set: (value: unknown) => {
        current = value;
        const internal = value === seed || (typeof value === 'string' && value.startsWith('Error, '));
        if (internal) return;
        this.requestBytes += Buffer.byteLength(JSON.stringify(value) ?? '');
        this.pending.push(() => write(value));
      },
    });
  }

  private sheetMock(name: string): OfficeMockObject {
    const book = this;
    const visibility = this.sheets.get(name)?.visibility ?? 'Visible';
    // The sheet this object stands for, followed through a rename queued on it (as Excel follows its id).
    const ref = { name };
    const mock = this.track(new OfficeMockObject({
      name,
      visibility,
      position: 0,
      getRange: (address: string) => book.rangeMock(name, parseAddress(address), address),
      getUsedRange: (valuesOnly?: boolean) => book.rangeMock(name, book.usedRect(name, valuesOnly === true)),
      activate: () => {
        book.pending.push(() => {
          book.existing(name);
          book.active = name;
        });
      },
      delete: () => {
        book.pending.push(() => {
          book.existing(ref.name);
          book.sheets.delete(ref.name);
          if ([...book.sheets.values()].every((s) => s.visibility !== 'Visible')) {
            throw new ExcelError('InvalidOperation', 'a workbook must keep a visible sheet');
          }
        });
      },
      charts: { add: (type: string, source: object, seriesBy: string) => book.chartMock(name, type, source, seriesBy) },
      // Excel 2016's Worksheet has no pageLayout: reaching for it there fails, as it would in Excel.
      ...(this.apiVersion >= 9 ? { pageLayout: { paperSize: 'Letter', orientation: 'Portrait', zoom: { scale: 100 } } } : {}),
      notes: {
        getItemOrNullObject: (address: string) => book.noteMock(name, address),
        add: (address: string, text: string) => {
          book.requestBytes += Buffer.byteLength(text);
          book.pending.push(() => {
            const notes = book.existing(name).notes;
            if (notes.has(address)) throw new ExcelError('InvalidArgument', 'note exists');
            notes.set(address, text);
          });
        },
      },
    }));
    if (this.apiVersion >= 9) this.trackPageLayout(mock.pageLayout, ref);
    this.onWrite(mock, 'visibility', visibility, (value) => {
      this.existing(ref.name).visibility = value as FakeSheet['visibility'];
    });
    this.onWrite(mock, 'name', name, (value) => {
      const sheet = this.existing(ref.name);
      if (this.sheets.has(String(value))) throw new ExcelError('ItemAlreadyExists');
      this.sheets.delete(ref.name);
      sheet.name = String(value);
      this.sheets.set(sheet.name, sheet);
      ref.name = sheet.name;
    });
    this.onWrite(mock, 'position', 0, (value) => {
      const entries = [...this.sheets.entries()];
      const from = entries.findIndex(([n]) => n === ref.name);
      const [moved] = entries.splice(from, 1);
      entries.splice(Number(value), 0, moved!);
      this.sheets = new Map(entries);
    });
    return mock;
  }

  /** Records what the code under test sets on a sheet's PageLayout (ExcelApi 1.9). */
  private trackPageLayout(layout: OfficeMockObject, ref: { name: string }): void {
    for (const prop of ['paperSize', 'orientation', 'zoom'] as const) {
      this.onWrite(layout, prop, layout[prop], (value) => void (this.existing(ref.name).pageLayout[prop] = value));
    }
  }

  private chartMock(sheetName: string, type: string, source: object, seriesBy: string): OfficeMockObject {
    const range = this.ranges.get(source);
    const chart: FakeChart = { type, source: range?.address ?? '?', seriesBy, title: '', legend: '', position: null };
    this.requestBytes += 100;
    this.pending.push(() => {
      if (range?.sheet !== sheetName) throw new ExcelError('InvalidArgument', 'the source range is on another sheet');
      this.existing(sheetName).charts.push(chart);
    });
    const mock = new OfficeMockObject({
      title: { text: '' },
      legend: { position: '' },
      setPosition: (start: string, end: string) => this.pending.push(() => void (chart.position = [start, end])),
    });
    this.onWrite(mock.title, 'text', '', (text) => void (chart.title = String(text)));
    this.onWrite(mock.legend, 'position', '', (position) => void (chart.legend = String(position)));
    return mock;
  }

  private noteMock(sheet: string, address: string): OfficeMockObject {
    const text = this.sheets.get(sheet)?.notes.get(address);
    const mock = this.track(new OfficeMockObject({
      isNullObject: text === undefined,
      content: text ?? '',
      delete: () => {
        this.pending.push(() => this.existing(sheet).notes.delete(address));
      },
    }));
    this.onWrite(mock, 'content', text ?? '', (value) => {
      this.existing(sheet).notes.set(address, String(value));
    });
    return mock;
  }

  private rangeMock(sheetName: string, rect: Rect, address = formatRect(rect)): OfficeMockObject {
    const sheet = this.sheets.get(sheetName);
    const small = rect.rows * rect.cols <= 1_000_000;
    const values = small ? this.snapshot(sheet, rect) : [];
    const fill = sheet?.fills.get(key(rect.row, rect.col)) ?? '';
    const mock = this.track(new OfficeMockObject({
      values,
      address: `${sheetName}!${address}`,
      rowIndex: rect.row,
      columnIndex: rect.col,
      rowCount: rect.rows,
      columnCount: rect.cols,
      format: {
        fill: {
          color: fill,
          clear: () => this.pending.push(() => this.eachCell(sheetName, rect, (s, k) => s.fills.delete(k))),
        },
        font: {
          bold: sheet?.bold.has(key(rect.row, rect.col)) ?? false,
          ...Object.fromEntries(FONT_PROPS.map((p) => [p, this.formatOf(sheet, rect, `font.${p}`)])),
        },
        ...Object.fromEntries(FORMAT_PROPS.map((p) => [p, this.formatOf(sheet, rect, p)])),
        columnWidth: sheet?.widths.get(rect.col) ?? DEFAULT_WIDTH,
        borders: { getItem: (edge: string) => this.borderMock(sheetName, rect, edge) },
      },
      dataValidation: {
        rule: {},
        errorAlert: {},
        clear: () => this.pending.push(() => {
          const s = this.existing(sheetName);
          s.validations = s.validations.filter((v) => v.address !== address);
        }),
      },
      select: () => this.pending.push(() => {
        this.existing(sheetName);
        this.selection = { sheet: sheetName, address };
      }),
      ...(this.apiVersion >= 13 ? { getMergedAreasOrNullObject: () => this.mergedAreasMock(sheetName, rect) } : {}),
    }), () => Buffer.byteLength(JSON.stringify(values)));
    this.ranges.set(mock, { sheet: sheetName, address });

    this.onWrite(mock, 'values', values, (input) => this.writeValues(sheetName, rect, input));
    this.onWrite(mock.format.fill, 'color', fill, (color) =>
      this.eachCell(sheetName, rect, (s, k) => s.fills.set(k, String(color))));
    this.onWrite(mock.format.font, 'bold', mock.format.font.bold, (bold) =>
      this.eachCell(sheetName, rect, (s, k) => (bold ? s.bold.add(k) : s.bold.delete(k))));
    for (const p of FONT_PROPS) {
      this.onWrite(mock.format.font, p, mock.format.font[p], (v) => this.setFormat(sheetName, rect, `font.${p}`, v));
    }
    for (const p of FORMAT_PROPS) this.onWrite(mock.format, p, mock.format[p], (v) => this.setFormat(sheetName, rect, p, v));
    this.onWrite(mock.format, 'columnWidth', mock.format.columnWidth, (points) => {
      for (let c = rect.col; c < rect.col + rect.cols; c++) this.existing(sheetName).widths.set(c, Number(points));
    });
    const validation = mock.dataValidation;
    this.onWrite(validation, 'rule', undefined, (rule) => {
      this.existing(sheetName).validations.push({ address, rule, errorAlert: null });
    });
    this.onWrite(validation, 'errorAlert', undefined, (alert) => {
      const entry = this.existing(sheetName).validations.findLast((v) => v.address === address);
      if (entry) entry.errorAlert = alert;
    });
    return mock;
  }

  private formatOf(sheet: FakeSheet | undefined, rect: Rect, path: string): string | number | boolean {
    const fallback = FORMAT_DEFAULTS[path.startsWith('borders.') ? `border.${path.split('.')[2]}` : path]!;
    return sheet?.formats.get(key(rect.row, rect.col))?.[path] ?? fallback;
  }

  private setFormat(sheetName: string, rect: Rect, path: string, value: unknown): void {
    this.eachCell(sheetName, rect, (s, k) => {
      const cell = s.formats.get(k) ?? {};
      cell[path] = value as string | number | boolean;
      s.formats.set(k, cell);
    });
  }

  /** One edge's border of a range (Excel's RangeBorder): read from the top-left cell, written to every cell. */
  private borderMock(sheetName: string, rect: Rect, edge: string): OfficeMockObject {
    const sheet = this.sheets.get(sheetName);
    const seed = Object.fromEntries(BORDER_PROPS.map((p) => [p, this.formatOf(sheet, rect, `borders.${edge}.${p}`)]));
    const mock = this.track(new OfficeMockObject({ ...seed }));
    for (const p of BORDER_PROPS) {
      this.onWrite(mock, p, seed[p], (v) => this.setFormat(sheetName, rect, `borders.${edge}.${p}`, v));
    }
    return mock;
  }

  /** Excel's answer: the merged areas meeting the range, or a null object; more than 512 fail the request. */
  private mergedAreasMock(sheetName: string, rect: Rect): OfficeMockObject {
    const areas = (this.sheets.get(sheetName)?.merges ?? []).filter((m) =>
      m.row < rect.row + rect.rows && m.row + m.rows > rect.row && m.col < rect.col + rect.cols && m.col + m.cols > rect.col);
    if (areas.length > 512) this.pending.push(() => { throw new ExcelError('GeneralException', 'too many merged areas'); });
    const quoted = /^[A-Za-z0-9_]+$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
    return this.track(new OfficeMockObject({
      isNullObject: areas.length === 0,
      address: areas.map((m) => `${quoted}!${formatRect(m)}`).join(', '),
    }));
  }

  private snapshot(sheet: FakeSheet | undefined, rect: Rect): (string | number | boolean)[][] {
    return Array.from({ length: rect.rows }, (_, r) =>
      Array.from({ length: rect.cols }, (_, c) => sheet?.cells.get(key(rect.row + r, rect.col + c))?.value ?? ''));
  }

  private eachCell(sheetName: string, rect: Rect, apply: (sheet: FakeSheet, key: string) => void): void {
    const sheet = this.existing(sheetName);
    for (let r = 0; r < rect.rows; r++) for (let c = 0; c < rect.cols; c++) apply(sheet, key(rect.row + r, rect.col + c));
  }

  private writeValues(sheetName: string, rect: Rect, input: unknown): void {
    const rows = input as unknown[][];
    if (!Array.isArray(rows) || rows.length !== rect.rows || rows.some((row) => row.length !== rect.cols)) {
      throw new ExcelError('InvalidArgument', 'The number of rows or columns in the input array does not match the range');
    }
    this.setValues(this.existing(sheetName), rect.row, rect.col, rows);
  }

  /** Excel's reading of a value written through `Range.values`: as if typed into the cell. */
  private setValues(sheet: FakeSheet, top: number, left: number, rows: unknown[][]): void {
    rows.forEach((row, r) => row.forEach((input, c) => {
      const k = key(top + r, left + c);
      if (input === null || input === undefined) return;
      if (input === '') sheet.cells.delete(k);
      else sheet.cells.set(k, typed(input as string | number | boolean));
    }));
  }

  private usedRect(name: string, valuesOnly: boolean): Rect {
    const sheet = this.sheets.get(name);
    const keys = [...(sheet?.cells.keys() ?? []), ...(valuesOnly ? [] : (sheet?.fills.keys() ?? []))];
    if (keys.length === 0) return { row: 0, col: 0, rows: 1, cols: 1 };
    let top = Infinity, left = Infinity, bottom = -1, right = -1;
    for (const k of keys) {
      const [row = 0, col = 0] = k.split(',').map(Number);
      top = Math.min(top, row); left = Math.min(left, col);
      bottom = Math.max(bottom, row); right = Math.max(right, col);
    }
    return { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }
}

function typed(input: string | number | boolean): Stored {
  if (typeof input !== 'string') return { value: input, formula: null };
  if (input.startsWith("'")) return { value: input.slice(1), formula: null };
  if (/^[=+@-]/.test(input) && !/^[+-]?\d+(\.\d+)?$/.test(input)) return { value: '#NAME?', formula: input };
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(input)) return { value: Number(input), formula: null };
  if (/^(true|false)$/i.test(input)) return { value: input.toLowerCase() === 'true', formula: null };
  return { value: input, formula: null };
}

function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export function parseAddress(address: string): Rect {
  const column = /^([A-Z]+):([A-Z]+)$/i.exec(address);
  if (column) {
    const col = columnIndex(column[1] ?? 'A');
    return { row: 0, col, rows: 1_048_576, cols: columnIndex(column[2] ?? 'A') - col + 1 };
  }
  const match = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(address);
  if (!match) throw new ExcelError('InvalidArgument', `bad address ${address}`);
  const row = Number(match[2]) - 1;
  const col = columnIndex(match[1] ?? 'A');
  const endRow = match[4] ? Number(match[4]) - 1 : row;
  const endCol = match[3] ? columnIndex(match[3]) : col;
  return { row, col, rows: endRow - row + 1, cols: endCol - col + 1 };
}

function formatRect(rect: Rect): string {
  const letters = (col: number): string => {
    let s = '';
    for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const start = `${letters(rect.col)}${rect.row + 1}`;
  return rect.rows === 1 && rect.cols === 1 ? start : `${start}:${letters(rect.col + rect.cols - 1)}${rect.row + rect.rows}`;
}
