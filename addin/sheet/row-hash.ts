import { shapeOf } from './contract-check.ts';
import { SHEET_KINDS } from './kinds/index.ts';
import type { SheetKind } from './types.ts';

/**
 * A change detector for rows, not a security measure: cyrb53 (two 32-bit multiply-xor lanes folded into
 * 53 bits), fast on short strings and stable across runs and machines. Rows are fed field by field into
 * the two lanes, so no string is built per row. Hashes are kept in the sync state between versions of the
 * add-in: the same row must keep its hash (test/addin/sheet/changes.test.ts pins some).
 */

let h1 = 0;
let h2 = 0;

function start(seed: number): void {
  h1 = 0xdeadbeef ^ seed;
  h2 = 0x41c6ce57 ^ seed;
}

function feed(text: string): void {
  let a = h1;
  let b = h2;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 2654435761);
    b = Math.imul(b ^ ch, 1597334677);
  }
  h1 = a;
  h2 = b;
}

/** Char codes of "0"–"9a"–"f". */
const HEX_CODES = Array.from({ length: 16 }, (_, i) => i.toString(16).charCodeAt(0));

function digest(lane1: number, lane2: number): string {
  let a = Math.imul(lane1 ^ (lane1 >>> 16), 2246822507);
  a ^= Math.imul(lane2 ^ (lane2 >>> 13), 3266489909);
  let b = Math.imul(lane2 ^ (lane2 >>> 16), 2246822507);
  b ^= Math.imul(a ^ (a >>> 13), 3266489909);
  // 53 bits as 14 hex digits: 21 bits of the second lane, all 32 of the first; one string, not seven joined.
  const x = HEX_CODES;
  return String.fromCharCode(
    x[(b >>> 20) & 1]!, x[(b >>> 16) & 15]!, x[(b >>> 12) & 15]!, x[(b >>> 8) & 15]!, x[(b >>> 4) & 15]!, x[b & 15]!,
    x[a >>> 28]!, x[(a >>> 24) & 15]!, x[(a >>> 20) & 15]!, x[(a >>> 16) & 15]!,
    x[(a >>> 12) & 15]!, x[(a >>> 8) & 15]!, x[(a >>> 4) & 15]!, x[a & 15]!,
  );
}

export function hash53(text: string, seed = 0): string {
  start(seed);
  feed(text);
  return digest(h1, h2);
}

const valueKeys = (keys: Iterable<string>) => [...new Set(keys)].filter((key) => key !== 'ref' && key !== 'baseVersion').sort();

/**
 * Every field a validated row of any kind can hold, in name order; its origin (`ref`) and base version are
 * not values. A kind's rows hold only its own fields, so hashing them over their kind's fields alone (in the
 * same order) gives the same hash, with fewer fields to look at.
 */
const FIELDS = valueKeys(Object.values(SHEET_KINDS).flatMap((spec) => Object.keys(shapeOf(spec.schema))));
const KIND_FIELDS = new Map(
  Object.entries(SHEET_KINDS).map(([kind, spec]) => [kind as SheetKind, valueKeys(Object.keys(shapeOf(spec.schema)))]),
);

/** A field's name and the tag of its value's type, as char codes: what goes into the hash before the value. */
interface HashField {
  key: string;
  asString: readonly number[];
  asNumber: readonly number[];
  asOther: readonly number[];
}

const charCodes = (text: string) => Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));
const hashFields = (keys: readonly string[]): HashField[] =>
  keys.map((key) => ({
    key,
    asString: charCodes(`${key}\u0001s`),
    asNumber: charCodes(`${key}\u0001n`),
    asOther: charCodes(`${key}\u0001o`),
  }));
const ALL_HASH_FIELDS = hashFields(FIELDS);
const KIND_HASH_FIELDS = new Map([...KIND_FIELDS].map(([kind, keys]) => [kind, hashFields(keys)]));

/**
 * `String(n)` of the numbers rows hold: a sheet repeats its scores, and printing a fraction costs more than
 * the rest of the row's hash. Bounded: a sheet of distinct amounts only stops being cached.
 */
const NUMBER_TEXT = new Map<number, string>();
const MAX_NUMBER_TEXTS = 4096;

function numberText(n: number): string {
  let text = NUMBER_TEXT.get(n);
  if (text === undefined) {
    text = String(n);
    if (NUMBER_TEXT.size < MAX_NUMBER_TEXTS) NUMBER_TEXT.set(n, text);
  }
  return text;
}

/**
 * The hash of a row's validated values, keyed by field name and in name order, so it is the same wherever
 * the row sits and whatever the column order; blank (undefined or null) fields are left out. Each field
 * feeds `name \u0001 tag value \u0002` (tag s for text, n for a number, o for the rest: objects as JSON,
 * anything else as String), the lanes kept local: 20,000 rows are hashed per sync.
 */
export function rowHash(value: Readonly<Record<string, unknown>>, kind?: SheetKind): string {
  const fields = (kind && KIND_HASH_FIELDS.get(kind)) || ALL_HASH_FIELDS;
  let a = 0xdeadbeef | 0; // as start(0)
  let b = 0x41c6ce57 | 0;
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f]!;
    const v = value[field.key];
    if (v === undefined || v === null) continue;
    let text: string;
    let prefix: readonly number[];
    if (typeof v === 'string') {
      text = v;
      prefix = field.asString;
    } else if (typeof v === 'number') {
      text = numberText(v);
      prefix = field.asNumber;
    } else {
      text = typeof v === 'object' ? JSON.stringify(v) : String(v);
      prefix = field.asOther;
    }
    for (let i = 0; i < prefix.length; i++) {
      const ch = prefix[i]!;
      a = Math.imul(a ^ ch, 2654435761);
      b = Math.imul(b ^ ch, 1597334677);
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      a = Math.imul(a ^ ch, 2654435761);
      b = Math.imul(b ^ ch, 1597334677);
    }
    // \u0002 closes the field.
    a = Math.imul(a ^ 2, 2654435761);
    b = Math.imul(b ^ 2, 1597334677);
  }
  return digest(a, b);
}
