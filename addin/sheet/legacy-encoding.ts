/**
 * Text typed with the pre-Unicode Vietnamese fonts (TCVN3 "ABC" .VnTime, VNI-Times) reads, once the font is
 * gone, as Latin-1 soup: TCVN3 "Hä vµ tªn", VNI "Hoï vaø teân" for "Họ và tên". Both use code points that
 * Unicode Vietnamese never needs; TCVN3 replaces a whole vowel by one of them (after a consonant), VNI
 * writes a plain vowel followed by a mark character. Any letter only Unicode has (ă, đ, ơ, ư, ạ…ỹ) means
 * the text is Unicode.
 */

export type LegacyEncoding = 'TCVN3' | 'VNI';

const TCVN3_STRONG = 1;
const LEGACY_LETTER = 2;
const VNI_TONE = 4;

const FLAGS = new Uint8Array(256);
// TCVN3's vowels and đ in 0xA1–0xBE (¡¢£¤¥¦§¨©ª«¬­®µ¶¸¹º»¼½¾); ¯–´ and · are left out: they occur as punctuation.
for (const ch of '¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶¸¹º»¼½¾') FLAGS[ch.charCodeAt(0)]! |= TCVN3_STRONG;
// Latin-1 letters that are not Vietnamese letters.
for (const ch of 'ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñöø÷ûüþÿ') FLAGS[ch.charCodeAt(0)]! |= LEGACY_LETTER;
// VNI's tone marks written after a vowel: sắc ù, huyền ø, hỏi û, ngã õ, nặng ï.
for (const ch of 'ùøûõïÙØÛÕÏ') FLAGS[ch.charCodeAt(0)]! |= VNI_TONE;

const UNICODE_ONLY = /[ăđĩũơưĂĐĨŨƠƯ\u1ea0-\u1ef9\u0300-\u0323]/;
/** Cheap first look, compiled once: any character or pair that can only come from a legacy font. */
const LEGACY_HINT =
  /[¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶¸¹º»¼½¾ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñöø÷ûüþÿ]|[aeiouyAEIOUY][ùõÙÕ]|[aeoAEO][âÂ]|[aA][êÊéèÉÈ]|[aeAE][áàãÁÀÃ]/;

function isAsciiVowel(code: number): boolean {
  switch (code | 0x20) {
    case 0x61: // a
    case 0x65: // e
    case 0x69: // i
    case 0x6f: // o
    case 0x75: // u
    case 0x79: // y
      return true;
    default:
      return false;
  }
}

const VNI_BASES = new Set(['ô', 'Ô', 'ö', 'Ö', 'â', 'Â', 'ê', 'Ê'].map((ch) => ch.charCodeAt(0)));

/** VNI bases that take a following mark: plain vowels and its ơ (ô), ư (ö), â, ê. */
function isVniBase(code: number): boolean {
  return isAsciiVowel(code) || VNI_BASES.has(code);
}

function isLetter(code: number): boolean {
  const ascii = (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return ascii || (code >= 0xc0 && code <= 0x24f) || code === 0xa7;
}

/** VNI marks after a plain vowel that no Unicode Vietnamese syllable has ("eâ" = ê, "aê" = ă, "eá" = ế). */
function vniPair(prev: number, code: number): boolean {
  const p = prev | 0x20;
  switch (code | 0x20) {
    case 0xe2: // â (ê, ô, â written as e, o, a + â)
      return p === 0x61 || p === 0x65 || p === 0x6f;
    case 0xea: // ê, é, è after a: ă and its tones
    case 0xe9:
    case 0xe8:
      return p === 0x61;
    case 0xe1: // á, à, ã after a or e: the tones of â and ê
    case 0xe0:
    case 0xe3:
      return p === 0x61 || p === 0x65;
    case 0xf9: // ù, õ: sắc and ngã
    case 0xf5:
      return isAsciiVowel(prev);
    default:
      return false;
  }
}

/** The legacy encoding a cell's text seems typed in, or null for Unicode (or too little to tell). */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  if (!LEGACY_HINT.test(text) || UNICODE_ONLY.test(text)) return null;
  let tcvn = 0;
  let vni = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xa1 || code > 0xff) continue;
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0x20;
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0x20;
    const flags = FLAGS[code]!;
    if (flags & TCVN3_STRONG) {
      tcvn += 2;
    } else if ((code === 0xf1 || code === 0xd1) && !isLetter(prev) && isVniBase(next)) {
      vni += 2; // VNI đ / Đ starting a word
    } else if (isVniBase(prev) && (flags & VNI_TONE || vniPair(prev, code))) {
      vni += 2;
    } else if (flags & LEGACY_LETTER) {
      tcvn += 1;
    }
  }
  if (Math.max(tcvn, vni) < 2) return null;
  return tcvn >= vni ? 'TCVN3' : 'VNI';
}
