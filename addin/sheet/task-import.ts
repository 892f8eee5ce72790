import { foldDiacritics } from '../../server/contract/text.ts';
import { cellText, excelSerialToDate, lowerKey, tidyText } from './cell-text.ts';
import { headerKey } from './header-aliases.ts';
import type { RosterEntry } from './roster.ts';
import type { CellValue } from './types.ts';

/**
 * An e-office export (research §3.3 TASK-4: Số, ký hiệu · Trích yếu · Người xử lý chính · Đơn vị xử lý · Hạn
 * xử lý · Ngày hoàn thành · Trạng thái · Vai trò) as rows of the month's tasks sheet: one document, one
 * product (k from the "Danh mục sản phẩm" catalogue, else 1; g = 1; h = 1 when done, else 0). People are
 * found by Mã CB, else by name within the unit, in the roster; nobody is created, and an unmatched handler
 * is reported instead.
 */

type ExportField = 'code' | 'taskRef' | 'taskName' | 'name' | 'unit' | 'dueOn' | 'doneOn' | 'status' | 'role' | 'docType';

const has = (...parts: string[]) => (key: string) => parts.some((p) => key.includes(p));

// Ordered, specific first: "Ngày hoàn thành" is a date before "hoàn thành" could be a status.
const EXPORT_RULES: readonly [ExportField, (key: string) => boolean][] = [
  ['code', (k) => k === 'macb' || k === 'mscb' || k === 'macanbo' || k === 'manhanvien'],
  ['taskRef', (k) => has('sokyhieu', 'manhiemvu', 'sovanban', 'sohieu')(k) || k === 'so'],
  ['taskName', has('trichyeu', 'tennhiemvu', 'noidung', 'tencongviec')],
  ['doneOn', has('ngayhoanthanh', 'ngayxulyxong', 'ngayxong', 'ngayketthuc')],
  ['dueOn', (k) => k.startsWith('han') || has('thoihan')(k)],
  ['status', has('trangthai', 'tinhtrang')],
  ['role', has('vaitro')],
  ['docType', (k) => k === 'maloai' || has('loaivanban', 'loaisanpham', 'loaicongviec')(k)],
  ['unit', (k) => has('donvixuly', 'donvi', 'phongban', 'khoaphong')(k) && !k.startsWith('ma')],
  ['name', has('nguoixulychinh', 'canboxuly', 'nguoixuly', 'nguoithuchien', 'hovaten', 'hoten')],
];

const DONE = new Set(['hoan thanh', 'da hoan thanh', 'da xu ly', 'xong', 'da xong']);

/** The tasks sheet's columns, in TASK-1's order: what the import writes. */
export const TASK_SHEET_HEADER = [
  'Mã CB', 'Họ và tên', 'Đơn vị', 'Mã nhiệm vụ', 'Tên nhiệm vụ/sản phẩm', 'Nguồn giao', 'Vai trò', 'Hệ số quy đổi',
  'Số lượng giao', 'Số lượng hoàn thành', 'Hạn hoàn thành', 'Ngày hoàn thành', 'Số lần chưa đạt chất lượng',
  'Số lần chậm tiến độ', 'Vượt mức', 'Nguyên nhân khách quan', 'Người xác nhận', 'Ghi chú',
] as const;

export interface ImportedTask {
  code: string;
  name: string;
  unit: string;
  taskRef: string | null;
  taskName: string;
  role: 'Chủ trì' | 'Phối hợp';
  k: number;
  h: 0 | 1;
  /** dd/mm/yyyy, as the sheet shows a date. */
  dueOn: string | null;
  doneOn: string | null;
}

export interface TaskImport {
  tasks: ImportedTask[];
  /** Vietnamese, one per export row not taken (a handler not found, a row of another month, no Trích yếu). */
  skipped: string[];
  /** Rows of other months, counted apart: an export usually spans more than the month. */
  otherMonths: number;
}

/** A date cell as ISO (YYYY-MM-DD): a date, an Excel serial, or dd/mm/yyyy text with or without a time. */
export function isoDate(value: CellValue | Date): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return excelSerialToDate(value)?.toISOString().slice(0, 10) ?? null;
  const t = cellText(value).trim();
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/.exec(t);
  if (vn) return `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}`;
  const iso = /^(\d{4})-(\d{2})-(\d{2})\b/.exec(t);
  return iso ? `${iso[1]}-${iso[2]}-${iso[3]}` : null;
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The export's header row (the first of its first 10 rows naming a Trích yếu and a handler) and its columns. */
function findExportHeader(rows: readonly (readonly (CellValue | Date)[])[]): { row: number; cols: Partial<Record<ExportField, number>> } | null {
  for (let r = 0; r < Math.min(rows.length, 10); r++) {
    const cols: Partial<Record<ExportField, number>> = {};
    rows[r]!.forEach((cell, c) => {
      const key = headerKey(cellText(cell));
      if (key === '') return;
      const rule = EXPORT_RULES.find(([field, test]) => cols[field] === undefined && test(key));
      if (rule) cols[rule[0]] = c;
    });
    if (cols.taskName !== undefined && (cols.name !== undefined || cols.code !== undefined)) return { row: r, cols };
  }
  return null;
}

/** The catalogue sheet "Danh mục sản phẩm" (Mã loại · Tên loại sản phẩm · Hệ số quy đổi): type → k. */
export function readCatalogue(rows: readonly (readonly (CellValue | Date)[])[]): Map<string, number> {
  const catalogue = new Map<string, number>();
  const header = rows.findIndex((row) => row.some((c) => headerKey(cellText(c)).includes('heso')));
  if (header < 0) return catalogue;
  const keys = rows[header]!.map((c) => headerKey(cellText(c)));
  const kCol = keys.findIndex((k) => k.includes('heso'));
  const typeCols = keys.flatMap((k, i) => (k === 'maloai' || k.includes('tenloai') || k.includes('loaisanpham') ? [i] : []));
  for (const row of rows.slice(header + 1)) {
    const k = Number(cellText(row[kCol] ?? null).replace(',', '.'));
    if (!(k > 0 && k <= 10)) continue;
    for (const c of typeCols) {
      const type = cellText(row[c] ?? null).trim();
      if (type) catalogue.set(foldDiacritics(type), Math.round(k * 100) / 100);
    }
  }
  return catalogue;
}

/** Roster lookups: by code, and by name (and unit) as typed and then without diacritics. */
function rosterIndex(roster: readonly RosterEntry[]) {
  const byCode = new Map(roster.map((p) => [p.code, p]));
  const byName = new Map<string, RosterEntry[]>();
  const add = (key: string, p: RosterEntry) => byName.set(key, [...(byName.get(key) ?? []), p]);
  for (const p of roster) {
    add(`${foldDiacritics(p.name)}|${foldDiacritics(p.unit)}`, p);
    add(`${foldDiacritics(p.name)}|`, p);
  }
  return {
    byCode,
    byName: (name: string, unit: string) => byName.get(`${foldDiacritics(name)}|${unit ? foldDiacritics(unit) : ''}`) ?? [],
  };
}

/**
 * The export's rows of `month` (by due date, else completion date, else kept: TASK-2's month of a row) as
 * tasks of known people. Nothing is guessed: a handler with no match, or with namesakes, is reported.
 */
export function importTasks(
  rows: readonly (readonly (CellValue | Date)[])[],
  month: string,
  roster: readonly RosterEntry[],
  catalogue: ReadonlyMap<string, number> = new Map(),
): TaskImport | { error: string } {
  const header = findExportHeader(rows);
  if (!header) return { error: 'Không tìm thấy dòng tiêu đề của tệp xuất: cần cột "Trích yếu" (hoặc "Tên nhiệm vụ") và "Người xử lý chính" (hoặc "Mã CB")' };
  const { cols } = header;
  const at = (row: readonly (CellValue | Date)[], field: ExportField) => {
    const c = cols[field];
    return c === undefined ? null : (row[c] ?? null);
  };
  const text = (row: readonly (CellValue | Date)[], field: ExportField) => tidyText(cellText(at(row, field) as CellValue));
  const people = rosterIndex(roster);
  const out: TaskImport = { tasks: [], skipped: [], otherMonths: 0 };
  rows.forEach((row, i) => {
    if (i <= header.row) return;
    const line = `Dòng ${i + 1}`;
    const taskName = text(row, 'taskName');
    const name = text(row, 'name');
    const code = text(row, 'code');
    if (!taskName && !name && !code) return;
    if (!taskName) {
      out.skipped.push(`${line}: không có trích yếu (tên nhiệm vụ)`);
      return;
    }
    const dueOn = isoDate(at(row, 'dueOn'));
    const doneOn = isoDate(at(row, 'doneOn'));
    const rowMonth = (dueOn ?? doneOn)?.slice(0, 7) ?? month;
    if (rowMonth !== month) {
      out.otherMonths++;
      return;
    }
    const unit = text(row, 'unit');
    const matches = code ? [people.byCode.get(code)].filter((p) => p !== undefined) : people.byName(name, unit);
    const who = code ? `Mã CB ${code}` : `"${name}"${unit ? ` (${unit})` : ''}`;
    if (matches.length !== 1) {
      out.skipped.push(
        matches.length === 0
          ? `${line}: không tìm thấy cán bộ ${who} trong danh sách; không tạo người mới, dòng không được nhập`
          : `${line}: có ${matches.length} người trùng tên ${who} (${matches.map((p) => p.code).join(', ')}); cần ghi Mã CB`,
      );
      return;
    }
    const person = matches[0]!;
    const status = foldDiacritics(text(row, 'status')).replace(/\s+/g, ' ');
    const done = doneOn !== null || DONE.has(status);
    const role = foldDiacritics(text(row, 'role')).startsWith('phoi hop') ? 'Phối hợp' : 'Chủ trì';
    const docType = text(row, 'docType');
    out.tasks.push({
      code: person.code,
      name: person.name,
      unit: person.unit,
      taskRef: text(row, 'taskRef') || null,
      taskName,
      role,
      k: (docType && catalogue.get(foldDiacritics(docType))) || 1,
      h: done ? 1 : 0,
      dueOn: dueOn && dmy(dueOn),
      doneOn: doneOn && dmy(doneOn),
    });
  });
  return out;
}

/** A task's key on the sheet, as the service keys it: person, then Mã nhiệm vụ or the task's name. */
export function importedKey(code: string, taskRef: string | null, taskName: string): string {
  return `${code}|${taskRef ? `ref:${lowerKey(taskRef)}` : `name:${lowerKey(taskName)}`}`;
}

/** An imported task as a row of TASK_SHEET_HEADER. */
export function taskSheetRow(t: ImportedTask): CellValue[] {
  return [t.code, t.name, t.unit, t.taskRef, t.taskName, 'Văn bản', t.role, t.k, 1, t.h, t.dueOn, t.doneOn, null, null, null, null, null, null];
}

/** The month's tasks sheet: "Nhiệm vụ T10-2026". */
export function tasksSheetName(month: string): string {
  return `Nhiệm vụ T${month.slice(5, 7)}-${month.slice(0, 4)}`;
}

/** Where the import writes (sheet coordinates, 0-based) and what it leaves as it was. */
export interface TaskAppend {
  /** The header row, when the sheet is new. */
  header: CellValue[] | null;
  /** Rows to write from `row` on, at `col`, in the sheet's own column order. */
  row: number;
  col: number;
  rows: CellValue[][];
  /** Tasks the sheet already holds (same person and Mã nhiệm vụ, or name): left exactly as typed. */
  kept: number;
}

const HEADER_KEYS = TASK_SHEET_HEADER.map((h) => headerKey(h));

/** A header cell of the sheet as one of TASK_SHEET_HEADER's columns (the familiar aliases of the key columns too). */
function sheetColumn(key: string): number {
  const exact = HEADER_KEYS.indexOf(key);
  if (exact >= 0) return exact;
  if (key === 'mscb' || key === 'macanbo') return 0;
  if (key === 'hoten') return 1;
  if (has('sokyhieu')(key)) return 3;
  if (has('trichyeu', 'tennhiemvu', 'tensanpham')(key)) return 4;
  return -1;
}

/**
 * The imported tasks as rows to add under a tasks sheet (`existing`: its used range, or null when there is
 * none yet): rows whose person and Mã nhiệm vụ (or name) the sheet holds are kept as they are, typed changes
 * included, so importing the same export again adds nothing. Columns follow the sheet's own order; a column
 * the sheet does not have is left out, one it has and the import does not know stays blank.
 */
export function planTaskAppend(
  existing: { values: readonly (readonly CellValue[])[]; top: number; left: number } | null,
  tasks: readonly ImportedTask[],
): TaskAppend | { error: string } {
  const rows = existing?.values ?? [];
  const headerAt = rows.findIndex((row) => row.some((c) => sheetColumn(headerKey(cellText(c))) === 3) && row.some((c) => sheetColumn(headerKey(cellText(c))) === 4));
  if (rows.some((row) => row.some((c) => cellText(c).trim() !== '')) && headerAt < 0) {
    return { error: 'Trang nhiệm vụ đã có dữ liệu nhưng không có dòng tiêu đề với cột "Mã nhiệm vụ" và "Tên nhiệm vụ/sản phẩm"' };
  }
  const fresh = headerAt < 0;
  const columns = fresh ? HEADER_KEYS.map((_, i) => i) : rows[headerAt]!.map((c) => sheetColumn(headerKey(cellText(c))));
  if (!fresh && !columns.includes(0) && !columns.includes(1)) {
    return { error: 'Trang nhiệm vụ không có cột "Mã CB" hoặc "Họ và tên" để ghi người xử lý' };
  }
  const at = (row: readonly CellValue[], column: number) => {
    const c = columns.indexOf(column);
    return c < 0 ? '' : tidyText(cellText(row[c] ?? null));
  };
  const keys = new Set<string>();
  if (!fresh) {
    for (const row of rows.slice(headerAt + 1)) {
      const who = at(row, 0) || at(row, 1);
      const ref = at(row, 3);
      const name = at(row, 4);
      if (who && (ref || name)) keys.add(importedKey(who, ref || null, name));
    }
  }
  const out: CellValue[][] = [];
  let kept = 0;
  for (const t of tasks) {
    const byCode = importedKey(t.code, t.taskRef, t.taskName);
    const byName = importedKey(t.name, t.taskRef, t.taskName);
    if (keys.has(byCode) || keys.has(byName)) {
      kept++;
      continue;
    }
    keys.add(byCode);
    const values = taskSheetRow(t);
    out.push(columns.map((column) => (column < 0 ? null : values[column]!)));
  }
  // A new (or empty) sheet starts with the header at A1; otherwise the rows go under the used range's last
  // row, so nothing on the sheet is written over.
  return {
    header: fresh ? [...TASK_SHEET_HEADER] : null,
    row: fresh ? 1 : existing!.top + rows.length,
    col: fresh ? 0 : existing!.left,
    rows: out,
    kept,
  };
}
