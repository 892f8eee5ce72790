import { cellAddress } from './cell-address.ts';
import { isBlank, lowerKey, tidyText } from './cell-text.ts';
import { headerWords } from './header-aliases.ts';
import { detectPeriod, type PeriodCell, type PeriodDetection } from './period.ts';
import type { PeriodKind } from './kinds/index.ts';
import type { PeriodSource, SheetIssue } from './types.ts';

/**
 * The period of sheets that are not months: the year of the yearly and initiatives sheets ("Năm 2021" in the
 * sheet's name or title, or the year picked in the pane), and the class of a students' sheet (its "Lớp"
 * column, the class typed in the pane, or the sheet's name).
 */

export interface PeriodInput {
  sheetName: string;
  titles: readonly string[];
  /** Cells of the period's column: "Tháng" on months, "Lớp" on class sheets. */
  cells: readonly PeriodCell[];
  hint?: string | null | undefined;
}

const YEAR_WORD = /(?:^| )((?:19|20|21)\d\d)(?: |$)/;
const YEAR_IN_TITLE = /(?:^| )nam ((?:19|20|21)\d\d)(?: |$)/g;
const DATE_BEFORE = /thang \d{1,2} $/;
const HINT = /^((?:19|20|21)\d\d)(?:-(?:0[1-9]|1[0-2]))?$/;
const DEFAULT_SHEET_NAME = /^(sheet|trang tinh|feuil|tabelle|hoja|foglio) ?\d*$/;

const SOURCE_LABELS: Record<PeriodSource, string> = {
  column: 'cột Lớp',
  sheetName: 'tên trang tính',
  title: 'tiêu đề',
  hint: 'khung bên',
};

/** "Năm 2021", "Sáng kiến 2021", "2021": a year standing alone in the sheet's name. */
export function yearFromSheetName(name: string): string | null {
  return YEAR_WORD.exec(headerWords(name))?.[1] ?? null;
}

/** "BẢNG XẾP LOẠI NĂM 2021": "năm YYYY" in a title, unless it ends a date ("ngày 5 tháng 1 năm 2022"). */
export function yearFromTitle(texts: readonly string[]): string | null {
  for (const text of texts) {
    const words = headerWords(text);
    for (const m of words.matchAll(YEAR_IN_TITLE)) {
      if (!DATE_BEFORE.test(words.slice(0, m.index + (m[0].startsWith(' ') ? 1 : 0)))) return m[1]!;
    }
  }
  return null;
}

function chosen(
  found: readonly [PeriodSource, string | null][],
  same: (a: string, b: string) => boolean,
  what: string,
  labels: Record<PeriodSource, string>,
): { period: string; source: PeriodSource; issues: SheetIssue[] } | null {
  const first = found.find(([, p]) => p !== null);
  if (!first) return null;
  const [source, period] = first as [PeriodSource, string];
  const issues: SheetIssue[] = [];
  for (const [other, p] of found) {
    if (p === null || same(p, period)) continue;
    issues.push({
      cell: null,
      row: null,
      field: 'period',
      message: `${what} ở ${labels[other]} (${p}) khác ${what.toLowerCase()} ở ${labels[source]} (${period}); dùng ${what.toLowerCase()} ${period}`,
      severity: 'warning',
    });
  }
  return { period, source, issues };
}

export function detectYear(input: PeriodInput): PeriodDetection {
  const hint = input.hint ? (HINT.exec(input.hint)?.[1] ?? null) : null;
  const found: [PeriodSource, string | null][] = [
    ['sheetName', yearFromSheetName(input.sheetName)],
    ['title', yearFromTitle(input.titles)],
    ['hint', hint],
  ];
  const result = chosen(found, (a, b) => a === b, 'Năm', SOURCE_LABELS);
  if (result) return result;
  const message = 'Không xác định được năm: hãy đặt tên trang tính dạng "Năm 2021", ghi năm vào tiêu đề hoặc ở khung bên';
  return { period: null, source: null, issues: [{ cell: null, row: null, field: 'period', message, severity: 'warning' }] };
}

/** The class most rows name; rows naming another class are errors (the service would refuse them). */
export function detectClass(input: PeriodInput): PeriodDetection {
  const counts = new Map<string, { name: string; count: number }>();
  for (const cell of input.cells) {
    if (isBlank(cell.value)) continue;
    const name = tidyText(String(cell.value));
    const entry = counts.get(lowerKey(name)) ?? { name, count: 0 };
    entry.count++;
    counts.set(lowerKey(name), entry);
  }
  const column = [...counts.values()].sort((a, b) => b.count - a.count)[0]?.name ?? null;
  // A month or a year left in the pane's box is no class.
  const hint = input.hint && !HINT.test(input.hint.trim()) ? tidyText(input.hint) || null : null;
  const sheet = tidyText(input.sheetName);
  const sheetName = sheet && !DEFAULT_SHEET_NAME.test(headerWords(sheet)) ? sheet : null;
  const result = chosen(
    [['column', column], ['hint', hint], ['sheetName', sheetName]],
    (a, b) => lowerKey(a) === lowerKey(b),
    'Lớp',
    SOURCE_LABELS,
  );
  if (!result) {
    const message = 'Không xác định được lớp: hãy thêm cột "Lớp", đặt tên trang tính là tên lớp hoặc ghi lớp ở khung bên';
    return { period: null, source: null, issues: [{ cell: null, row: null, field: 'period', message, severity: 'warning' }] };
  }
  for (const cell of input.cells) {
    if (isBlank(cell.value) || lowerKey(String(cell.value)) === lowerKey(result.period)) continue;
    const address = cellAddress(cell.row, cell.col);
    result.issues.push({
      cell: address,
      row: cell.row,
      field: 'class',
      message: `${address}: Lớp «${tidyText(String(cell.value))}» khác lớp của bảng («${result.period}»)`,
      severity: 'error',
      refs: [{ row: cell.row, col: cell.col }],
    });
  }
  return result;
}

/** The period of a sheet of any kind. */
export function detectKindPeriod(kind: PeriodKind, input: PeriodInput): PeriodDetection {
  if (kind === 'year') return detectYear(input);
  if (kind === 'class') return detectClass(input);
  return detectPeriod(input);
}

/** What the pane and the command line say when a sheet's period cannot be found. */
export const NEED_PERIOD: Record<PeriodKind, string> = {
  month:
    'Không xác định được tháng: hãy ghi tháng vào tên trang tính (T10-2021), tiêu đề, cột "Tháng" hoặc chọn ở khung bên phải',
  year: 'Không xác định được năm: hãy ghi năm vào tên trang tính ("Năm 2021"), tiêu đề, hoặc ở khung bên phải (--period 2021)',
  class: 'Không xác định được lớp: hãy thêm cột "Lớp", đặt tên trang tính là tên lớp, hoặc ghi lớp ở khung bên phải (--period "TC K45")',
};
