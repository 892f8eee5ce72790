/**
 * The workbook through Office.js: the only module that calls `Excel.*` and `Office.*`. A session is one
 * `Excel.run` (one user action); each method queues its commands and syncs once per phase. Reads and writes too
 * big for one request (Excel on the web: 5 MB) go in pieces sized by payload.ts, one sync per piece, so the
 * number of syncs grows with the pieces, never with the rows. Baseline ExcelApi 1.1 (Excel 2016); newer sets
 * light up after `isSetSupported`.
 */
import { chartSource } from '../report/chart-spec.ts';
import type { ChartSpec } from '../report/types.ts';
import type { CellArea, CellRef, CellValue, SheetGrid, WriteBlock, WritePlan } from '../sheet/types.ts';
import type { CellNote, OfficeFeatures, OfficeHost, OfficeWorkbookAdapter, OfficeWorkbookSession } from './office-types.ts';
import { cellRuns, columnLetters, rangeAddress, type CellRect } from './a1.ts';
import { fromExcelValue, rectangular, toExcelValue, trimGrid } from './cell-values.ts';
import { explainExcelError, isPayloadTooLarge } from './errors.ts';
import { applyLookTo, loadLook, lookWidth, type LoadedLook } from './office-look.ts';
import { areasOf, documentFile, mergedAreasInBands } from './office-merges.ts';
import { batchBySize, jsonBytes, OPERATION_BYTES, REQUEST_BUDGET_BYTES, rowsPerRead, splitBlock } from './payload.ts';
import {
  assertNoSecrets,
  formatDirectory,
  parseDirectory,
  splitText,
  STATE_CELL_CHARS,
  STATE_SHEET,
  stateRow,
  type StateDirectory,
} from './state-cells.ts';

export type * from './office-types.ts';

/** Light salmon, the fill Excel users know from "bad" cells; cleared with the cell's whole fill. */
export const HIGHLIGHT_FILL = '#FCE4D6';
// Excel's list source is a string of at most 255 characters.
const LIST_SOURCE_MAX = 255;
// Excel's names for our chart types (ExcelApi 1.1).
const CHART_TYPES = { columnClustered: 'ColumnClustered', columnStacked: 'ColumnStacked' } as const;
// Worst case for a state cell in a response: every character a quote escaped to two bytes.
const STATE_CELLS_PER_READ = Math.floor(REQUEST_BUDGET_BYTES / (STATE_CELL_CHARS * 2));

export function officeWorkbook(host: OfficeHost = officeHost()): OfficeWorkbookAdapter {
  return {
    session: (fn) =>
      host.run(async (context) => {
        const session = openSession(context, featuresOf(host), host);
        const result = await fn(session);
        await session.flush();
        return result;
      }),
  };
}

function officeHost(): OfficeHost {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) =>
      typeof Office !== 'undefined' && (Office.context?.requirements?.isSetSupported(name, version) ?? false),
    documentFile,
  };
}

function featuresOf(host: OfficeHost): OfficeFeatures {
  return {
    api12: host.isSetSupported('ExcelApi', '1.2'),
    suspendCalculation: host.isSetSupported('ExcelApi', '1.6'),
    dropDowns: host.isSetSupported('ExcelApi', '1.8'),
    mergedAreas: host.isSetSupported('ExcelApi', '1.13'),
    notes: host.isSetSupported('ExcelApi', '1.18'),
  };
}

/** One queued command and what it adds to the request. */
interface Operation {
  bytes: number;
  queue(): void;
}

function openSession(
  context: Excel.RequestContext,
  features: OfficeFeatures,
  host: OfficeHost,
): OfficeWorkbookSession & { flush(): Promise<void> } {
  const worksheets = context.workbook.worksheets;
  let state: { exists: boolean; directory: StateDirectory } | null = null;
  // Writes of the plan and of the state wait here and go together, in as few requests as fit under the
  // size limit, before the next read or when the action ends: a sync action makes one write round trip.
  let queued: Operation[] = [];

  async function flush(): Promise<void> {
    if (queued.length === 0) return;
    const operations = queued;
    queued = [];
    await runBatches(operations);
  }

  async function sync(sheet?: string): Promise<void> {
    try {
      await context.sync();
    } catch (error) {
      throw explainExcelError(error, sheet);
    }
  }

  /** Queues operations in pieces that fit one request, one sync per piece (the loop is over pieces, not rows). */
  async function runBatches(operations: Operation[], sheet?: string): Promise<void> {
    for (const batch of batchBySize(operations)) {
      if (features.suspendCalculation) context.application.suspendApiCalculationUntilNextSync();
      for (const operation of batch) operation.queue();
      await sync(sheet);
    }
  }

  // An A1 address, not getRangeByIndexes: that one needs ExcelApi 1.7, getRange(address) works from 1.1.
  function rangeOf(sheet: Excel.Worksheet, rect: CellRect): Excel.Range {
    return sheet.getRange(rangeAddress(rect.row, rect.col, rect.rows, rect.cols));
  }

  function writeOperations(sheet: Excel.Worksheet, block: WriteBlock): Operation[] {
    const values = rectangular(block.values).map((row) => row.map(toExcelValue));
    if ((values[0]?.length ?? 0) === 0) return [];
    const pieces = splitBlock({ row: block.row, col: block.col, values }, REQUEST_BUDGET_BYTES - OPERATION_BYTES);
    return pieces.map((piece) => ({
      bytes: jsonBytes(piece.values) + OPERATION_BYTES,
      queue: () => {
        const rect = { row: piece.row, col: piece.col, rows: piece.values.length, cols: piece.values[0]?.length ?? 0 };
        rangeOf(sheet, rect).values = piece.values;
      },
    }));
  }

  function rangeOperations(
    sheet: Excel.Worksheet,
    cells: readonly CellRef[],
    apply: (range: Excel.Range) => void,
  ): Operation[] {
    return cellRuns(cells).map((rect) => ({ bytes: OPERATION_BYTES, queue: () => apply(rangeOf(sheet, rect)) }));
  }

  /**
   * Values of a block read in pieces: the cell limit first, then the bytes per row seen so far; a piece Excel
   * still finds too large is read again in halves.
   */
  async function readValues(sheet: Excel.Worksheet, name: string, rect: CellRect): Promise<CellValue[][]> {
    const values: CellValue[][] = [];
    let bytesPerRow: number | null = null;
    let cap = Number.POSITIVE_INFINITY;
    for (let done = 0; done < rect.rows;) {
      const rows = Math.min(rect.rows - done, rowsPerRead(rect.cols, bytesPerRow), cap);
      const range = rangeOf(sheet, { ...rect, row: rect.row + done, rows }).load('values');
      try {
        await context.sync();
      } catch (error) {
        if (isPayloadTooLarge(error) && rows > 1) {
          cap = Math.ceil(rows / 2);
          continue;
        }
        throw explainExcelError(error, name);
      }
      const piece = range.values;
      bytesPerRow = Math.max(bytesPerRow ?? 0, jsonBytes(piece) / rows);
      for (const row of piece) values.push(row.map(fromExcelValue));
      done += rows;
    }
    return values;
  }

  function readMerges(sheet: Excel.Worksheet, name: string, rect: CellRect): Promise<CellArea[]> {
    return mergedAreasInBands(context, features, (band) => rangeOf(sheet, band), name, rect);
  }

  /**
   * Before ExcelApi 1.13 Excel cannot list merged areas: they are read from the document itself, once per
   * action. Without it (a host that cannot hand the file over) a merged cell reads as Excel shows it, blank
   * below its first row, and the engine names those cells.
   */
  let documentMerges: Promise<Uint8Array | null> | null = null;
  async function mergesFromDocument(name: string): Promise<CellArea[]> {
    if (!host.documentFile) return [];
    documentMerges ??= host.documentFile().catch(() => null);
    const bytes = await documentMerges;
    if (!bytes) return [];
    const { mergesInPackage } = await import('./xlsx-merges.ts');
    return mergesInPackage(bytes, name).catch(() => []);
  }

  async function openState(): Promise<{ exists: boolean; directory: StateDirectory }> {
    if (state) return state;
    await flush();
    worksheets.load('items/name');
    await sync();
    if (!worksheets.items.some((sheet) => sheet.name === STATE_SHEET)) {
      state = { exists: false, directory: { keys: {} } };
      return state;
    }
    const head = worksheets.getItem(STATE_SHEET).getRange('A1').load('values');
    await sync(STATE_SHEET);
    state = { exists: true, directory: parseDirectory(head.values[0]?.[0]) };
    return state;
  }

  /**
   * A report sheet of that name (Excel compares names without case), renamed out of the way so the new one can
   * take its name; deleted once the new one exists, so the workbook never loses its last visible sheet.
   */
  async function sheetToReplace(name: string): Promise<{ sheet: Excel.Worksheet; position: number } | null> {
    await flush();
    worksheets.load('items/name,items/position');
    await sync(name);
    const taken = new Set(worksheets.items.map((s) => s.name.toLocaleLowerCase()));
    const found = worksheets.items.find((s) => s.name.toLocaleLowerCase() === name.toLocaleLowerCase());
    if (!found) return null;
    let n = 1;
    while (taken.has(`~bx${n}`)) n += 1;
    const sheet = worksheets.getItem(found.name);
    sheet.name = `~bx${n}`;
    return { sheet, position: found.position };
  }

  function addChart(sheet: Excel.Worksheet, spec: ChartSpec): void {
    const chart = sheet.charts.add(CHART_TYPES[spec.type], rangeOf(sheet, chartSource(spec)), 'Columns');
    chart.title.text = spec.title;
    chart.legend.position = 'Bottom';
    const p = spec.placement;
    chart.setPosition(rangeAddress(p.row, p.col), rangeAddress(p.row + p.rows - 1, p.col + p.cols - 1));
  }

  return {
    features,
    flush,

    async sheetNames() {
      await flush();
      worksheets.load('items/name');
      await sync();
      return worksheets.items.map((sheet) => sheet.name).filter((name) => name !== STATE_SHEET);
    },

    async activeSheetName() {
      await flush();
      const sheet = worksheets.getActiveWorksheet().load('name');
      await sync();
      return sheet.name;
    },

    async readSheet(name): Promise<SheetGrid> {
      await flush();
      const sheet = worksheets.getItem(name);
      // valuesOnly needs ExcelApi 1.2; before it, formatted empty cells count as used and trimGrid drops them.
      const usedRange = () => (features.api12 ? sheet.getUsedRange(true) : sheet.getUsedRange());
      let used = usedRange().load('rowIndex, columnIndex, rowCount, columnCount');
      // The merged areas ride along with the used range's size (no round trip of their own) while they fit
      // one answer (512 areas); otherwise they are asked for in bands below.
      let merges: CellArea[] | null = null;
      const mergedHere = features.mergedAreas ? used.getMergedAreasOrNullObject().load('isNullObject, address') : null;
      try {
        await context.sync();
        if (mergedHere) merges = mergedHere.isNullObject ? [] : areasOf(mergedHere.address);
      } catch (error) {
        if (!mergedHere) throw explainExcelError(error, name);
        used = usedRange().load('rowIndex, columnIndex, rowCount, columnCount');
        await sync(name);
      }
      const rect = { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
      const values = await readValues(sheet, name, rect);
      const grid: SheetGrid = { name, ...trimGrid(values, rect.row, rect.col) };
      if (grid.values.length > 0) {
        merges ??= features.mergedAreas ? await readMerges(sheet, name, rect) : await mergesFromDocument(name);
        if (merges.length > 0) grid.merges = merges;
      }
      return grid;
    },

    async applyPlan(name, plan: WritePlan) {
      const sheet = worksheets.getItem(name);
      const looks = plan.looks ?? [];
      let loaded: LoadedLook[] = [];
      if (looks.length > 0) {
        // The header's look is read before anything is written: one round trip for all of it.
        await flush();
        loaded = looks.map((look) => loadLook(rangeOf(sheet, { ...look.from, rows: 1, cols: 1 }), look, features));
        await sync(name);
      }
      const operations = [
        ...plan.blocks.flatMap((block) => writeOperations(sheet, block)),
        // Formats after values; clearing before highlighting, so a cell in both lists ends highlighted.
        ...rangeOperations(sheet, plan.clearHighlight, (range) => range.format.fill.clear()),
        ...rangeOperations(sheet, plan.highlight, (range) => {
          range.format.fill.color = HIGHLIGHT_FILL;
        }),
        ...loaded.map((l) => ({ bytes: OPERATION_BYTES * 4, queue: () => applyLookTo(rangeOf(sheet, l.look.to), l) })),
        ...(features.api12
          ? loaded.flatMap((l) => l.look.minWidths.map((_, k) => ({
            bytes: OPERATION_BYTES,
            queue: () => {
              const letters = columnLetters(l.look.to.col + k);
              const points = lookWidth(l, k, features);
              if (points !== null) sheet.getRange(`${letters}:${letters}`).format.columnWidth = points;
            },
          })))
          : []),
      ];
      queued.push(...operations);
    },

    async addSheet(name, values, options = {}) {
      await flush();
      const old = options.replace ? await sheetToReplace(name) : null;
      const sheet = worksheets.add(name);
      if (old) {
        old.sheet.delete();
        sheet.position = old.position;
      }
      const grid = rectangular(values);
      const width = grid[0]?.length ?? 0;
      const headerRows = width === 0 ? [] : (options.headerRows ?? []);
      const widths = options.columnWidths ?? [];
      const operations: Operation[] = [
        ...writeOperations(sheet, { row: 0, col: 0, values: grid }),
        ...headerRows.map((row) => ({
          bytes: OPERATION_BYTES,
          queue: () => {
            rangeOf(sheet, { row, col: 0, rows: 1, cols: width }).format.font.bold = true;
          },
        })),
        // Column widths need ExcelApi 1.2: Excel 2016 keeps its default widths.
        ...(features.api12
          ? widths.map((characters, col) => ({
            bytes: OPERATION_BYTES,
            queue: () => {
              sheet.getRange(`${columnLetters(col)}:${columnLetters(col)}`).format.columnWidth = pointsFor(characters);
            },
          }))
          : []),
        // After the values: Excel reads the header row and the categories' column from the cells.
        ...(options.charts ?? []).map((spec) => ({
          bytes: OPERATION_BYTES * 4 + jsonBytes(spec.title),
          queue: () => addChart(sheet, spec),
        })),
      ];
      if (operations.length === 0) await sync(name);
      else await runBatches(operations, name);
    },

    async loadState(key) {
      const { directory } = await openState();
      const entry = directory.keys[key];
      if (!entry) return undefined;
      const [row, cells] = entry;
      await flush();
      const sheet = worksheets.getItem(STATE_SHEET);
      let text = '';
      for (let start = 0; start < cells; start += STATE_CELLS_PER_READ) {
        const count = Math.min(STATE_CELLS_PER_READ, cells - start);
        const range = rangeOf(sheet, { row, col: 1 + start, rows: 1, cols: count }).load('values');
        await sync(STATE_SHEET);
        text += (range.values[0] ?? []).map((cell) => String(cell)).join('');
      }
      try {
        return JSON.parse(text) as unknown;
      } catch {
        // The state is a cache of the last sync: a damaged copy means "unknown", and the next sync rebuilds it.
        return undefined;
      }
    },

    async saveState(key, value) {
      assertNoSecrets(value);
      const text: string | undefined = JSON.stringify(value);
      const current = await openState();
      const chunks = text === undefined ? [] : splitText(text);
      const old = current.directory.keys[key];
      const row = stateRow(current.directory, key);
      const directory: StateDirectory = { keys: { ...current.directory.keys } };
      if (text === undefined) delete directory.keys[key];
      else directory.keys[key] = [row, chunks.length];
      const head = formatDirectory(directory);
      if (head.length > STATE_CELL_CHARS) throw new Error('Quá nhiều khóa trạng thái / too many state keys');

      const sheet = current.exists ? worksheets.getItem(STATE_SHEET) : worksheets.add(STATE_SHEET);
      if (features.api12) sheet.visibility = 'VeryHidden';
      const leftover = Math.max(0, (old?.[1] ?? 0) - chunks.length);
      const cells: CellValue[] = [text === undefined ? null : key, ...chunks, ...Array<CellValue>(leftover).fill(null)];
      // The directory goes last: if a piece fails, the old entry points at cells that no longer parse, so
      // loadState answers "unknown" instead of half a state.
      queued.push(
        ...writeOperations(sheet, { row, col: 0, values: [cells] }),
        ...writeOperations(sheet, { row: 0, col: 0, values: [[head]] }),
      );
      state = { exists: true, directory };
    },

    async selectCell(sheetName, address) {
      await flush();
      const sheet = worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(address).select();
      await sync(sheetName);
    },

    async setChoices(sheetName, lists) {
      // Queued with the action's other writes: a drop-down costs no round trip of its own.
      if (!features.dropDowns) return false;
      const sheet = worksheets.getItem(sheetName);
      const usable = lists.filter((list) =>
        list.rows > 0 && list.values.length > 0 && !list.values.some((value) => value.includes(','))
        && list.values.join(',').length <= LIST_SOURCE_MAX);
      queued.push(...usable.map((list) => ({
        bytes: OPERATION_BYTES * 3 + jsonBytes(list.values),
        queue: () => {
          const validation = rangeOf(sheet, { row: list.row, col: list.col, rows: list.rows, cols: 1 }).dataValidation;
          validation.clear();
          validation.rule = { list: { inCellDropDown: true, source: list.values.join(',') } };
          // A warning, not a stop: the sheet engine and the service validate; the list is a convenience.
          validation.errorAlert = {
            showAlert: true,
            style: 'Warning',
            title: 'Bình Xét',
            message: 'Giá trị này không có trong danh sách.',
          };
        },
      })));
      return usable.length === lists.length;
    },

    async setNotes(sheetName, notes) {
      await flush();
      if (!features.notes) return false;
      const sheet = worksheets.getItem(sheetName);
      const found: { note: CellNote; address: string; item: Excel.Note }[] = [];
      // Phase 1: which cells already have a note (add() on such a cell fails).
      await runBatches(notes.map((note) => ({
        bytes: OPERATION_BYTES,
        queue: () => {
          const address = rangeAddress(note.row, note.col);
          found.push({ note, address, item: sheet.notes.getItemOrNullObject(address).load('isNullObject') });
        },
      })), sheetName);
      // Phase 2: add, update or delete.
      await runBatches(found.flatMap(({ note, address, item }): Operation[] => {
        const text = note.text;
        if (text === null) return item.isNullObject ? [] : [{ bytes: OPERATION_BYTES, queue: () => item.delete() }];
        const bytes = OPERATION_BYTES + jsonBytes(text);
        if (item.isNullObject) return [{ bytes, queue: () => void sheet.notes.add(address, text) }];
        return [{ bytes, queue: () => void (item.content = text) }];
      }), sheetName);
      return true;
    },
  };
}

/**
 * Column widths arrive in characters (as in exceljs and Excel's own dialog); Office.js wants points. A character
 * of the default font is 7 pixels, plus 5 pixels of padding, at 0.75 points per pixel.
 */
function pointsFor(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Resolves true inside Excel, false in a plain browser (the file page) or another Office host. */
export async function officeReady(): Promise<boolean> {
  if (typeof Office === 'undefined') return false;
  const info = await Office.onReady();
  return info.host === Office.HostType.Excel;
}

/** Office's per-user storage partition (Excel on the web), so two users of one browser keep separate keys. */
export function officePartitionKey(): string {
  return typeof Office !== 'undefined' ? (Office.context?.partitionKey ?? '') : '';
}
