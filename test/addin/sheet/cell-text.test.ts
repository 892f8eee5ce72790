import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tidyText } from '../../../addin/sheet/cell-text.ts';
import { cleanText } from '../../../server/contract/text.ts';

/** The look tidyText used to take, char code by char code: kept as the definition the pattern must match. */
function tidyByCodes(value: string): string {
  if (value.length === 0) return value;
  let previousSpace = true;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x20) {
      if (previousSpace) return cleanText(value);
      previousSpace = true;
      continue;
    }
    previousSpace = false;
    if (c < 0x20 || c === 0xa0 || (c >= 0x300 && (c < 0x1e00 || c > 0x1eff))) return cleanText(value);
  }
  return previousSpace ? cleanText(value) : value;
}

describe('tidyText', () => {
  // Both sides of every boundary the look tests, spaces of every kind, and ordinary Vietnamese and ASCII.
  const TRICKY = [
    ...' \t\n\r\u000b\u001f!~\u007f\u0080\u009f\u00a0\u00a1\u00ffĂăĐđƯư\u02ff\u0300\u0301\u0323\u1dff\u1e00\u1ea1\u1eff\u1f00',
    ...'\u1680\u2000\u200b\u2028\u3000\ufeff\ud83d\ude00\udc00aAzZ09',
    'Lò', 'Văn', 'Long', 'Họ và tên'.normalize('NFD'), 'Khoa Xây dựng Đảng',
  ];
  const text = fc.array(fc.constantFrom(...TRICKY), { maxLength: 10 }).map((parts) => parts.join(''));

  it('cleans exactly the text the char-code look cleaned, and returns clean text itself', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 8 })), (value) => {
        const tidy = tidyText(value);
        expect(tidy).toBe(tidyByCodes(value));
        if (tidy === value) expect(cleanText(value)).toBe(value);
      }),
      { numRuns: 20_000 },
    );
  });
});
