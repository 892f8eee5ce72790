import type { StoredDecisionView } from '../../server/contract/dossier-sheets.ts';
import { AWARD_TITLES, DOSSIER_TITLE_LABELS, type DossierTitle } from '../../server/contract/dossier-titles.ts';
import type { StoredInitiative } from '../../server/contract/year-sheets.ts';
import type { YearProposals, YearResults } from '../../server/contract/year-results.ts';
import { formatDate } from '../../server/rules/titles-dates.ts';
import type { ReportSheet } from '../workbook/report-sheet.ts';
import { reportLayout } from './layout.ts';

/**
 * "Bảng thành tích <YYYY>" (research/next-capabilities.md DOC-3): per person on the proposal list, the tables
 * of a báo cáo thành tích filled from stored data, to be pasted into Mẫu 05 or the province's form: sơ lược lý
 * lịch, the yearly levels of the last five years, titles and commendations with their decisions (a year known
 * only from "Danh hiệu các năm trước" says so), and initiatives.
 */

export const YEARS_BACK = 5;

export interface AchievementPerson {
  code: string;
  name: string;
  sex: string;
  recruitedOn: string | null;
  position: string;
  unit: string;
}

export interface AchievementData {
  year: string;
  people: readonly AchievementPerson[];
  /** Each year's results, the last five years up to `year`. */
  results: readonly YearResults[];
  /** The decisions of the registers of those years. */
  decisions: readonly StoredDecisionView[];
  /** Earlier years as the title rules saw them (GET /proposals). */
  history: YearProposals['people'];
  initiatives: readonly StoredInitiative[];
}

export function achievementSheetName(year: string): string {
  return `Bảng thành tích ${year}`;
}

const WIDTHS = [8, 36, 50, 20, 18, 30];
const LEVEL_OF = (r: YearResults['people'][number]) => r.label;
const INITIATIVE_LEVEL: Record<string, string> = { 'co-so': 'Cơ sở', tinh: 'Tỉnh', 'toan-quoc': 'Toàn quốc' };
const isAward = (t: DossierTitle) => (AWARD_TITLES as readonly string[]).includes(t);
const decisionText = (d: StoredDecisionView) =>
  `Quyết định số ${d.decisionNo} ngày ${formatDate(d.decidedOn)}${d.issuer ? ` của ${d.issuer}` : ''}`;

/** Title rows of a person: stored decisions first; years the rules know only otherwise say where from. */
function titleRows(code: string, data: AchievementData, awards: boolean): (string | number)[][] {
  const decided = data.decisions
    .filter((d) => d.holder === 'person' && d.code === code && isAward(d.title) === awards)
    .sort((a, b) => a.achievementYear - b.achievementYear || a.title.localeCompare(b.title));
  const rows: (string | number)[][] = decided.map((d) => [d.achievementYear, DOSSIER_TITLE_LABELS[d.title], decisionText(d)]);
  const has = new Set(decided.map((d) => `${d.achievementYear}|${d.title}`));
  const history = data.history.find((p) => p.code === code)?.history ?? [];
  for (const h of history) {
    if (h.titleSources.includes('decision')) continue;
    for (const title of h.titles) {
      if (isAward(title) !== awards || has.has(`${h.year}|${title}`)) continue;
      rows.push([h.year, DOSSIER_TITLE_LABELS[title], h.titleSources.includes('sheet') ? '(theo khai báo)' : '(chưa có quyết định trong sổ)']);
    }
  }
  return rows.sort((a, b) => Number(a[0]) - Number(b[0]));
}

export function achievementSheet(data: AchievementData): ReportSheet {
  const sheet = reportLayout();
  const from = Number(data.year) - YEARS_BACK + 1;
  sheet.heading(`BẢNG THÀNH TÍCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG NĂM ${data.year}`);
  sheet.line([`Số liệu Bình Xét đang lưu, các năm ${from}–${data.year}; dán vào báo cáo thành tích (Mẫu 05 hoặc mẫu của tỉnh)`]);
  sheet.blank();
  if (data.people.length === 0) sheet.note('Chưa có cá nhân nào trong danh sách đề nghị.');
  data.people.forEach((p, i) => {
    sheet.heading(`${i + 1}. ${p.name}${p.code ? ` (${p.code})` : ''}`);
    sheet.line(['a) Sơ lược lý lịch'], true);
    sheet.table(['Họ và tên', 'Giới tính', 'Ngày tuyển dụng', 'Chức vụ', 'Đơn vị'], [
      [p.name, p.sex, p.recruitedOn ? formatDate(p.recruitedOn) : '', p.position, p.unit],
    ], undefined, [0, 3, 4]);
    sheet.line(['b) Kết quả xếp loại các năm'], true);
    const levels = data.results.flatMap((r) => {
      const found = r.people.find((x) => x.code === p.code);
      return found ? [[Number(r.year), LEVEL_OF(found), found.annualScore ?? '']] : [];
    });
    sheet.table(['Năm', 'Xếp loại năm', 'Điểm bình quân'], levels);
    if (levels.length === 0) sheet.note('Bình Xét chưa có kết quả xếp loại năm nào của người này.');
    for (const [label, awards] of [['c) Danh hiệu thi đua', false], ['d) Hình thức khen thưởng', true]] as const) {
      sheet.line([label], true);
      const rows = titleRows(p.code, data, awards);
      sheet.table(['Năm', awards ? 'Hình thức khen thưởng' : 'Danh hiệu thi đua', 'Số, ngày, tháng, năm của quyết định; cơ quan ban hành'], rows, undefined, [1, 2]);
      if (rows.length === 0) sheet.note('Không có.');
    }
    sheet.line(['đ) Sáng kiến, đề tài'], true);
    const own = data.initiatives
      .filter((x) => x.code === p.code)
      .sort((a, b) => a.recognisedOn.localeCompare(b.recognisedOn))
      .map((x) => [Number(x.recognisedOn.slice(0, 4)), x.kind === 'đề tài' ? 'Đề tài' : 'Sáng kiến', x.title, x.level ? INITIATIVE_LEVEL[x.level]! : '', formatDate(x.recognisedOn)]);
    sheet.table(['Năm', 'Loại', 'Tên', 'Cấp công nhận', 'Ngày công nhận'], own, undefined, [2]);
    if (own.length === 0) sheet.note('Không có.');
    sheet.blank();
  });
  return sheet.finish(achievementSheetName(data.year), WIDTHS);
}
