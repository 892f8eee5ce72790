import type { DossierSettings, RegistrationGate } from '../../contract/dossier-settings.ts';
import type { Holder } from '../../contract/dossier-titles.ts';
import { DOSSIER_TITLE_SHORT, type DossierTitle } from '../../contract/dossier-titles.ts';
import type { TitleProposal } from '../year-types.ts';
import { registeredTitle, type RegistrationInput } from './registration-input.ts';
import { TRACK_RANKS, rankOn, titleAt, tracksOf, type Track } from './tracks.ts';

export const COMPARISON_OUTCOMES = ['Đạt', 'Vượt đăng ký', 'Chưa đạt', 'Không đăng ký', 'Không có dữ liệu năm'] as const;
export type ComparisonOutcome = (typeof COMPARISON_OUTCOMES)[number];

export interface TrackComparison {
  track: Track;
  registered: DossierTitle | null;
  /** The highest title of the track the proposals find eligible. */
  top: DossierTitle | null;
  /** Null: nothing to compare (neither registered nor eligible), a blank cell. */
  outcome: ComparisonOutcome | null;
  reasons: string[];
}

const FAILED = 'Không đạt: ';

/** The conditions a proposal missed, from its own reasons (RULES.md §6), without the «Không đạt:» mark. */
export function failingConditions(proposal: Pick<TitleProposal, 'reasons'>): string[] {
  return proposal.reasons.filter((r) => r.startsWith(FAILED)).map((r) => r.slice(FAILED.length));
}

/** The gate a track is under: commendations only when `registrationGateAwards` (REG-4). */
export function gateOf(track: Track, settings: Pick<DossierSettings, 'registrationGate' | 'registrationGateAwards'>): RegistrationGate {
  return track === 'award' && !settings.registrationGateAwards ? 'off' : settings.registrationGate;
}

function unregisteredText(top: DossierTitle, gate: RegistrationGate): string {
  const eligible = `Đủ điều kiện ${DOSSIER_TITLE_SHORT[top]}`;
  if (gate === 'off') return `${eligible}; Luật TĐKT 2022 Điều 7 không yêu cầu đăng ký`;
  if (gate === 'warn') return `${eligible}; không đăng ký thi đua (theo quy chế đơn vị, registrationGate = warn)`;
  return `${eligible} theo dữ liệu; không đăng ký thi đua — điều kiện của quy chế đơn vị (registrationGate = require), không phải của Luật TĐKT 2022`;
}

/**
 * The year-end comparison of a holder's registration with the title proposals (research/next-capabilities.md
 * REG-3), one entry per track. `proposals` are the existing proposals, unchanged by any gate; null when the
 * holder has no data for the year (left, no months). The registration follows the staff code, whatever unit
 * the person ends the year in.
 */
export function compareRegistration(
  holder: Holder,
  registration: RegistrationInput | null,
  proposals: readonly TitleProposal[] | null,
  settings: Pick<DossierSettings, 'registrationGate' | 'registrationGateAwards'>,
): TrackComparison[] {
  return tracksOf(holder).map((track) => {
    const registered = registeredTitle(registration, track);
    const reg = rankOn(track, registered);
    if (proposals === null) {
      return { track, registered, top: null, outcome: reg > 0 ? 'Không có dữ liệu năm' : null, reasons: [] };
    }
    const onTrack = proposals.filter((p) => TRACK_RANKS[track][p.title as DossierTitle] !== undefined);
    const topRank = Math.max(0, ...onTrack.filter((p) => p.eligible).map((p) => rankOn(track, p.title as DossierTitle)));
    const top = titleAt(track, topRank);
    const short = (t: DossierTitle | null) => (t ? DOSSIER_TITLE_SHORT[t] : '');

    if (reg === 0) {
      return top
        ? { track, registered, top, outcome: 'Không đăng ký', reasons: [unregisteredText(top, gateOf(track, settings))] }
        : { track, registered, top, outcome: null, reasons: [] };
    }
    if (topRank === reg) return { track, registered, top, outcome: 'Đạt', reasons: [] };
    if (topRank > reg) {
      return { track, registered, top, outcome: 'Vượt đăng ký', reasons: [`Đủ điều kiện ${short(top)} (đăng ký ${short(registered)})`] };
    }
    const proposal = onTrack.find((p) => p.title === registered);
    if (!proposal) {
      // No rule of RULES.md §6 proposes this title for this holder (e.g. Giấy khen for a collective).
      return { track, registered, top, outcome: null, reasons: [`Bình Xét không xét ${short(registered)} cho đối tượng này: Hội đồng đối chiếu`] };
    }
    const failing = failingConditions(proposal);
    const why = failing.length > 0 ? failing.join('; ') : 'chưa đủ điều kiện';
    const reason = top ? `Chưa đủ ${short(registered)}: ${why}; đủ điều kiện ${short(top)}` : `Chưa đủ ${short(registered)}: ${why}`;
    return { track, registered, top, outcome: 'Chưa đạt', reasons: [reason] };
  });
}

export type ComparisonCounts = Record<Exclude<ComparisonOutcome, 'Không có dữ liệu năm'>, number>;

/** The "Đối chiếu đăng ký" table: per track, how many holders reached, passed, missed or never registered. */
export function summariseComparisons(comparisons: readonly TrackComparison[]): Record<Track, ComparisonCounts> {
  const empty = (): ComparisonCounts => ({ Đạt: 0, 'Vượt đăng ký': 0, 'Chưa đạt': 0, 'Không đăng ký': 0 });
  const out: Record<Track, ComparisonCounts> = { 'person-title': empty(), 'unit-title': empty(), award: empty() };
  for (const c of comparisons) {
    if (c.outcome !== null && c.outcome !== 'Không có dữ liệu năm') out[c.track][c.outcome]++;
  }
  return out;
}
