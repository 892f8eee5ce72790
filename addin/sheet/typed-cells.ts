import { LEVEL_LABELS, LEVELS, type Level } from '../../server/contract/levels.ts';
import type { QuotaFacts } from '../../server/contract/results.ts';
import { cellAddress } from './cell-address.ts';
import { cellAt, cellText, isBlank, lowerKey } from './cell-text.ts';
import type { ComputedRow } from './computed-rows.ts';
import { hash53 } from './row-hash.ts';
import { SHEET_KINDS } from './sheet-kinds.ts';
import type { CellValue, ComputedColumn, SheetGrid, SheetKind, SheetRow, SheetTable } from './types.ts';

/**
 * Whose a computed cell is. The add-in remembers, per row key, a short fingerprint of each computed value it
 * wrote; a non-blank cell that no longer matches it, or that held a value before the add-in ever wrote the
 * row, was typed by someone (a council's "Xếp loại" filled by hand, a formula) and is theirs: it is never
 * written unless the user confirms. The status column is the add-in's alone.
 */

/** A cell someone typed whose value differs from the computed one: kept, and listed. */
export interface TypedCell {
  row: number;
  col: number;
  cell: string;
  column: ComputedColumn;
  typed: CellValue;
  computed: CellValue;
  key: string | null;
  message: string;
}

const tracked = (column: ComputedColumn) => column !== 'syncStatus';

/**
 * A sheet repeats its levels, ranks and explanations: each text is hashed once (bounded, so a sheet of
 * distinct texts only stops being cached). Halved the cost of fingerprinting 20,000 rows.
 */
const PRINTS = new Map<CellValue, string>();
const MAX_PRINTS = 8192;

/** 32 bits of the cell's text: a typed value matching what was written by chance is a 1 in 4·10⁹ event. */
function cellPrint(value: CellValue | undefined): string {
  if (value === undefined || value === null || value === '') return '';
  let print = PRINTS.get(value);
  if (print === undefined) {
    const text = cellText(value).trim();
    print = text === '' ? '' : hash53(text).slice(-8);
    if (PRINTS.size < MAX_PRINTS) PRINTS.set(value, print);
  }
  return print;
}

/** What the add-in writes into a row's computed columns, remembered in the workbook (about 40 characters). */
export function rowPrint(kind: SheetKind, values: readonly CellValue[]): string {
  const columns = SHEET_KINDS[kind].computed;
  let out = '';
  for (let k = 0; k < columns.length; k++) {
    if (k > 0) out += ',';
    if (tracked(columns[k]!.column)) out += cellPrint(values[k]);
  }
  return out;
}

/** The computed columns' cells as the sheet holds them now, per table row, in the kind's column order. */
export function currentComputed(grid: SheetGrid, table: SheetTable): (index: number) => CellValue[] | null {
  const cols = SHEET_KINDS[table.kind].computed.map((c) => table.header.computed[c.column]);
  if (cols.every((c) => c === undefined)) return () => null;
  return (index) => {
    const row = table.rows[index];
    if (!row) return null;
    const line = grid.values[row.row - grid.top];
    return cols.map((c) => (c === undefined ? null : cellAt(line, c - grid.left)));
  };
}

const LEVEL_WORDS = new Map<string, Level>();
for (const level of LEVELS) {
  LEVEL_WORDS.set(lowerKey(level), level);
  LEVEL_WORDS.set(lowerKey(LEVEL_LABELS[level]), level);
  LEVEL_WORDS.set(lowerKey(LEVEL_LABELS[level].replace(/ nhiệm vụ$/, '')), level);
}

/** "HTXS", "Hoàn thành xuất sắc nhiệm vụ" and "hoàn thành xuất sắc" are one level. */
export function levelOfText(value: CellValue): Level | null {
  return LEVEL_WORDS.get(lowerKey(cellText(value).trim().replace(/\.$/, ''))) ?? null;
}

/** Two values of a computed column that say the same thing, however typed. */
export function sameMeaning(column: ComputedColumn, a: CellValue, b: CellValue): boolean {
  if (isBlank(a) || isBlank(b)) return isBlank(a) && isBlank(b);
  if (column === 'classification') {
    const la = levelOfText(a);
    if (la !== null) return la === levelOfText(b);
  }
  const na = Number(a);
  const nb = Number(b);
  if (typeof a === 'number' || typeof b === 'number') return Number.isFinite(na) && na === nb;
  return lowerKey(cellText(a).trim()) === lowerKey(cellText(b).trim());
}

export interface Ownership {
  /** Fingerprints of what was last written, by row key. */
  written: Readonly<Record<string, string>>;
  /** Rows synced before fingerprints were kept: their computed cells were the add-in's. */
  syncedBefore(key: string): boolean;
}

/** What the add-in wrote into a row, per column: its fingerprints, `true` for a row synced before they were kept. */
export function writtenPrints(ownership: Ownership, key: string | null): readonly string[] | boolean {
  if (key === null) return false;
  const print = Object.hasOwn(ownership.written, key) ? ownership.written[key] : undefined;
  return print === undefined ? ownership.syncedBefore(key) : print.split(',');
}

/** Whether the add-in may write over this cell: blank, or still holding what the add-in wrote there. */
export function ownsCell(prints: readonly string[] | boolean, k: number, value: CellValue): boolean {
  if (isBlank(value)) return true;
  if (typeof prints === 'boolean') return prints;
  return prints[k] === cellPrint(value);
}

const short = (value: CellValue) => {
  const level = levelOfText(value);
  return level && level !== 'NONE' ? level : cellText(value).trim();
};

function groupText(group: string): string {
  return group === 'Toàn cơ quan' ? 'toàn cơ quan' : `nhóm ${group}`;
}

/** Why the service gives this level, in a clause: the quota's count when the quota cut it, else its last reason. */
function whyLevel(found: ComputedRow, typed: Level | null, quotas: ReadonlyMap<string, QuotaFacts>): string {
  if (!('levelBeforeQuota' in found)) return 'reasons' in found ? (found.reasons.at(-1) ?? '') : '';
  const facts = found.quotaGroup === null ? undefined : quotas.get(found.quotaGroup);
  const cutByQuota = found.levelBeforeQuota === 'HTXS' && found.level !== 'HTXS';
  let why: string;
  if (found.tieAtQuota && facts) {
    why = `đồng điểm tại ngưỡng tỷ lệ, ${groupText(facts.group)} còn ${facts.allowed - facts.used} suất HTXS`;
  } else if (cutByQuota && facts) {
    why =
      facts.allowed === 0
        ? `${groupText(facts.group)} chỉ được 0 HTXS trên ${facts.candidates} người`
        : `${groupText(facts.group)} đã đủ ${facts.used} HTXS trên ${facts.candidates} người`;
  } else {
    why = found.reasons.at(-1) ?? '';
  }
  if (typed === 'HTXS' && cutByQuota) {
    why += '; muốn xếp HTXS, Hội đồng dùng "Xét HTXS" (trong số suất của nhóm) rồi bấm Làm mới';
  }
  return why;
}

/** "G7: Hội đồng ghi HTXS cho Lê Văn An, tính được HTT — nhóm Giảng viên đã đủ 2 HTXS trên 13 người". */
export function typedMessage(
  cell: string,
  column: { column: ComputedColumn; header: string },
  typed: CellValue,
  computed: CellValue,
  who: string | null,
  found: ComputedRow | undefined,
  quotas: ReadonlyMap<string, QuotaFacts>,
): string {
  const forWhom = who ? ` cho ${who}` : '';
  if (column.column === 'classification' && found && 'level' in found) {
    const typedLevel = levelOfText(typed);
    const why = whyLevel(found, typedLevel, quotas);
    return `${cell}: Hội đồng ghi ${short(typed)}${forWhom}, tính được ${found.level === 'NONE' ? LEVEL_LABELS.NONE : found.level}${why ? ` — ${why}` : ''}`;
  }
  return `${cell}: cột ${column.header} ghi "${cellText(typed).trim()}"${forWhom}, tính được "${cellText(computed).trim()}"`;
}

/** Kiểm tra without a computed value to compare with: the cell is named, and kept. */
export function typedWithoutResultMessage(cell: string, header: string, typed: CellValue, who: string | null): string {
  return (
    `${cell}: cột ${header} đã ghi "${cellText(typed).trim()}"${who ? ` cho ${who}` : ''}; ` +
    'Đồng bộ sẽ so với kết quả tính và không ghi đè nếu bạn chưa đồng ý'
  );
}

export interface RowCells {
  i: number;
  row: SheetRow;
  /** What the add-in would write, in the kind's column order. */
  line: CellValue[];
  now: readonly CellValue[];
  found: ComputedRow | undefined;
  quotas: ReadonlyMap<string, QuotaFacts>;
  ownership: Ownership;
}

/**
 * Marks the row's cells someone typed as kept (`kept`: index × columns + column), and lists those whose
 * value differs from the computed one. A kept cell the service has no value for yet is kept silently; one
 * that says the same thing in other words ("HTT" for "Hoàn thành tốt nhiệm vụ") too.
 */
export function keepTyped(
  table: SheetTable,
  r: RowCells,
  kept: Set<number>,
  plan: { typed: TypedCell[]; uncompared: TypedCell[] },
  overwrite: boolean,
): void {
  const columns = SHEET_KINDS[table.kind].computed;
  let prints: readonly string[] | boolean | null = null;
  for (let k = 0; k < columns.length; k++) {
    const spec = columns[k]!;
    const value = r.now[k] ?? null;
    if (spec.column === 'syncStatus' || isBlank(value)) continue;
    prints ??= writtenPrints(r.ownership, r.row.key);
    if (ownsCell(prints, k, value)) continue;
    const next = r.line[k] ?? null;
    const uncompared = isBlank(next);
    const differs = !uncompared && !sameMeaning(spec.column, value, next);
    if (differs && overwrite) continue;
    kept.add(r.i * columns.length + k);
    // The fingerprint keeps naming the value the add-in would have written: the typed one stays the user's.
    if (!differs && !uncompared) continue;
    const col = table.header.computed[spec.column]!;
    const cell = cellAddress(r.row.row, col);
    const who = cellText(r.row.input.name ?? r.row.input.unit ?? '').trim() || null;
    (uncompared ? plan.uncompared : plan.typed).push({
      row: r.row.row,
      col,
      cell,
      column: spec.column,
      typed: value,
      computed: next,
      key: r.row.key,
      message: uncompared
        ? typedWithoutResultMessage(cell, spec.header, value, who)
        : typedMessage(cell, spec, value, next, who, r.found, r.quotas),
    });
  }
}
