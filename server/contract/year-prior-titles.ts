import { LEVELS, type Level } from './levels.ts';
import { foldDiacritics } from './text.ts';

/**
 * The "Danh hiệu các năm trước" cell of the yearly sheet: titles and levels of earlier years the service
 * has no data for, e.g. "CSTĐCS 2019, CSTĐCS 2020, HTXS 2020" or "CSTĐCS 2019, 2020" (a year alone
 * repeats the title before it). Separators: comma or semicolon.
 */
export const PRIOR_TITLE_IDS = ['LDTT', 'CSTDCS', 'CSTD_TINH', 'BANG_KHEN_TINH', 'GIAY_KHEN'] as const;
export type PriorTitleId = (typeof PRIOR_TITLE_IDS)[number];

export type PriorTitleEntry = { year: number; title: PriorTitleId } | { year: number; level: Exclude<Level, 'NONE'> };

/** Folded spellings (no diacritics, no dots, single spaces). */
const TITLE_WORDS: Record<string, PriorTitleId> = {
  ldtt: 'LDTT',
  'lao dong tien tien': 'LDTT',
  cstdcs: 'CSTDCS',
  'cstd cs': 'CSTDCS',
  'cstd co so': 'CSTDCS',
  'chien si thi dua co so': 'CSTDCS',
  'cstd tinh': 'CSTD_TINH',
  'cstd cap tinh': 'CSTD_TINH',
  'chien si thi dua tinh': 'CSTD_TINH',
  'chien si thi dua cap tinh': 'CSTD_TINH',
  bk: 'BANG_KHEN_TINH',
  'bang khen': 'BANG_KHEN_TINH',
  'bk tinh': 'BANG_KHEN_TINH',
  'bang khen tinh': 'BANG_KHEN_TINH',
  'bang khen ubnd tinh': 'BANG_KHEN_TINH',
  'bang khen chu tich ubnd tinh': 'BANG_KHEN_TINH',
  gk: 'GIAY_KHEN',
  'giay khen': 'GIAY_KHEN',
};
const LEVEL_WORDS = new Map(LEVELS.filter((l) => l !== 'NONE').map((l) => [l.toLowerCase(), l as Exclude<Level, 'NONE'>]));

export const PRIOR_TITLES_EXAMPLE = 'CSTĐCS 2019, CSTĐCS 2020, HTXS 2020';

export type PriorTitlesParse = { ok: true; entries: PriorTitleEntry[] } | { ok: false; part: string };

export function parsePriorTitles(text: string): PriorTitlesParse {
  const entries: PriorTitleEntry[] = [];
  let previous: string | null = null;
  for (const raw of text.split(/[,;]/)) {
    const part = raw.trim();
    if (part === '') continue;
    const folded = foldDiacritics(part).replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
    const match = /^(.*?)\s*(?:nam\s*)?(\d{4})$/.exec(folded);
    if (!match) return { ok: false, part };
    const word: string | null = match[1]!.trim() || previous;
    if (word === null) return { ok: false, part };
    const year = Number(match[2]);
    const title = TITLE_WORDS[word];
    const level = LEVEL_WORDS.get(word);
    if (title) entries.push({ year, title });
    else if (level) entries.push({ year, level });
    else return { ok: false, part };
    previous = word;
  }
  return { ok: true, entries };
}
