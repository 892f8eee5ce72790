import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { BinhXetClient } from './api/client.ts';
import { foldDiacritics } from '../server/contract/text.ts';
import { detectLegacyEncoding } from './sheet/legacy-encoding.ts';
import type { RosterEntry } from './sheet/roster.ts';
import { importTasks, importedKey, readCatalogue, TASK_SHEET_HEADER, taskSheetRow } from './sheet/task-import.ts';
import { headerKey } from './sheet/header-aliases.ts';
import type { CellValue } from './sheet/types.ts';
import { newWorkbook, plainValue, readXlsx } from './workbook/file.ts';

type Cells = (CellValue | Date)[][];

const CATALOGUE = 'danh muc san pham';

function sheetCells(ws: ExcelJS.Worksheet): Cells {
  const rows: Cells = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: (CellValue | Date)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = cell.value instanceof Date ? cell.value : plainValue(cell.value);
    });
    rows[n - 1] = Array.from(cells, (v) => v ?? null);
  });
  return Array.from(rows, (r) => r ?? []);
}

/** CSV text: UTF-8 with or without BOM, else Windows-1258 (the Vietnamese Windows code page). */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1258').decode(bytes);
  }
}

async function csvCells(bytes: Uint8Array): Promise<Cells> {
  const text = decodeCsv(bytes);
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = [';', '\t', ','].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
  const ws = await newWorkbook().csv.read(Readable.from([text]), { parserOptions: { delimiter }, map: (value: unknown) => value });
  return sheetCells(ws);
}

/** The export's cells and the optional catalogue, from an .xlsx (its first other sheet) or a .csv. */
async function readExport(path: string, bytes: Uint8Array): Promise<{ cells: Cells; catalogue: Map<string, number> }> {
  if (/\.csv$/i.test(path)) return { cells: await csvCells(bytes), catalogue: new Map() };
  const wb = await readXlsx(bytes);
  const sheets = wb.worksheets.filter((w) => w.state === 'visible');
  const catalogueSheet = sheets.find((w) => foldDiacritics(w.name) === CATALOGUE);
  const exportSheet = sheets.find((w) => w !== catalogueSheet);
  if (!exportSheet) throw new Error('Tệp không có trang tính nào để nhập');
  return { cells: sheetCells(exportSheet), catalogue: catalogueSheet ? readCatalogue(sheetCells(catalogueSheet)) : new Map() };
}

/** Keys of the rows a tasks sheet already holds (by its header's Mã CB, Mã nhiệm vụ and name columns). */
function existingKeys(ws: ExcelJS.Worksheet): { keys: Set<string>; next: number } {
  const cells = sheetCells(ws);
  const keys = new Set<string>();
  const headerRow = cells.findIndex((row) => row.some((c) => headerKey(String(c ?? '')) === 'manhiemvu'));
  if (headerRow < 0) return { keys, next: Math.max(cells.length, 1) + 1 };
  const header = cells[headerRow]!.map((c) => headerKey(String(c ?? '')));
  const col = (key: string) => header.indexOf(key);
  const [code, ref, name] = [col('macb'), col('manhiemvu'), col('tennhiemvusanpham')];
  for (const row of cells.slice(headerRow + 1)) {
    const c = String(row[code] ?? '').trim();
    const r = String(row[ref] ?? '').trim();
    const n = String(row[name] ?? '').trim();
    if (c && (r || n)) keys.add(importedKey(c, r || null, n));
  }
  return { keys, next: cells.length + 1 };
}

export interface TasksImportResult {
  added: number;
  kept: number;
  messages: string[];
}

/**
 * tasks-import: the export's rows of the month onto the sheet "Nhiệm vụ T<MM>-<YYYY>" of `target` (created
 * when missing). Rows already on the sheet (same person and Mã nhiệm vụ, or name) are left as they are,
 * typed changes included, so importing the same file again adds nothing.
 */
export async function importTasksInto(
  target: ExcelJS.Workbook,
  exportPath: string,
  exportBytes: Uint8Array,
  month: string,
  client: Pick<BinhXetClient, 'roster'>,
): Promise<TasksImportResult> {
  const { cells, catalogue } = await readExport(exportPath, exportBytes);
  const messages: string[] = [];
  const legacy = detectLegacyEncoding(cells.slice(0, 50).flat().filter((c) => typeof c === 'string').join(' '));
  if (legacy) messages.push(`Cảnh báo: tệp xuất dùng bảng mã ${legacy}; hãy chuyển sang Unicode trước khi nhập để tên người khớp với danh sách`);
  const roster: RosterEntry[] = (await client.roster()).people.map((p) => ({ code: p.code, name: p.name, unit: p.unit ?? '' }));
  const imported = importTasks(cells, month, roster, catalogue);
  if ('error' in imported) throw new Error(imported.error);
  const name = `Nhiệm vụ T${month.slice(5, 7)}-${month.slice(0, 4)}`;
  let ws = target.getWorksheet(name);
  if (!ws) {
    ws = target.addWorksheet(name);
    ws.addRow([...TASK_SHEET_HEADER]);
    ws.getRow(1).font = { bold: true };
  }
  const { keys, next } = existingKeys(ws);
  let row = next;
  let added = 0;
  let kept = 0;
  for (const t of imported.tasks) {
    const key = importedKey(t.code, t.taskRef, t.taskName);
    if (keys.has(key)) {
      kept++;
      continue;
    }
    keys.add(key);
    ws.getRow(row++).values = taskSheetRow(t);
    added++;
  }
  messages.push(...imported.skipped);
  if (imported.otherMonths > 0) messages.push(`${imported.otherMonths} dòng thuộc tháng khác, không nhập vào tháng ${month}`);
  return { added, kept, messages };
}
