import { z } from 'zod';
import { foldDiacritics } from './text.ts';

/**
 * Titles and commendations as the year's dossier sheets write them (registration, votes, decisions), read
 * from the usual spellings: "Lao động tiên tiến", "LĐTT", "CSTĐ cơ sở", "Tập thể LĐXS", "TTLĐXS", "Bằng khen
 * UBND tỉnh"… Identifiers are those of the title proposals (RULES.md §6).
 */
export const DOSSIER_TITLES = ['LDTT', 'CSTDCS', 'CSTD_TINH', 'BANG_KHEN_TINH', 'GIAY_KHEN', 'TT_LDTT', 'TT_LDXS'] as const;
export type DossierTitle = (typeof DOSSIER_TITLES)[number];

export const HOLDERS = ['person', 'unit'] as const;
export type Holder = (typeof HOLDERS)[number];

/** Emulation titles (danh hiệu) each holder may carry; commendations (hình thức) are for both. */
export const PERSON_EMULATION_TITLES = ['LDTT', 'CSTDCS', 'CSTD_TINH'] as const satisfies readonly DossierTitle[];
export const UNIT_EMULATION_TITLES = ['TT_LDTT', 'TT_LDXS'] as const satisfies readonly DossierTitle[];
export const AWARD_TITLES = ['GIAY_KHEN', 'BANG_KHEN_TINH'] as const satisfies readonly DossierTitle[];

export const DOSSIER_TITLE_LABELS: Record<DossierTitle, string> = {
  LDTT: 'Lao động tiên tiến',
  CSTDCS: 'Chiến sĩ thi đua cơ sở',
  CSTD_TINH: 'Chiến sĩ thi đua cấp tỉnh',
  BANG_KHEN_TINH: 'Bằng khen của Chủ tịch UBND tỉnh',
  GIAY_KHEN: 'Giấy khen',
  TT_LDTT: 'Tập thể lao động tiên tiến',
  TT_LDXS: 'Tập thể lao động xuất sắc',
};

/** Short forms for messages, as offices write them. */
export const DOSSIER_TITLE_SHORT: Record<DossierTitle, string> = {
  LDTT: 'LĐTT',
  CSTDCS: 'CSTĐCS',
  CSTD_TINH: 'CSTĐ cấp tỉnh',
  BANG_KHEN_TINH: 'Bằng khen UBND tỉnh',
  GIAY_KHEN: 'Giấy khen',
  TT_LDTT: 'Tập thể LĐTT',
  TT_LDXS: 'Tập thể LĐXS',
};

/** Folded spellings: no diacritics, dots and dashes as spaces, single spaces. */
const TITLE_WORDS: Record<string, DossierTitle> = {
  ldtt: 'LDTT',
  'lao dong tien tien': 'LDTT',
  'danh hieu lao dong tien tien': 'LDTT',
  cstdcs: 'CSTDCS',
  'cstd cs': 'CSTDCS',
  'cstd co so': 'CSTDCS',
  'chien si thi dua co so': 'CSTDCS',
  'danh hieu chien si thi dua co so': 'CSTDCS',
  'cstd tinh': 'CSTD_TINH',
  'cstd cap tinh': 'CSTD_TINH',
  'chien si thi dua tinh': 'CSTD_TINH',
  'chien si thi dua cap tinh': 'CSTD_TINH',
  bk: 'BANG_KHEN_TINH',
  'bang khen': 'BANG_KHEN_TINH',
  'bk tinh': 'BANG_KHEN_TINH',
  'bk ubnd tinh': 'BANG_KHEN_TINH',
  'bang khen tinh': 'BANG_KHEN_TINH',
  'bang khen ubnd tinh': 'BANG_KHEN_TINH',
  'bang khen cua ubnd tinh': 'BANG_KHEN_TINH',
  'bang khen chu tich ubnd tinh': 'BANG_KHEN_TINH',
  'bang khen cua chu tich ubnd tinh': 'BANG_KHEN_TINH',
  gk: 'GIAY_KHEN',
  'giay khen': 'GIAY_KHEN',
  'giay khen tap the': 'GIAY_KHEN',
  ttldtt: 'TT_LDTT',
  'tt ldtt': 'TT_LDTT',
  'tap the ldtt': 'TT_LDTT',
  'tap the lao dong tien tien': 'TT_LDTT',
  ttldxs: 'TT_LDXS',
  'tt ldxs': 'TT_LDXS',
  'tap the ldxs': 'TT_LDXS',
  'tap the lao dong xuat sac': 'TT_LDXS',
};

export function foldTitleWord(text: string): string {
  return foldDiacritics(text).replace(/["“”«»]/g, '').replace(/[.\-–]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The title a cell names, or undefined. */
export function parseDossierTitle(text: string): DossierTitle | undefined {
  return TITLE_WORDS[foldTitleWord(text)];
}

const blank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** A title cell limited to `allowed`; a known title outside it is left as typed, so the message names it. */
export function titleField(label: string, allowed: readonly DossierTitle[]) {
  const names = allowed.map((t) => DOSSIER_TITLE_SHORT[t]).join(', ');
  return z.preprocess(
    (value) => (blank(value) ? undefined : typeof value === 'string' ? (parseDossierTitle(value) ?? value) : value),
    z.enum(allowed as unknown as [DossierTitle, ...DossierTitle[]], { error: `${label} phải là một trong: ${names}` }).optional(),
  );
}

const HOLDER_WORDS: Record<string, Holder> = {
  'ca nhan': 'person',
  cn: 'person',
  'tap the': 'unit',
  tt: 'unit',
  'don vi': 'unit',
};

export const holderField = (label: string) =>
  z.preprocess(
    (value) => (blank(value) ? undefined : typeof value === 'string' ? (HOLDER_WORDS[foldDiacritics(value)] ?? value) : value),
    z.enum(HOLDERS, { error: `${label} phải là "Cá nhân" hoặc "Tập thể"` }).optional(),
  );

/** Whether a title fits a holder: a person never carries a collective's title, nor a collective a person's. */
export function titleFitsHolder(title: DossierTitle, holder: Holder): boolean {
  if ((AWARD_TITLES as readonly string[]).includes(title)) return true;
  const forUnit = (UNIT_EMULATION_TITLES as readonly string[]).includes(title);
  return holder === 'unit' ? forUnit : !forUnit;
}

/** «"Tập thể LĐXS" chỉ đăng ký cho tập thể» and its person counterpart. */
export function holderMismatchMessage(title: DossierTitle, holder: Holder, verb: string): string {
  const forWhom = holder === 'unit' ? 'cá nhân' : 'tập thể';
  return `"${DOSSIER_TITLE_SHORT[title]}" chỉ ${verb} cho ${forWhom}`;
}
