import { shapeOf } from './contract-check.ts';
import { SHEET_KINDS } from './sheet-kinds.ts';
import type { SheetKind } from './types.ts';

/**
 * A change detector for rows, not a security measure: cyrb53 (two 32-bit multiply-xor lanes folded into
 * 53 bits), fast on short strings and stable across runs and machines. Rows are fed field by field into
 * the two lanes, so no string is built per row.
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

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function digest(): string {
  let a = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  a ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  let b = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  b ^= Math.imul(a ^ (a >>> 13), 3266489909);
  // 53 bits as 14 hex digits: 21 bits of the second lane, all 32 of the first.
  return (
    HEX[(b >>> 16) & 0x1f]! + HEX[(b >>> 8) & 0xff]! + HEX[b & 0xff]! +
    HEX[a >>> 24]! + HEX[(a >>> 16) & 0xff]! + HEX[(a >>> 8) & 0xff]! + HEX[a & 0xff]!
  );
}

export function hash53(text: string, seed = 0): string {
  start(seed);
  feed(text);
  return digest();
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

/**
 * The hash of a row's validated values, keyed by field name and in name order, so it is the same wherever
 * the row sits and whatever the column order; blank (undefined or null) fields are left out.
 */
export function rowHash(value: Readonly<Record<string, unknown>>, kind?: SheetKind): string {
  const fields = (kind && KIND_FIELDS.get(kind)) || FIELDS;
  start(0);
  for (let i = 0; i < fields.length; i++) {
    const key = fields[i]!;
    const v = value[key];
    if (v === undefined || v === null) continue;
    feed(key);
    if (typeof v === 'string') {
      feed('\u0001s');
      feed(v);
    } else {
      feed(typeof v === 'number' ? '\u0001n' : '\u0001o');
      feed(typeof v === 'object' ? JSON.stringify(v) : String(v));
    }
    feed('\u0002');
  }
  return digest();
}
