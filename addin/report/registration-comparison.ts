import { DOSSIER_TITLE_SHORT, type DossierTitle } from '../../server/contract/dossier-titles.ts';
import type { RegistrationComparison, YearProposals } from '../../server/contract/year-results.ts';
import { TRACK_LABELS, type Track } from '../../server/rules/registration/tracks.ts';
import type { PlacedTable, ReportLayout } from './layout.ts';

/**
 * The section "Đối chiếu đăng ký thi đua" of "Đề nghị khen thưởng <YYYY>" (research/next-capabilities.md
 * REG-3): per ladder, how many holders reached, passed or missed what they registered, and how many qualify
 * without registering; then each holder's comparison with the failing conditions.
 */

const OUTCOMES = ['Đạt', 'Vượt đăng ký', 'Chưa đạt', 'Không đăng ký'] as const;
const TRACKS: readonly Track[] = ['person-title', 'unit-title', 'award'];

export const COMPARISON_HEADER = [
  'Đối tượng', 'Mã CB / Đơn vị', 'Họ và tên', 'Loại', 'Đăng ký', 'Đủ điều kiện cao nhất', 'Kết quả so với đăng ký', 'Giải thích',
] as const;

const short = (t: string | null) => (t ? (DOSSIER_TITLE_SHORT[t as DossierTitle] ?? t) : '');

interface Holder {
  kind: string;
  key: string;
  name: string;
  registration: readonly RegistrationComparison[];
}

export function comparisonSection(sheet: ReportLayout, proposals: YearProposals, heading: string): { counts: PlacedTable; holders: PlacedTable } {
  const holders: Holder[] = [
    ...proposals.units.map((u) => ({ kind: 'Tập thể', key: u.unit, name: '', registration: u.registration })),
    ...proposals.people.map((p) => ({ kind: 'Cá nhân', key: p.code, name: p.name, registration: p.registration })),
  ];
  const all = holders.flatMap((h) => h.registration.filter((c) => c.outcome !== null).map((c) => ({ h, c })));
  sheet.heading(heading);
  sheet.line(['Lưu ý', 'Luật TĐKT 2022 Điều 7 không yêu cầu đăng ký thi đua; đối chiếu để Hội đồng theo dõi kế hoạch của đơn vị']);
  const counts = sheet.table(
    ['Loại', ...OUTCOMES],
    TRACKS.map((track) => [TRACK_LABELS[track], ...OUTCOMES.map((o) => all.filter(({ c }) => c.track === track && c.outcome === o).length)]),
  );
  sheet.blank();
  const rows = sheet.table(
    COMPARISON_HEADER,
    all.map(({ h, c }) => [h.kind, h.key, h.name, TRACK_LABELS[c.track], short(c.registered), short(c.top), c.outcome, c.reasons.join('; ')]),
  );
  if (all.length === 0) sheet.note('Chưa có đăng ký thi đua nào, và không ai đủ điều kiện danh hiệu.');
  return { counts, holders: rows };
}
