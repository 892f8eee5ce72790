import type { StoredDecisionView } from '../../server/contract/dossier-sheets.ts';
import type { RuleSet } from '../../server/contract/rule-set.ts';
import { buildAnnexedList, type AnnexedList, type DecidedAward } from '../../server/rules/dossier/annexed-list.ts';
import { formatDate } from '../../server/rules/titles-dates.ts';
import type { ReportSheet } from '../workbook/report-sheet.ts';
import { reportLayout, type PlacedTable } from './layout.ts';

/**
 * "Danh sách kèm theo Quyết định <YYYY>" (research/next-capabilities.md DOC-4): the holders the decisions of
 * the year's register awarded, with the reward money of RULES.md §6 (coefficient × base salary, rounded up;
 * only the highest title of a holder and year is paid, NĐ 152 Điều 49) and the total.
 */

export const ANNEX_HEADER = ['STT', 'Họ và tên / Tên tập thể', 'Chức vụ, đơn vị', 'Danh hiệu/Hình thức', 'Mức thưởng (đồng)', 'Ghi chú'] as const;
const WIDTHS = [6, 30, 40, 36, 18, 60];

export function annexedListSheetName(year: string): string {
  return `DS kèm theo Quyết định ${year}`;
}

/** Who a decision names, as the list prints them: the roster's Chức vụ with the unit. */
export interface AnnexPeople {
  titleOf(code: string): string | null;
}

export function decidedAwards(decisions: readonly StoredDecisionView[], people: AnnexPeople): DecidedAward[] {
  return decisions.map((d) => {
    const unit = d.unit ?? '';
    const position = d.holder === 'person' && d.code ? people.titleOf(d.code) : null;
    return {
      holder: d.holder,
      key: d.holder === 'person' ? (d.code ?? '') : unit,
      name: d.holder === 'person' ? (d.name ?? '') : unit,
      positionAndUnit: d.holder === 'person' ? [position, unit].filter(Boolean).join(', ') : '',
      unit,
      title: d.title,
      year: d.achievementYear,
    };
  });
}

/** "số 125/QĐ-TCT ngày 20/12/2020, số 126/QĐ-TCT ngày 21/12/2020": the decisions the list goes with. */
function decisionWords(decisions: readonly StoredDecisionView[]): string {
  const seen = new Map<string, string>();
  for (const d of decisions) if (!seen.has(d.decisionNo)) seen.set(d.decisionNo, d.decidedOn);
  return [...seen].map(([no, on]) => `số ${no} ngày ${formatDate(on)}`).join(', ');
}

export function annexedListSheet(
  year: string,
  organisation: string,
  decisions: readonly StoredDecisionView[],
  list: AnnexedList,
  baseSalary: number,
): ReportSheet & { layout: { table: PlacedTable | null } } {
  const sheet = reportLayout();
  sheet.line([organisation.toLocaleUpperCase('vi')], true);
  sheet.line([`DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC TẶNG DANH HIỆU THI ĐUA, HÌNH THỨC KHEN THƯỞNG NĂM ${year}`], true);
  sheet.line([decisions.length > 0 ? `(Kèm theo Quyết định ${decisionWords(decisions)})` : '(Kèm theo Quyết định số … ngày …)']);
  sheet.line([`Mức thưởng tính theo mức lương cơ sở ${baseSalary} đồng (NĐ 152/2025 Điều 49–50); mỗi người, mỗi tập thể chỉ nhận mức cao nhất của một năm`]);
  sheet.blank();
  if (list.rows.length === 0) {
    sheet.note(`Chưa có quyết định khen thưởng nào cho thành tích năm ${year} (đồng bộ trang "Quyết định khen thưởng <năm>" trước).`);
    return { ...sheet.finish(annexedListSheetName(year), WIDTHS), layout: { table: null } };
  }
  const table = sheet.table(
    ANNEX_HEADER,
    list.rows.map((r) => [r.stt, r.name, r.positionAndUnit, r.titleLabel, r.amount ?? '', r.note]),
    ['', 'Tổng cộng', '', '', list.total, ''],
    // Họ và tên / Tên tập thể, Chức vụ, đơn vị, Ghi chú: long text wraps, never cut (DOC-8.8).
    [1, 2, 5],
  );
  return { ...sheet.finish(annexedListSheetName(year), WIDTHS), layout: { table } };
}

/** The list from the decisions, the rule set's money and the organisation's unit order. */
export function annexedList(decisions: readonly StoredDecisionView[], people: AnnexPeople, units: readonly string[], ruleSet: RuleSet): AnnexedList {
  return buildAnnexedList(decidedAwards(decisions, people), units, ruleSet);
}
