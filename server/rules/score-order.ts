import { toHundredths } from './bands.ts';

/** Whole hundredths of each row's score (yearly means have two decimals), NaN where there is none. */
export function scoreHundredths(rows: readonly { score: number | null }[]): Float64Array {
  const hundredths = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const score = rows[i]!.score;
    hundredths[i] = score === null ? Number.NaN : toHundredths(score);
  }
  return hundredths;
}

/**
 * The given scored row indices, best score first and equal scores in input order. Each index is packed
 * with its score into one number so a native numeric typed-array sort does the work: at 50,000 rows a
 * comparator sort over objects costs several times more.
 */
export function orderByScoreDesc(indices: readonly number[], hundredths: Float64Array): Int32Array {
  const size = hundredths.length;
  let best = Number.NEGATIVE_INFINITY;
  for (const i of indices) if (hundredths[i]! > best) best = hundredths[i]!;
  const packed = new Float64Array(indices.length);
  for (let pos = 0; pos < indices.length; pos++) {
    const i = indices[pos]!;
    packed[pos] = (best - hundredths[i]!) * size + i;
  }
  packed.sort();
  const order = new Int32Array(indices.length);
  for (let pos = 0; pos < packed.length; pos++) order[pos] = packed[pos]! % size;
  return order;
}
