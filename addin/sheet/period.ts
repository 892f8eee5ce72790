import { cellAddress } from './cell-address.ts';
import { cellText, excelSerialToDate, isBlank } from './cell-text.ts';
import { headerWords } from './header-aliases.ts';
import type { PeriodSource, SheetIssue } from './types.ts';

/**
 * The month a sheet is about, from (in order of trust) a "Tháng" column, the sheet's name ("T10-2021"),
 * its title rows ("THÁNG 10/2021") or the month picked in the pane. Texts are matched folded, with
 * punctuation turned into spaces: "T10-2021" reads "t10 2021", "tháng 10 năm 2021" reads "thang 10 nam 2021".
 */

export interface PeriodCell {
  row: number;
  col: number;
  value: unknown;
}

export interface PeriodDetection {
  period: string | null;
  source: PeriodSource | null;
  issues: SheetIssue[];
}

const PERIOD = /^(19|20|21)\d\d-(0[1-9]|1[0-2])$/;
const THANG = /(?:^| )thang (\d{1,2}) (?:nam )?(\d{4})(?: |$)/;
const T_FORM = /(?:^| )t ?(\d{1,2}) (\d{4})(?: |$)/;
const MONTH_YEAR = /(?:^| )(\d{1,2}) (\d{4})(?: |$)/;
const YEAR_MONTH = /(?:^| )(\d{4}) (\d{1,2})(?: |$)/;
const FULL_DATE = /^(\d{1,2}) (\d{1,2}) (\d{4})$/;
const MONTH_ONLY = /^(?:thang |t ?)?(\d{1,2})$/;

function toPeriod(year: number, month: number): string | null {
  if (!(month >= 1 && month <= 12 && year >= 1900 && year <= 2199)) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}

function fromMatch(m: RegExpExecArray | null, monthIndex: number, yearIndex: number): string | null {
  return m ? toPeriod(Number(m[yearIndex]), Number(m[monthIndex])) : null;
}

/** "2021-10" → "10/2021", as people write it. */
export function formatPeriod(period: string): string {
  return `${period.slice(5, 7)}/${period.slice(0, 4)}`;
}

export function periodFromSheetName(name: string): string | null {
  const words = headerWords(name);
  return (
    fromMatch(THANG.exec(words), 1, 2) ??
    fromMatch(T_FORM.exec(words), 1, 2) ??
    fromMatch(MONTH_YEAR.exec(words), 1, 2) ??
    fromMatch(YEAR_MONTH.exec(words), 2, 1)
  );
}

/** Only "tháng …" counts in a title: other numbers there are decisions' numbers and dates. */
export function periodFromTitle(texts: readonly string[]): string | null {
  for (const text of texts) {
    const found = fromMatch(THANG.exec(headerWords(text)), 1, 2);
    if (found) return found;
  }
  return null;
}

/** A "Tháng" cell: a full period, a month alone (year from elsewhere), or nothing readable (null). */
export function parsePeriodValue(value: unknown): { period: string } | { month: number } | null {
  if (value instanceof Date) {
    const p = toPeriod(value.getUTCFullYear(), value.getUTCMonth() + 1);
    return p ? { period: p } : null;
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1 && value <= 12) return { month: value };
    const whole = Math.trunc(value);
    // "10.2021" typed into a cell becomes the number 10.2021 (and "10.2020" becomes 10.202).
    if (whole >= 1 && whole <= 12 && !Number.isInteger(value)) {
      const p = toPeriod(Math.round((value - whole) * 10_000), whole);
      if (p) return { period: p };
    }
    const date = excelSerialToDate(value);
    const p = date ? toPeriod(date.getUTCFullYear(), date.getUTCMonth() + 1) : null;
    return p ? { period: p } : null;
  }
  if (typeof value !== 'string') return null;
  const words = headerWords(value);
  const p =
    fromMatch(FULL_DATE.exec(words), 2, 3) ??
    fromMatch(THANG.exec(words), 1, 2) ??
    fromMatch(T_FORM.exec(words), 1, 2) ??
    fromMatch(MONTH_YEAR.exec(words), 1, 2) ??
    fromMatch(YEAR_MONTH.exec(words), 2, 1);
  if (p) return { period: p };
  const m = MONTH_ONLY.exec(words);
  const month = m ? Number(m[1]) : 0;
  return month >= 1 && month <= 12 ? { month } : null;
}

const SOURCE_LABELS: Record<PeriodSource, string> = {
  column: 'cột Tháng',
  sheetName: 'tên trang tính',
  title: 'tiêu đề',
  hint: 'khung bên',
};

function columnPeriod(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const [period, count] of counts) {
    if (count > bestCount) {
      best = period;
      bestCount = count;
    }
  }
  return best;
}

export function detectPeriod(input: {
  sheetName: string;
  titles: readonly string[];
  cells: readonly PeriodCell[];
  hint?: string | null | undefined;
}): PeriodDetection {
  const issues: SheetIssue[] = [];
  const sheetName = periodFromSheetName(input.sheetName);
  const title = periodFromTitle(input.titles);
  const hint = input.hint && PERIOD.test(input.hint) ? input.hint : null;
  const fallbackYear = (sheetName ?? title ?? hint)?.slice(0, 4) ?? null;

  const cellPeriods: { cell: PeriodCell; period: string }[] = [];
  const counts = new Map<string, number>();
  for (const cell of input.cells) {
    if (isBlank(cell.value)) continue;
    const parsed = parsePeriodValue(cell.value);
    let period: string | null = null;
    if (parsed !== null && 'period' in parsed) period = parsed.period;
    else if (parsed !== null && fallbackYear) period = toPeriod(Number(fallbackYear), parsed.month);
    const address = cellAddress(cell.row, cell.col);
    if (period === null) {
      issues.push({
        cell: address,
        row: cell.row,
        field: 'period',
        message: `${address}: Không đọc được tháng "${cellText(cell.value)}", hãy ghi dạng 10/2021`,
        severity: 'error',
      });
      continue;
    }
    cellPeriods.push({ cell, period });
    counts.set(period, (counts.get(period) ?? 0) + 1);
  }

  const found: [PeriodSource, string | null][] = [
    ['column', columnPeriod(counts)],
    ['sheetName', sheetName],
    ['title', title],
    ['hint', hint],
  ];
  const chosen = found.find(([, p]) => p !== null);
  if (!chosen) {
    issues.push({
      cell: null,
      row: null,
      field: 'period',
      message: 'Không xác định được tháng: hãy đặt tên trang tính dạng T10-2021 hoặc chọn tháng ở khung bên',
      severity: 'warning',
    });
    return { period: null, source: null, issues };
  }
  const [source, period] = chosen as [PeriodSource, string];
  for (const [other, p] of found) {
    if (p === null || p === period) continue;
    issues.push({
      cell: null,
      row: null,
      field: 'period',
      message:
        `Tháng ở ${SOURCE_LABELS[other]} (${formatPeriod(p)}) khác tháng ở ${SOURCE_LABELS[source]} ` +
        `(${formatPeriod(period)}); dùng tháng ${formatPeriod(period)}`,
      severity: 'warning',
    });
  }
  for (const { cell, period: p } of cellPeriods) {
    if (p === period) continue;
    const address = cellAddress(cell.row, cell.col);
    issues.push({
      cell: address,
      row: cell.row,
      field: 'period',
      message: `${address}: Tháng ${formatPeriod(p)} khác tháng của bảng (${formatPeriod(period)})`,
      severity: 'error',
    });
  }
  return { period, source, issues };
}
