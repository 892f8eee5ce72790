import { excelSerialToDate, isBlank, tidyText } from './cell-text.ts';
import { findHeader } from './find-header.ts';
import { legacyCollector, type LegacyCollector } from './legacy-issues.ts';
import { fillMergedRows, rowsMergedAcross } from './merged-cells.ts';
import { classifyLine, hasSignature, unitMeaningKey, type LineContext } from './section-rows.ts';
import type { PeriodCell } from './period.ts';
import { detectKindPeriod } from './period-kinds.ts';
import { SHEET_KINDS, type KindSpec } from './kinds/index.ts';
import { hasFooterText, isFooterText, isNumberingRow } from './table-end.ts';
import type { CellValue, HeaderInfo, InputField, SectionRow, SheetGrid, SheetKind, SheetRow, SheetTable } from './types.ts';

export interface ReadOptions {
  kind: SheetKind;
  /** Header text → field, chosen in the pane; overrides matching by name. */
  mapping?: Record<string, string>;
  /** The period picked in the pane (a month `YYYY-MM`, a year, a class), used when the sheet does not say. */
  periodHint?: string | null;
  /** Units the service knows: a heading naming one by meaning ("K. Lý luận cơ sở") takes its spelling. */
  units?: readonly string[];
}

/** Without a header the legacy-font check still looks at the top of the sheet: it is often why. */
const UNHEADED_SCAN_ROWS = 30;

const DATE_FIELDS: ReadonlySet<InputField> = new Set(['recruitedOn', 'recognisedOn', 'dueOn', 'doneOn', 'from', 'to', 'date', 'registeredOn', 'decidedOn']);

/** What the contract gets from a cell: text in NFC with stray spaces gone, dates as ISO days. */
function inputValue(field: InputField, raw: CellValue): unknown {
  if (typeof raw === 'string') return tidyText(raw);
  if (DATE_FIELDS.has(field) && typeof raw === 'number') {
    return excelSerialToDate(raw)?.toISOString().slice(0, 10) ?? raw;
  }
  return raw;
}

function lastNonBlank(values: readonly CellValue[]): number {
  for (let j = values.length - 1; j >= 0; j--) if (!isBlank(values[j])) return j;
  return -1;
}

function scanRow(legacy: LegacyCollector, values: readonly CellValue[] | undefined, row: number, left: number): void {
  if (!values) return;
  for (let j = 0; j < values.length; j++) {
    const value = values[j];
    if (typeof value === 'string') legacy.scan(value, row, left + j);
  }
}

function titleTexts(grid: SheetGrid, header: HeaderInfo): string[] {
  const end =
    header.headerRows.length > 0 ? header.headerRows[0]! - grid.top : Math.min(grid.values.length, UNHEADED_SCAN_ROWS);
  const texts: string[] = [];
  for (let i = 0; i < end; i++) {
    for (const value of grid.values[i] ?? []) if (typeof value === 'string' && value.trim() !== '') texts.push(value);
  }
  return texts;
}

/**
 * Reads the table of a sheet: finds the header, then every row below it that carries input, skipping blank
 * rows and stopping at the footer. Cells are passed raw to the contract (its preprocessors read "85,5").
 */
export function readTable(grid: SheetGrid, options: ReadOptions): SheetTable {
  const { kind } = options;
  let header = findHeader(grid, kind, options.mapping);
  let sections: SectionRow[] = [];
  const legacy = legacyCollector();
  const rows: SheetRow[] = [];
  const periodCells: PeriodCell[] = [];
  let lastColumn = header.lastColumn;

  if (header.headerRows.length === 0) {
    const end = Math.min(grid.values.length, UNHEADED_SCAN_ROWS);
    for (let i = 0; i < end; i++) scanRow(legacy, grid.values[i], grid.top + i, grid.left);
  } else {
    for (const r of header.headerRows) scanRow(legacy, grid.values[r - grid.top], r, grid.left);
    const read = readRows(grid, header, rows, periodCells, legacy, options.units ?? []);
    lastColumn = read.lastColumn;
    sections = read.sections;
    if (sections.length > 0 && sectionsApply(header)) header = withoutMissingUnit(header);
  }

  const period = detectKindPeriod(SHEET_KINDS[kind].period, {
    sheetName: grid.name,
    titles: titleTexts(grid, header),
    cells: periodCells,
    hint: options.periodHint ?? null,
  });
  return {
    sheet: grid.name,
    kind,
    header,
    rows,
    period: period.period,
    periodSource: period.source,
    lastColumn,
    issues: [...header.issues, ...legacy.issues(), ...period.issues],
    sections,
  };
}

/** The unit comes from the headings: the sheet needs no unit column. */
function withoutMissingUnit(header: HeaderInfo): HeaderInfo {
  return {
    ...header,
    missing: header.missing.filter((f) => f !== 'unit'),
    issues: header.issues.filter((i) => !(i.field === 'unit' && i.cell === null)),
  };
}

/** Where section headings give rows their unit: sheets of people without a unit column. */
function sectionsApply(header: HeaderInfo): boolean {
  const fields = SHEET_KINDS[header.kind].fields;
  return fields.includes('unit') && fields.includes('name') && header.fields.unit === undefined && header.fields.name !== undefined;
}

/** Whether the next non-blank row after grid index `i` is a heading: a subtotal between sections, not the end. */
function headingFollows(values: readonly (readonly CellValue[] | undefined)[], i: number, context: LineContext): boolean {
  for (let k = i + 1; k < values.length; k++) {
    const line = values[k];
    if (!line || line.every((v) => isBlank(v))) continue;
    return classifyLine(line, context)?.type === 'heading';
  }
  return false;
}

function readRows(
  grid: SheetGrid,
  header: HeaderInfo,
  rows: SheetRow[],
  periodCells: PeriodCell[],
  legacy: LegacyCollector,
  units: readonly string[],
): { lastColumn: number; sections: SectionRow[] } {
  const spec = SHEET_KINDS[header.kind];
  // The column naming the period: "Tháng" (read, never sent) on months, "Lớp" (sent too) on class sheets.
  const periodField: InputField | null = spec.period === 'month' ? 'period' : spec.period === 'class' ? 'class' : null;
  // Plain pushes, not map/filter: these arrays then have the same layout on every read, so the per-row
  // helpers optimised for them are not thrown away when the reader itself gets optimised (measured).
  const fields: InputField[] = [];
  const cols: number[] = [];
  const indexes: number[] = [];
  const inputIndexes: number[] = [];
  for (const [field, col] of Object.entries(header.fields) as [InputField, number][]) {
    fields.push(field);
    cols.push(col);
    indexes.push(col - grid.left);
    if (field !== 'period') inputIndexes.push(col - grid.left);
  }
  const at = (f: InputField) => (header.fields[f] === undefined ? -1 : header.fields[f]! - grid.left);
  const groups: number[][] = [];
  // Under a heading, the unit is known: a group asking for the (absent) unit column asks for its other cells.
  const headedGroups: number[][] = [];
  for (const group of spec.dataRow.any) {
    const ixs: number[] = [];
    for (const f of group) ixs.push(at(f));
    groups.push(ixs);
    headedGroups.push(group.filter((f) => f !== 'unit').map(at));
  }
  const footerIx = spec.dataRow.notFooter ? at(spec.dataRow.notFooter) : -1;
  const firstIx = groups[0]?.[0] ?? -1;

  const values = fillMergedRows(grid, header.firstDataRow);
  const across = rowsMergedAcross(grid.merges);
  const known = new Map(units.map((u) => [unitMeaningKey(u), u]));
  const context = (row: number): LineContext => ({
    nameIndex: at('name'),
    mergedAcross: across.has(row),
    knownUnits: known,
  });
  const headed = sectionsApply(header);
  const nameIx = at('name');
  const sections: SectionRow[] = [];
  let unit: string | null = null;

  const shapes = rowShapes(fields);
  let lastColumn = header.lastColumn;
  let started = false;
  let gap = false;
  for (let i = header.firstDataRow - grid.top; i < values.length; i++) {
    const line = values[i];
    const row = grid.top + i;
    const inputPresent = line !== undefined && anyPresent(line, inputIndexes);
    if (inputPresent && !started && isNumberingRow(line)) continue;
    const dataLike =
      inputPresent && isDataRow(line, spec, unit === null ? groups : headedGroups, footerIx, inputIndexes, firstIx);
    // Under a heading a name alone makes a row: the next heading, written in the name column, is one too.
    const nameOnly = dataLike && unit !== null && !anyPresent(line, inputIndexes, nameIx);
    if ((!dataLike || nameOnly) && line !== undefined) {
      const kind = classifyLine(line, context(row));
      if (kind?.type === 'heading') {
        const name = known.get(unitMeaningKey(kind.unit)) ?? kind.unit;
        sections.push({ row, unit: name });
        if (headed) unit = name;
        scanRow(legacy, line, row, grid.left);
        gap = false;
        continue;
      }
      if (kind?.type === 'signature' && !nameOnly) break;
      if (kind?.type === 'total' && !nameOnly) {
        if (headingFollows(values, i, context(row))) continue;
        break;
      }
    }
    // Under headings a name alone makes a row, so the signature block's "NGƯỜI LẬP BIỂU … HIỆU TRƯỞNG" would too.
    // A person's row has numbers (STT, scores); a person titled "Hiệu trưởng" is no signature.
    if (dataLike && unit !== null && !line.some((v) => typeof v === 'number') && hasSignature(line)) break;
    if (!line || !inputPresent) {
      if (started) gap = true;
      continue;
    }
    if (!dataLike && (gap || hasFooterText(line))) break;
    started = true;
    gap = false;

    let filled = 0;
    for (let k = 0; k < fields.length; k++) {
      const raw = line[indexes[k]!];
      if (raw !== undefined && !isBlank(raw)) filled |= 1 << k;
    }
    const shape = shapes.get(filled) ?? addRowShape(shapes, filled, fields);
    const cells: SheetRow['cells'] = { ...shape.cells };
    const input: SheetRow['input'] = { ...shape.input };
    input.ref = row + 1;
    for (let k = 0; k < fields.length; k++) {
      if ((filled & (1 << k)) === 0) continue;
      const raw = line[indexes[k]!]!;
      const field = fields[k]!;
      cells[field] = raw;
      if (field === periodField) periodCells.push({ row, col: cols[k]!, value: raw });
      if (field !== 'period') input[field] = inputValue(field, raw);
    }
    if (headed && unit !== null) input.unit = unit;
    rows.push({ row, cells, input, key: spec.key(input) });
    scanRow(legacy, line, row, grid.left);
    const last = lastNonBlank(line);
    if (last >= 0 && grid.left + last > lastColumn) lastColumn = grid.left + last;
  }
  return { lastColumn, sections };
}

/**
 * A row's `cells` and `input` are copied from blank objects holding its keys (`ref`, then its filled columns,
 * in the order the row fills them), then filled in: each object is made at its final size instead of growing
 * key by key. The blanks are kept between reads, so the objects of every read share their layout and the
 * optimised reader stays valid from one sync to the next (otherwise it is recompiled on each).
 */
interface RowShape {
  cells: SheetRow['cells'];
  input: SheetRow['input'];
}

/** Blank objects by columns read (in header order), then by which of them a row fills; a few of each at most. */
const ROW_SHAPES = new Map<string, Map<number, RowShape>>();
const MAX_LAYOUTS = 64;
const MAX_SHAPES = 256;

// Which columns a row fills is a 31-bit mask: a kind reads at most 31 fields.
if (Object.values(SHEET_KINDS).some((spec) => spec.fields.length + 1 > 31)) throw new Error('a kind reads more than 31 fields');

function rowShapes(fields: readonly InputField[]): Map<number, RowShape> {
  const layout = fields.join();
  let shapes = ROW_SHAPES.get(layout);
  if (!shapes) {
    if (ROW_SHAPES.size >= MAX_LAYOUTS) ROW_SHAPES.clear();
    shapes = new Map();
    ROW_SHAPES.set(layout, shapes);
  }
  return shapes;
}

function addRowShape(shapes: Map<number, RowShape>, filled: number, fields: readonly InputField[]): RowShape {
  const cells: Record<string, null> = {};
  const input: Record<string, number | null> = { ref: 0 };
  for (let k = 0; k < fields.length; k++) {
    if ((filled & (1 << k)) === 0) continue;
    cells[fields[k]!] = null;
    if (fields[k] !== 'period') input[fields[k]!] = null;
  }
  // Through JSON: a parsed object holds all its keys inline, and so do its copies.
  const shape = JSON.parse(JSON.stringify({ cells, input })) as RowShape;
  if (shapes.size >= MAX_SHAPES) shapes.clear();
  shapes.set(filled, shape);
  return shape;
}

/** A row of the table rather than a footer: one group of its identity cells all filled (`dataRow`). */
function isDataRow(
  values: readonly CellValue[],
  spec: KindSpec,
  groups: readonly (readonly number[])[],
  footerIx: number,
  inputIndexes: readonly number[],
  firstIx: number,
): boolean {
  if (!anyGroupFilled(values, groups)) return false;
  if (footerIx >= 0 && isFooterText(values[footerIx])) return false;
  return !spec.dataRow.otherInput || anyPresent(values, inputIndexes, firstIx);
}

function present(values: readonly CellValue[], index: number): boolean {
  return index >= 0 && !isBlank(values[index]);
}

/** `groups.some(group => group.every(present))`, without two closures per row. */
function anyGroupFilled(values: readonly CellValue[], groups: readonly (readonly number[])[]): boolean {
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    let filled = true;
    for (let k = 0; k < group.length && filled; k++) filled = present(values, group[k]!);
    if (filled) return true;
  }
  return false;
}

function anyPresent(values: readonly CellValue[], indexes: readonly number[], except = -1): boolean {
  for (let k = 0; k < indexes.length; k++) {
    const ix = indexes[k]!;
    if (ix !== except && !isBlank(values[ix])) return true;
  }
  return false;
}
