/** Vietnamese labels the report sheets share (month now, year next). */
import type { MonthSummary } from '../../server/contract/council.ts';
import { LEVELS, type Level } from '../../server/contract/levels.ts';
import type { QuotaFacts } from '../../server/contract/results.ts';

type Decision = MonthSummary['decisions'][number];

/** Column headers of a count table, in LEVELS order, then the total. */
export const LEVEL_COLUMNS: Record<Level, string> = {
  HTXS: 'HTXS',
  HTT: 'HTT',
  HT: 'HT',
  KHT: 'KHT',
  NONE: 'Không xếp loại',
};
export const TOTAL = 'Tổng';

/** A count table's row: the label, one count per level, the total. */
export function countRow(label: string, counts: Record<Level, number>): (string | number)[] {
  const values = LEVELS.map((level) => counts[level] ?? 0);
  return [label, ...values, values.reduce((a, b) => a + b, 0)];
}

export function sumCounts(all: readonly Record<Level, number>[]): Record<Level, number> {
  return Object.fromEntries(LEVELS.map((level) => [level, all.reduce((n, c) => n + (c[level] ?? 0), 0)])) as Record<Level, number>;
}

export const DENOMINATOR_LABELS: Record<QuotaFacts['denominator'], string> = {
  'htt-only': 'chỉ tính HTT',
  'htt-or-above': 'tính cả HTXS',
};

/** A decision in words; `period` names what is finalised or reopened ("tháng", "năm"). */
export function decisionLabel(decision: Pick<Decision, 'kind' | 'rate'>, period = 'tháng'): string {
  switch (decision.kind) {
    case 'award':
      return 'Xét HTXS trong tỷ lệ';
    case 'withdraw-award':
      return 'Rút HTXS';
    case 'raise-rate':
      return `Nâng tỷ lệ HTXS lên ${decision.rate ?? '?'}%`;
    case 'finalise':
      return `Chốt ${period}`;
    case 'reopen':
      return `Mở lại ${period}`;
    case 'withdraw':
      return 'Rút đề nghị danh hiệu';
    case 'reinstate':
      return 'Đưa lại đề nghị danh hiệu';
  }
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;
const two = (n: number) => String(n).padStart(2, '0');

/** "2021-11-02T03:04:05Z" → "02/11/2021 10:04", Vietnam time (UTC+7, no daylight saving). */
export function vietnamTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms + VIETNAM_OFFSET_MS);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}

const SHEET_NAME_MAX = 31;
const NOT_IN_SHEET_NAMES = /[:\\/?*[\]]/g;

/**
 * A report sheet's name within Excel's rules: at most 31 characters, none of : \ / ? * [ ], no apostrophe at
 * either end. A subject too long for the room left is cut and ends with "…".
 */
export function reportSheetName(prefix: string, subject: string): string {
  const clean = subject.normalize('NFC').replace(NOT_IN_SHEET_NAMES, '-').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '');
  const room = SHEET_NAME_MAX - prefix.length;
  return prefix + (clean.length <= room ? clean : `${clean.slice(0, room - 1).trimEnd()}…`);
}

export const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
