import type { FieldError } from '../../server/contract/row-validation.ts';
import { cellAddress } from './cell-address.ts';
import { cellText } from './cell-text.ts';
import { checkSheetRow, type ContractRow } from './contract-check.ts';
import { SHEET_KINDS } from './sheet-kinds.ts';
import type { CellRef, HeaderInfo, InputField, SheetIssue, SheetRow, SheetTable } from './types.ts';

export interface ValidRow extends SheetRow {
  key: string;
  /** The row as the contract parsed it: numbers are numbers, texts are clean. */
  value: ContractRow;
}

export interface TableValidation {
  valid: ValidRow[];
  invalid: SheetRow[];
  /** Every issue of the table and of its rows, each naming its cell (or its field, for whole columns). */
  issues: SheetIssue[];
}

/** The column to name when an error has no column of its own: the row's identity. */
function fallbackColumn(header: HeaderInfo): number {
  const f = header.fields;
  return f.code ?? f.name ?? f.unit ?? header.columns[0]?.col ?? 0;
}

function columnOf(header: HeaderInfo, field: string): number {
  return header.fields[field as InputField] ?? fallbackColumn(header);
}

/** Who a row is about, to name in its messages: the person (or unit, or student), else the staff code. */
function whoOf(row: SheetRow): string {
  for (const field of ['name', 'unit', 'code'] as const) {
    const text = cellText(row.input[field]).trim();
    if (text !== '') return text;
  }
  return '';
}

/** A month's row with no assessed score is stored, and classified "Không xếp loại": said, not refused. */
function blankScoreIssue(table: SheetTable, row: SheetRow, value: ContractRow): SheetIssue | null {
  const col = table.header.fields.score;
  if ((table.kind !== 'person' && table.kind !== 'unit') || col === undefined) return null;
  if (value.score !== null && value.score !== undefined) return null;
  const cell = cellAddress(row.row, col);
  const who = whoOf(row);
  return {
    cell,
    row: row.row,
    field: 'score',
    message: `${cell}: chưa có điểm đánh giá — sẽ là "Không xếp loại"`,
    severity: 'warning',
    ...(who ? { who } : {}),
  };
}

/** One issue per distinct message: the parts check names the score and both parts in one message. */
function rowIssues(header: HeaderInfo, row: SheetRow, errors: readonly FieldError[]): SheetIssue[] {
  const byMessage = new Map<string, { fields: string[]; refs: CellRef[] }>();
  for (const error of errors) {
    const entry = byMessage.get(error.message) ?? { fields: [], refs: [] };
    const col = columnOf(header, error.field);
    if (!entry.refs.some((r) => r.col === col)) entry.refs.push({ row: row.row, col });
    entry.fields.push(error.field);
    byMessage.set(error.message, entry);
  }
  return [...byMessage].map(([message, { fields, refs }]) => {
    const cells = refs.map((r) => cellAddress(r.row, r.col));
    return {
      cell: cells[0]!,
      row: row.row,
      field: fields[0] || null,
      message: `${cells.join(', ')}: ${message}`,
      severity: 'error' as const,
      ...(whoOf(row) ? { who: whoOf(row) } : {}),
      refs,
    };
  });
}

function duplicateIssues(table: SheetTable): SheetIssue[] {
  const { header } = table;
  const spec = SHEET_KINDS[table.kind];
  // Each key's first row; a group only for keys seen twice (a sheet has few), in the order of first rows.
  const first = new Map<string, number>();
  const groups = new Map<string, SheetRow[]>();
  const { rows } = table;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.key === null) continue;
    const at = first.get(row.key);
    if (at === undefined) first.set(row.key, i);
    else {
      const group = groups.get(row.key);
      if (group) group.push(row);
      else groups.set(row.key, [rows[at]!, row]);
    }
  }
  const ordered = [...groups].sort(([a], [b]) => first.get(a)! - first.get(b)!);
  const issues: SheetIssue[] = [];
  for (const [, group] of ordered) {
    for (const row of group) {
      const others = group.filter((r) => r !== row).map((r) => r.row + 1).join(', ');
      const { field, message } = spec.duplicate(row.input, others);
      const col = columnOf(header, field);
      const cell = cellAddress(row.row, col);
      const refs = [{ row: row.row, col }];
      const who = whoOf(row);
      issues.push({ cell, row: row.row, field, message: `${cell}: ${message}`, severity: 'error', refs, ...(who ? { who } : {}) });
    }
  }
  return issues;
}

/**
 * Validates every row with the contract and maps each field error to its cell ("H12: Điểm đánh giá phải từ
 * 0 đến 100"). A bad row never blocks the good ones; a missing required column blocks them all.
 */
export function validateTable(table: SheetTable): TableValidation {
  const issues: SheetIssue[] = [...table.issues];
  if (table.header.missing.length > 0) return { valid: [], invalid: [...table.rows], issues };

  const duplicates = duplicateIssues(table);
  issues.push(...duplicates);
  const blocked = new Set<number>();
  for (const issue of [...table.issues, ...duplicates]) {
    if (issue.severity === 'error' && issue.row !== null) blocked.add(issue.row);
  }

  const valid: ValidRow[] = [];
  const invalid: SheetRow[] = [];
  const { rows } = table;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const check = checkSheetRow(table.kind, row.input);
    if (!check.ok) {
      issues.push(...rowIssues(table.header, row, check.errors));
      invalid.push(row);
    } else if (blocked.has(row.row) || row.key === null) {
      invalid.push(row);
    } else {
      valid.push({ row: row.row, cells: row.cells, input: row.input, key: row.key, value: check.value });
      const blank = blankScoreIssue(table, row, check.value);
      if (blank) issues.push(blank);
    }
  }
  return { valid, invalid, issues };
}
