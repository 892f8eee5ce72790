import type { StoredDecisionView } from '../../server/contract/dossier-sheets.ts';
import { goldBook, type GoldBookHolder } from '../../server/rules/dossier/gold-book.ts';
import type { ReportSheet } from '../workbook/report-sheet.ts';
import { reportLayout } from './layout.ts';

/**
 * "Sổ khen thưởng <YYYY>" (research/next-capabilities.md DOC-5): one row per decision for the year's
 * achievements, a plain table from A1 for a mail merge onto the pre-printed Bằng chứng nhận and Giấy khen,
 * which the product never prints itself. Người ký is left for the office to fill.
 */

export const GOLD_BOOK_HEADER = [
  'Họ và tên', 'Chức vụ, đơn vị', 'Danh hiệu/Hình thức', 'Thành tích', 'Số quyết định', 'Ngày quyết định', 'Số sổ vàng', 'Người ký',
] as const;
const WIDTHS = [30, 40, 34, 60, 18, 16, 14, 24];

export function goldBookSheetName(year: string): string {
  return `Sổ khen thưởng ${year}`;
}

export function goldBookSheet(
  year: string,
  decisions: readonly StoredDecisionView[],
  holderOf: (holder: 'person' | 'unit', key: string) => GoldBookHolder | null,
): ReportSheet {
  const stored = decisions.map((d) => ({ ...d, key: d.holder === 'person' ? (d.code ?? '') : (d.unit ?? '') }));
  const rows = goldBook(Number(year), stored, holderOf, '');
  const sheet = reportLayout();
  // A header on row 1 and nothing but rows under it: what Word's mail merge reads.
  sheet.table(
    GOLD_BOOK_HEADER,
    rows.map((r) => [r.name, r.positionAndUnit, r.titleLabel, r.achievement, r.decisionNo, r.decidedOn, r.goldBookNo, r.signer]),
  );
  return sheet.finish(goldBookSheetName(year), WIDTHS);
}
