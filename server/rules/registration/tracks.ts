import type { DossierTitle, Holder } from '../../contract/dossier-titles.ts';

/**
 * The ladders a registration is compared on (research/next-capabilities.md REG-3): a person's emulation
 * titles CSTĐ cấp tỉnh 3 > CSTĐCS 2 > LĐTT 1, a collective's Tập thể LĐXS 2 > Tập thể LĐTT 1, and
 * commendations Bằng khen UBND tỉnh 2 > Giấy khen 1 for either.
 */
export type Track = 'person-title' | 'unit-title' | 'award';

export const TRACK_RANKS: Record<Track, Partial<Record<DossierTitle, number>>> = {
  'person-title': { LDTT: 1, CSTDCS: 2, CSTD_TINH: 3 },
  'unit-title': { TT_LDTT: 1, TT_LDXS: 2 },
  award: { GIAY_KHEN: 1, BANG_KHEN_TINH: 2 },
};

export const TRACK_LABELS: Record<Track, string> = {
  'person-title': 'Danh hiệu cá nhân',
  'unit-title': 'Danh hiệu tập thể',
  award: 'Hình thức khen thưởng',
};

export function tracksOf(holder: Holder): Track[] {
  return holder === 'person' ? ['person-title', 'award'] : ['unit-title', 'award'];
}

export function trackOf(title: DossierTitle, holder: Holder): Track | null {
  const track = holder === 'person' ? 'person-title' : 'unit-title';
  if (TRACK_RANKS[track][title] !== undefined) return track;
  return TRACK_RANKS.award[title] !== undefined ? 'award' : null;
}

/** 0 when the title is not on the track. */
export function rankOn(track: Track, title: DossierTitle | null | undefined): number {
  return title ? (TRACK_RANKS[track][title] ?? 0) : 0;
}

export function titleAt(track: Track, rank: number): DossierTitle | null {
  const entry = Object.entries(TRACK_RANKS[track]).find(([, r]) => r === rank);
  return entry ? (entry[0] as DossierTitle) : null;
}
