import type { DossierTitle, Holder } from '../../contract/dossier-titles.ts';

/** Blocks of the proposal list, highest first (research/next-capabilities.md DOC-1). */
export const PERSON_BLOCKS: readonly DossierTitle[] = ['CSTD_TINH', 'BANG_KHEN_TINH', 'CSTDCS', 'LDTT', 'GIAY_KHEN'];
export const UNIT_BLOCKS: readonly DossierTitle[] = ['TT_LDXS', 'BANG_KHEN_TINH', 'TT_LDTT', 'GIAY_KHEN'];

/**
 * Who decides: the head of the unit for LĐTT, CSTĐCS, Tập thể LĐTT and Giấy khen (Luật TĐKT Điều 80 k1); the
 * province for the others (Bắc Ninh QĐ 86/2025 Điều 5). Whether this holds for a Tỉnh ủy-run school is [U].
 */
export type Authority = 'unit-head' | 'upward';
export const AUTHORITY: Record<DossierTitle, Authority> = {
  LDTT: 'unit-head',
  CSTDCS: 'unit-head',
  TT_LDTT: 'unit-head',
  GIAY_KHEN: 'unit-head',
  CSTD_TINH: 'upward',
  BANG_KHEN_TINH: 'upward',
  TT_LDXS: 'upward',
};

const EMULATION: ReadonlySet<DossierTitle> = new Set(['LDTT', 'CSTDCS', 'CSTD_TINH', 'TT_LDTT', 'TT_LDXS']);

export function isEmulationTitle(title: DossierTitle): boolean {
  return EMULATION.has(title);
}

export function holderWord(holder: Holder): string {
  return holder === 'person' ? 'cá nhân' : 'tập thể';
}
