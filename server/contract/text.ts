/**
 * Text normalisation shared by the service and the add-in: names are kept as typed, and compared after
 * NFC, trimming, collapsing inner spaces and case folding, so Unicode composed and decomposed input
 * (different Vietnamese keyboards) match.
 */
export function cleanText(value: string): string {
  return value.normalize('NFC').replace(/[\s\u00a0]+/g, ' ').trim();
}

// Built once: written inline, the transpiler turns this literal into a `new RegExp` on every call (twice the time).
// What XML 1.0 cannot hold (its Char production): C0 controls but tab, LF and CR; U+FFFE, U+FFFF; a lone
// surrogate (PostgreSQL would get U+FFFD). An .xlsx is XML: one such character makes the whole file unreadable.
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/u;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'gu');

/** Text PostgreSQL and an .xlsx can both hold; anything else is refused with a message rather than stored altered. */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/** The Vietnamese message for a field holding such a character, naming the first one ("U+FFFE"). */
export function unstorableMessage(label: string, value: unknown): string {
  const found = typeof value === 'string' ? UNSTORABLE.exec(value)?.[0] : undefined;
  const code = found === undefined ? '' : ` U+${found.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return `${label} chứa ký tự${code} không hợp lệ (ký tự điều khiển, NUL hoặc mã Unicode lỗi: Excel và cơ sở dữ liệu không lưu được); hãy xóa ký tự đó`;
}

/** zod's `refine` parameters giving that message, so every field refusing such a character names it. */
export function unstorableIssue(label: string) {
  return { error: (issue: { input?: unknown }) => unstorableMessage(label, issue.input) };
}

/**
 * The workbook writers' last line of defence: text stored before the contract refused these characters
 * (or from anywhere else) is written without them, so a written .xlsx always opens.
 */
export function xmlSafeText(value: string): string {
  return UNSTORABLE.test(value) ? value.replace(UNSTORABLE_ALL, '') : value;
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
