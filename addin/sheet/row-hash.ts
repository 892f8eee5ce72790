import { personRowSchema } from '../../server/contract/person-row.ts';
import { unitRowSchema } from '../../server/contract/unit-row.ts';

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

/** Every field a validated row can hold, in name order; its origin (`ref`) and base version are not values. */
const FIELDS = [...new Set([...Object.keys(personRowSchema.in.shape), ...Object.keys(unitRowSchema.in.shape)])]
  .filter((key) => key !== 'ref' && key !== 'baseVersion')
  .sort();

/**
 * The hash of a row's validated values, keyed by field name and in name order, so it is the same wherever
 * the row sits and whatever the column order; blank (undefined or null) fields are left out.
 */
export function rowHash(value: Readonly<Record<string, unknown>>): string {
  start(0);
  for (let i = 0; i < FIELDS.length; i++) {
    const key = FIELDS[i]!;
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
