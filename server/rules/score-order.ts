import { toTenths } from './bands.ts';

/** Whole tenths of each row's score, NaN where there is none. */
export function scoreTenths(rows: readonly { score: number | null }[]): Float64Array {
  const tenths = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const score = rows[i]!.score;
    tenths[i] = score === null ? Number.NaN : toTenths(score);
  }
  return tenths;
}

/**
 * The given scored row indices, best score first and equal scores in input order. Each index is packed
 * with its score into one number so a native numeric typed-array sort does the work: at 50,000 rows a
 * comparator sort over objects costs several times more.
 */
export function orderByScoreDesc(indices: readonly number[], tenths: Float64Array): Int32Array {
  const size = tenths.length;
  let best = Number.NEGATIVE_INFINITY;
  for (const i of indices) if (tenths[i]! > best) best = tenths[i]!;
  const packed = new Float64Array(indices.length);
  for (let pos = 0; pos < indices.length; pos++) {
    const i = indices[pos]!;
    packed[pos] = (best - tenths[i]!) * size + i;
  }
  packed.sort();
  const order = new Int32Array(indices.length);
  for (let pos = 0; pos < packed.length; pos++) order[pos] = packed[pos]! % size;
  return order;
}
