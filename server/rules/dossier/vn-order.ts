import { cleanText, matchKey } from '../../contract/text.ts';

// Vietnamese dictionary order (a < ă < â, d < đ, tones after the base letter), as lists are signed off.
const collator = new Intl.Collator('vi');

/** The given name (tên) is the last word of a Vietnamese full name. */
export function givenName(fullName: string): string {
  const words = cleanText(fullName).split(' ');
  return words[words.length - 1] ?? '';
}

/** By given name, then the full name, in Vietnamese collation (research/next-capabilities.md DOC-1 [I]). */
export function compareVietnameseNames(a: string, b: string): number {
  return collator.compare(givenName(a), givenName(b)) || collator.compare(cleanText(a), cleanText(b));
}

export function compareVietnamese(a: string, b: string): number {
  return collator.compare(cleanText(a), cleanText(b));
}

/**
 * The organisation's unit order: a unit's place in its list; units not in it come after, in Vietnamese
 * collation of their names.
 */
export function unitOrder(units: readonly string[]): (a: string, b: string) => number {
  const place = new Map(units.map((u, i) => [matchKey(u), i] as const));
  return (a, b) => {
    const pa = place.get(matchKey(a)) ?? units.length;
    const pb = place.get(matchKey(b)) ?? units.length;
    return pa - pb || compareVietnamese(a, b);
  };
}
