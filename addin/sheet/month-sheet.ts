import { periodSchema } from '../../server/contract/period.ts';
import type { PersonRow } from '../../server/contract/person-row.ts';
import { tidyText } from './cell-text.ts';
import { findHeader } from './find-header.ts';
import { formatPeriod } from './period.ts';
import type { RosterEntry } from './roster.ts';
import type { CellValue, SheetGrid } from './types.ts';
import type { ValidRow } from './validate-table.ts';

/** The values of a new month's sheet ("Tạo bảng tháng"), as `WorkbookSession.addSheet` takes them. */
export interface MonthSheet {
  /** "T10-2021". */
  name: string;
  /** Rectangular, starting at A1. */
  values: CellValue[][];
  /** 0-based rows to set in bold. */
  headerRows: number[];
  /** Widths in characters, one per column. */
  columnWidths: number[];
}

export const MONTH_SHEET_HEADER = [
  'STT',
  'Mã CB',
  'Họ và tên',
  'Chức vụ',
  'Đơn vị',
  'Nhóm',
  'Điểm tự chấm',
  'Điểm đánh giá',
  'Kỷ luật',
  'Ghi chú',
] as const;

const COLUMN_WIDTHS = [6, 10, 28, 22, 30, 16, 12, 12, 14, 24];
const TITLE = 'BẢNG TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG CHỨC, VIÊN CHỨC THÁNG';
/** "THÁNG 10/2021", "Tháng 3-2022", "tháng 10 năm 2021": the month in a title, wherever it is. */
const TITLE_MONTH = /(th[áa]ng)\s*\d{1,2}\s*(?:[/.-]|\s+n[ăa]m\s+)\s*\d{4}/giu;

export function monthSheetName(period: string): string {
  return `T${period.slice(5, 7)}-${period.slice(0, 4)}`;
}

/** The previous month's title rows with the month changed; the rows above its header, where they were. */
function titleRows(period: string, previous: SheetGrid | undefined): CellValue[][] {
  const month = formatPeriod(period);
  const fallback: CellValue[][] = [[`${TITLE} ${month}`], []];
  if (!previous) return fallback;
  const header = findHeader(previous, 'person');
  if (header.headerRows.length === 0) return fallback;
  const rows: CellValue[][] = [];
  for (let r = 0; r < header.headerRows[0]!; r++) {
    const values = previous.values[r - previous.top] ?? [];
    const row: CellValue[] = Array.from({ length: previous.left }, () => null);
    for (const value of values) {
      const renamed = typeof value === 'string' ? value.replace(TITLE_MONTH, (_m, word: string) => `${word} ${month}`) : value;
      row.push(renamed);
    }
    rows.push(row);
  }
  const mentionsMonth = rows.some((row) => row.some((v) => typeof v === 'string' && v.includes(month)));
  return mentionsMonth ? rows : [...rows, ...fallback];
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * A new month's sheet in the familiar layout: title rows (the previous sheet's, with the new month), the
 * header, then one row per person of the roster sorted by unit then name, scores left blank to fill.
 */
export function monthSheet(roster: readonly RosterEntry[], period: string, previous?: SheetGrid): MonthSheet {
  const parsed = periodSchema.safeParse(period);
  if (!parsed.success) throw new RangeError(parsed.error.issues[0]?.message ?? 'Tháng phải có dạng YYYY-MM');
  const people = [...roster].sort(
    (a, b) => collator.compare(a.unit, b.unit) || collator.compare(a.name, b.name) || collator.compare(a.code, b.code),
  );
  const titles = titleRows(period, previous);
  const width = Math.max(MONTH_SHEET_HEADER.length, ...titles.map((r) => r.length));
  const pad = (row: CellValue[]) => [...row, ...Array.from({ length: width - row.length }, () => '' as CellValue)];
  const values: CellValue[][] = titles.map(pad);
  const headerRow = values.length;
  values.push(pad([...MONTH_SHEET_HEADER]));
  people.forEach((p, i) => {
    values.push(pad([i + 1, p.code, p.name, p.title ?? '', p.unit, p.dutyGroup ?? '', '', '', '', '']));
  });
  return {
    name: monthSheetName(period),
    values: values.map((row) => row.map((v) => (v === null ? '' : v))),
    headerRows: [headerRow],
    columnWidths: [...COLUMN_WIDTHS, ...Array.from({ length: width - COLUMN_WIDTHS.length }, () => 12)],
  };
}

/** The roster a month's validated rows give (people with a code), for the next month's sheet. */
export function rosterFromRows(rows: readonly ValidRow[]): RosterEntry[] {
  const roster: RosterEntry[] = [];
  for (const { value } of rows) {
    const person = value as PersonRow;
    if (!person.code || !person.name || !person.unit) continue;
    roster.push({
      code: tidyText(person.code),
      name: person.name,
      unit: person.unit,
      dutyGroup: person.dutyGroup ?? null,
      title: person.title ?? null,
    });
  }
  return roster;
}
