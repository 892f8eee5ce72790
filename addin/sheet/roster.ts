import { foldDiacritics } from '../../server/contract/text.ts';
import { cellAddress } from './cell-address.ts';
import { lowerKey } from './cell-text.ts';
import type { HeaderInfo, SheetIssue, SheetRow, SheetTable, WritePlan } from './types.ts';

/** A person the service knows: what "Tạo bảng tháng" and the code matching start from. */
export interface RosterEntry {
  code: string;
  name: string;
  unit: string;
  dutyGroup?: string | null;
  title?: string | null;
}

export interface RosterMatch {
  /** Sheet row, 0-based. */
  row: number;
  status: 'matched' | 'unknown' | 'ambiguous';
  code: string | null;
  /** Codes of every roster entry with that name and unit (several when ambiguous). */
  candidates: string[];
}

export interface RosterMatching {
  matches: RosterMatch[];
  issues: SheetIssue[];
}

const exactKey = (name: string, unit: string) => `${lowerKey(name)}|${lowerKey(unit)}`;
const foldedKey = (name: string, unit: string) => `${foldDiacritics(name)}|${foldDiacritics(unit)}`;

function index(roster: readonly RosterEntry[], key: (name: string, unit: string) => string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const entry of roster) {
    const k = key(entry.name, entry.unit);
    const codes = map.get(k);
    if (codes) codes.push(entry.code);
    else map.set(k, [entry.code]);
  }
  return map;
}

const text = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

/**
 * Gives staff codes to rows that have none, by name and unit: as typed first (any keyboard, any case),
 * then without diacritics. Exactly one person → that code; nobody → the row is still sent (the service
 * creates the person); several → reported and never guessed.
 */
export function matchRoster(
  rows: readonly SheetRow[],
  roster: readonly RosterEntry[],
  header?: HeaderInfo,
): RosterMatching {
  const exact = index(roster, exactKey);
  let folded: Map<string, string[]> | null = null;
  const matches: RosterMatch[] = [];
  const issues: SheetIssue[] = [];
  const nameCol = header?.fields.name;
  for (const row of rows) {
    const name = text(row.input.name);
    const unit = text(row.input.unit);
    if (text(row.input.code) !== '' || name === '' || unit === '') continue;
    let candidates = exact.get(exactKey(name, unit)) ?? [];
    if (candidates.length === 0) {
      folded ??= index(roster, foldedKey);
      candidates = folded.get(foldedKey(name, unit)) ?? [];
    }
    const status = candidates.length === 1 ? 'matched' : candidates.length === 0 ? 'unknown' : 'ambiguous';
    matches.push({ row: row.row, status, code: status === 'matched' ? candidates[0]! : null, candidates });
    if (status === 'matched') continue;
    const cell = nameCol === undefined ? null : cellAddress(row.row, nameCol);
    const where = cell ? `${cell}: ` : `Dòng ${row.row + 1}: `;
    const who = `${name} (${unit})`;
    issues.push({
      cell,
      row: row.row,
      field: 'name',
      message:
        status === 'unknown'
          ? `${where}Không tìm thấy ${who} trong danh sách cán bộ; dòng vẫn được gửi và hệ thống sẽ tạo người mới`
          : `${where}Trùng tên ${who} với ${candidates.length} người trong danh sách (${candidates.join(', ')}), ` +
            'cần thêm cột Mã CB',
      severity: status === 'unknown' ? 'warning' : 'error',
      ...(nameCol === undefined ? {} : { refs: [{ row: row.row, col: nameCol }] }),
    });
  }
  return { matches, issues };
}

/**
 * A "Mã CB" column right of the table, filled with the codes found in the roster (blank where none was):
 * one block from the header down to the last row. Nothing when the sheet already has a code column.
 */
export function planCodeColumn(table: SheetTable, matches: readonly RosterMatch[]): WritePlan {
  const plan: WritePlan = { blocks: [], highlight: [], clearHighlight: [] };
  const { header } = table;
  if (header.fields.code !== undefined || header.headerRows.length === 0) return plan;
  const codes = new Map<number, string>();
  for (const m of matches) if (m.status === 'matched' && m.code !== null) codes.set(m.row, m.code);
  const top = header.headerRows[0]!;
  const last = table.rows.reduce((max, r) => Math.max(max, r.row), header.firstDataRow - 1);
  const values = [];
  for (let r = top; r <= last; r++) values.push([r === top ? 'Mã CB' : (codes.get(r) ?? '')]);
  plan.blocks.push({ row: top, col: table.lastColumn + 1, values });
  return plan;
}

/**
 * The table with the roster's answers in place: matched rows carry their code (and are keyed by it), and
 * the roster's issues join the table's, so `validateTable` holds back a row whose name is ambiguous and
 * `planWriteBack` says why in its status.
 */
export function withRosterCodes(table: SheetTable, matching: RosterMatching): SheetTable {
  const codes = new Map<number, string>();
  for (const m of matching.matches) if (m.status === 'matched' && m.code !== null) codes.set(m.row, m.code);
  const rows = table.rows.map((row) => {
    const code = codes.get(row.row);
    return code === undefined ? row : { ...row, input: { ...row.input, code }, key: code };
  });
  return { ...table, rows, issues: [...table.issues, ...matching.issues] };
}
