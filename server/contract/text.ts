/**
 * Text normalisation shared by the service and the add-in: names are kept as typed, and compared after
 * NFC, trimming, collapsing inner spaces and case folding, so Unicode composed and decomposed input
 * (different Vietnamese keyboards) match.
 */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim();
}

// Built once: written inline, the transpiler turns this literal into a `new RegExp` on every call (twice the time).
const UNSTORABLE = /\u0000|\p{Cs}/u;

/**
 * PostgreSQL text cannot hold U+0000, and a lone UTF-16 surrogate would reach it as U+FFFD: such text is
 * refused with a message rather than stored altered.
 */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

export function matchKey(value: string): string {
  return cleanText(value).toLowerCase();
}

/** Removes diacritics (đ → d too), for header matching where "Ho ten" must equal "Họ tên". */
export function foldDiacritics(value: string): string {
  return matchKey(value)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd');
}

/** Numbers typed in Vietnamese sheets: "85,5", " 85.5 ", "85". Returns undefined when not a number. */
export function parseVnNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/[\s\u00a0]/g, '');
  if (!/^[-+]?(\d+([.,]\d*)?|[.,]\d+)$/.test(text)) return undefined;
  return Number(text.replace(',', '.'));
}
