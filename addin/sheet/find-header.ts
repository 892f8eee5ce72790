import { cleanText } from '../../server/contract/text.ts';
import { cellAddress, columnLetters } from './cell-address.ts';
import { cellText, isBlank, isNumberLike } from './cell-text.ts';
import { headerKey, matchHeader, parseMappingTarget } from './header-aliases.ts';
import { computedHeader, fieldLabel } from './sheet-fields.ts';
import { SHEET_KINDS } from './kinds/index.ts';
import type {
  CellValue,
  HeaderColumn,
  HeaderInfo,
  HeaderRole,
  InputField,
  SheetGrid,
  SheetIssue,
  SheetKind,
} from './types.ts';

/** Title rows, a blank line or two, then the header: it is rarely below row 30. */
const HEADER_SCAN_ROWS = 30;
/** A row naming fewer known columns than this is not a header. */
const MIN_HEADER_SCORE = 2;

interface ColumnText {
  /** Index into the grid row. */
  index: number;
  /** Grid row holding the text (the sub-header when there is one), for addresses. */
  cellRow: number;
  text: string;
  /** Most complete first: "group sub", then "sub". */
  candidates: string[];
}

interface Candidate {
  rows: number[];
  columns: ColumnText[];
  score: number;
}

type ManualMapping = Map<string, HeaderRole | null>;

function manualMapping(mapping: Record<string, string> | undefined, kind: SheetKind): ManualMapping {
  const map: ManualMapping = new Map();
  for (const [text, target] of Object.entries(mapping ?? {})) {
    const role = parseMappingTarget(target, kind);
    if (role !== undefined) map.set(headerKey(text), role);
  }
  return map;
}

function singleRowColumns(values: readonly CellValue[] | undefined, rowIndex: number): ColumnText[] {
  const columns: ColumnText[] = [];
  const row = values ?? [];
  for (let j = 0; j < row.length; j++) {
    const value = row[j];
    if (isBlank(value)) continue;
    const text = cleanText(cellText(value));
    columns.push({ index: j, cellRow: rowIndex, text, candidates: [text] });
  }
  return columns;
}

/**
 * A group title merged over sub-columns sits in its top-left cell only, so it is carried right over the
 * sub-headers below it; a title merged down over both rows (sub-row empty) stands alone and ends the group.
 */
function twoRowColumns(grid: SheetGrid, i: number): ColumnText[] | null {
  const top = grid.values[i] ?? [];
  const sub = grid.values[i + 1] ?? [];
  const width = Math.max(top.length, sub.length);
  let gap = false;
  for (let j = 0; j < width; j++) {
    const s = sub[j];
    if (!isBlank(s) && isNumberLike(s)) return null;
    if (isBlank(top[j]) && !isBlank(s)) gap = true;
  }
  if (!gap) return null;
  const columns: ColumnText[] = [];
  let group: string | null = null;
  for (let j = 0; j < width; j++) {
    const topBlank = isBlank(top[j]);
    const subBlank = isBlank(sub[j]);
    const subText = subBlank ? '' : cleanText(cellText(sub[j]));
    if (!topBlank) {
      const topText = cleanText(cellText(top[j]));
      group = subBlank ? null : topText;
      if (subBlank) columns.push({ index: j, cellRow: i, text: topText, candidates: [topText] });
      else {
        const text = `${topText} ${subText}`;
        columns.push({ index: j, cellRow: i + 1, text, candidates: [text, subText] });
      }
    } else if (!subBlank) {
      const text = group === null ? subText : `${group} ${subText}`;
      columns.push({ index: j, cellRow: i + 1, text, candidates: group === null ? [subText] : [text, subText] });
    } else {
      group = null;
    }
  }
  return columns;
}

interface Resolved {
  role: HeaderRole | null;
  manual: boolean;
}

function resolveRole(column: ColumnText, kind: SheetKind, manual: ManualMapping): Resolved {
  for (const text of column.candidates) {
    const key = headerKey(text);
    if (manual.has(key)) return { role: manual.get(key) ?? null, manual: true };
  }
  return { role: matchHeader(column.candidates, kind), manual: false };
}

function roleId(role: HeaderRole): string {
  if (role.type === 'field') return `f:${role.field}`;
  if (role.type === 'computed') return `c:${role.column}`;
  return 'ignore';
}

function evaluate(rows: number[], columns: ColumnText[], kind: SheetKind, manual: ManualMapping): Candidate {
  const roles = columns.map((c) => resolveRole(c, kind, manual).role);
  const distinct = new Set<string>();
  for (const role of roles) if (role) distinct.add(roleId(role));
  return { rows, columns, score: distinct.size };
}

function bestCandidate(grid: SheetGrid, kind: SheetKind, manual: ManualMapping): Candidate | null {
  let best: Candidate | null = null;
  const limit = Math.min(HEADER_SCAN_ROWS, grid.values.length);
  const singles: Candidate[] = [];
  const single = (i: number) => (singles[i] ??= evaluate([i], singleRowColumns(grid.values[i], i), kind, manual));
  for (let i = 0; i < limit; i++) {
    let candidate = single(i);
    // Two rows only when the top one holds titles and together they say more than either alone.
    if (candidate.columns.length > 0 && i + 1 < grid.values.length) {
      const two = twoRowColumns(grid, i);
      if (two) {
        const double = evaluate([i, i + 1], two, kind, manual);
        if (double.score > candidate.score && double.score > single(i + 1).score) candidate = double;
      }
    }
    if (candidate.score >= MIN_HEADER_SCORE && (best === null || candidate.score > best.score)) best = candidate;
  }
  return best;
}

/** Required columns absent: one may stand in for another (RULES.md §1: the score as its two parts). */
function missingFields(kind: SheetKind, fields: Partial<Record<InputField, number>>): InputField[] {
  return SHEET_KINDS[kind].required
    .filter(({ field, or }) => fields[field] === undefined && !(or && or.every((f) => fields[f] !== undefined)))
    .map((r) => r.field);
}

function missingIssue(field: InputField, kind: SheetKind): SheetIssue {
  return { cell: null, row: null, field, message: `Không tìm thấy cột ${fieldLabel(field, kind)}`, severity: 'error' };
}

/**
 * Finds the header row (or two rows) of a sheet below its title rows: the row among the first 30 naming
 * the most known columns. A manual mapping (header text → field) overrides the meaning of a column.
 */
export function findHeader(grid: SheetGrid, kind: SheetKind, mapping?: Record<string, string>): HeaderInfo {
  const manual = manualMapping(mapping, kind);
  const best = bestCandidate(grid, kind, manual);
  if (best === null) {
    const missing = SHEET_KINDS[kind].required.map((r) => r.field);
    return {
      kind,
      headerRows: [],
      fields: {},
      computed: {},
      columns: [],
      unknown: [],
      firstDataRow: grid.top,
      lastColumn: grid.left - 1,
      missing,
      issues: missing.map((field) => missingIssue(field, kind)),
    };
  }
  const fields: Partial<Record<InputField, number>> = {};
  const computed: HeaderInfo['computed'] = {};
  const issues: SheetIssue[] = [];
  const sheetCol = (c: ColumnText) => grid.left + c.index;
  const resolved = best.columns.map((c) => ({ column: c, ...resolveRole(c, kind, manual) }));
  const roles = new Map<ColumnText, HeaderRole | null>();
  // Manual choices first, so a column the user picked wins over one matched by name.
  for (const pass of [true, false]) {
    for (const { column, role, manual: isManual } of resolved) {
      if (isManual !== pass) continue;
      if (role === null || role.type === 'ignore') {
        roles.set(column, role);
        continue;
      }
      const taken = role.type === 'field' ? fields[role.field] : computed[role.column];
      if (taken === undefined) {
        if (role.type === 'field') fields[role.field] = sheetCol(column);
        else computed[role.column] = sheetCol(column);
        roles.set(column, role);
        continue;
      }
      roles.set(column, null);
      const label = role.type === 'field' ? fieldLabel(role.field, kind) : computedHeader(kind, role.column);
      const cell = cellAddress(grid.top + column.cellRow, sheetCol(column));
      issues.push({
        cell,
        row: grid.top + column.cellRow,
        field: role.type === 'field' ? role.field : null,
        message:
          `${cell}: Cột "${column.text}" cũng là ${label}; ` +
          `dùng cột ${columnLetters(taken)}, cột này được giữ nguyên`,
        severity: 'warning',
      });
    }
  }
  const columns: HeaderColumn[] = best.columns.map((c) => ({
    col: sheetCol(c),
    text: c.text,
    role: roles.get(c) ?? null,
  }));
  const missing = missingFields(kind, fields);
  issues.push(...missing.map((field) => missingIssue(field, kind)));
  const headerRows = best.rows.map((r) => grid.top + r);
  return {
    kind,
    headerRows,
    fields,
    computed,
    columns,
    unknown: columns.filter((c) => c.role === null).map((c) => ({ col: c.col, text: c.text })),
    firstDataRow: headerRows[headerRows.length - 1]! + 1,
    lastColumn: columns.reduce((max, c) => Math.max(max, c.col), grid.left - 1),
    missing,
    issues,
  };
}
