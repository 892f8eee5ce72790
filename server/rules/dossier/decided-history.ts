import { DOSSIER_TITLE_SHORT, type DossierTitle, type Holder } from '../../contract/dossier-titles.ts';
import type { Level } from '../../contract/levels.ts';
import { failingConditions } from '../registration/compare.ts';
import { formatDate } from '../titles-dates.ts';
import type { PersonTitle, TitleHistoryYear, TitleProposal } from '../year-types.ts';

/** A stored row of the decisions register (DOC-5). */
export interface StoredDecision {
  holder: Holder;
  /** Staff code, or unit name. */
  key: string;
  title: DossierTitle;
  /** Năm thành tích: the year the title is for. */
  achievementYear: number;
  decisionNo: string;
  decidedOn: string;
  issuer: string | null;
}

export type TitleSource = 'decision' | 'service' | 'sheet';

/** One earlier year of a person with where its titles came from, for the explanation. */
export interface SourcedTitleYear extends TitleHistoryYear {
  titles: PersonTitle[];
  /** The sources the titles were taken from; a stored decision excludes the others. */
  titleSources: TitleSource[];
  decisions: StoredDecision[];
}

export interface HistorySources {
  /** Earlier years computed from the service's own data (final level; titles whose proposal was eligible). */
  service: readonly TitleHistoryYear[];
  /** Earlier years typed in "Danh hiệu các năm trước". */
  sheet: readonly TitleHistoryYear[];
  /** The person's decisions of earlier years. */
  decisions: readonly StoredDecision[];
}

const PERSON_TITLES: ReadonlySet<string> = new Set<PersonTitle>(['LDTT', 'CSTDCS', 'CSTD_TINH', 'BANG_KHEN_TINH', 'GIAY_KHEN']);

/**
 * The look-back of RULES.md §6 (CSTĐ cấp tỉnh: CSTĐCS in Y−2 and Y−1; Bằng khen: CSTĐCS or HTXS in Y−1) for
 * one person, from three sources (research/next-capabilities.md DOC-5). For a year with a stored decision the
 * decisions are the titles: what was awarded wins over what was typed and over what the service found
 * eligible. Otherwise a title from the service or the typed cell counts, as before. The level is the
 * service's, else the typed one. Years before `year` only, latest first; `notes` says which source was used.
 */
export function mergeTitleHistory(year: number, sources: HistorySources): { history: SourcedTitleYear[]; notes: string[] } {
  const years = new Set<number>();
  for (const h of [...sources.service, ...sources.sheet]) if (h.year < year) years.add(h.year);
  const decided = sources.decisions.filter((d) => d.holder === 'person' && d.achievementYear < year && PERSON_TITLES.has(d.title));
  for (const d of decided) years.add(d.achievementYear);

  const history: SourcedTitleYear[] = [];
  const notes: string[] = [];
  for (const y of [...years].sort((a, b) => b - a)) {
    const service = sources.service.filter((h) => h.year === y);
    const sheet = sources.sheet.filter((h) => h.year === y);
    const decisions = decided.filter((d) => d.achievementYear === y);
    const level: Level | null = service.find((h) => h.level !== null)?.level ?? sheet.find((h) => h.level !== null)?.level ?? null;
    const typed = unique(sheet.flatMap((h) => h.titles));
    if (decisions.length > 0) {
      const titles = unique(decisions.map((d) => d.title as PersonTitle));
      history.push({ year: y, level, titles, titleSources: ['decision'], decisions });
      const dropped = typed.filter((t) => !titles.includes(t));
      notes.push(
        `Năm ${y}: ${titles.map((t) => DOSSIER_TITLE_SHORT[t]).join(', ')} theo ${decisions.map(decisionText).join('; ')}` +
          (dropped.length > 0 ? ` (không dùng «Danh hiệu các năm trước»: ${dropped.map((t) => DOSSIER_TITLE_SHORT[t]).join(', ')})` : ''),
      );
      continue;
    }
    const fromService = unique(service.flatMap((h) => h.titles));
    const titles = unique([...fromService, ...typed]);
    const titleSources: TitleSource[] = [];
    if (fromService.length > 0) titleSources.push('service');
    if (typed.some((t) => !fromService.includes(t))) titleSources.push('sheet');
    history.push({ year: y, level, titles, titleSources, decisions: [] });
    if (titles.length > 0) {
      const said = titleSources.map((s) => (s === 'service' ? `tính từ dữ liệu năm ${y}` : 'theo khai báo «Danh hiệu các năm trước»')).join(' và ');
      notes.push(`Năm ${y}: ${titles.map((t) => DOSSIER_TITLE_SHORT[t]).join(', ')} ${said} (chưa có quyết định khen thưởng được lưu)`);
    }
  }
  return { history, notes };
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

export function decisionText(d: StoredDecision): string {
  return `Quyết định số ${d.decisionNo} ngày ${formatDate(d.decidedOn)}${d.issuer ? ` của ${d.issuer}` : ''}`;
}

/**
 * Warnings on a recorded decision (DOC-5, DOC-8.5); the product never overrides a decision. «Năm chưa chốt»
 * when its year is still open; «Quyết định khác kết quả xét của Bình Xét» with the proposal's failing
 * conditions when the proposal for that title is not eligible.
 */
export function decisionWarnings(
  yearFinalised: boolean,
  proposal: Pick<TitleProposal<string>, 'eligible' | 'reasons'> | null,
): string[] {
  const warnings: string[] = [];
  if (!yearFinalised) warnings.push('Năm chưa chốt: kết quả xét của Bình Xét có thể còn thay đổi');
  if (proposal && !proposal.eligible) {
    const failing = failingConditions(proposal);
    warnings.push(`Quyết định khác kết quả xét của Bình Xét: ${failing.length > 0 ? failing.join('; ') : 'chưa đủ điều kiện'}`);
  }
  return warnings;
}
