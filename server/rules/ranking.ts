import { matchKey } from '../contract/text.ts';
import { orderByScoreDesc, scoreHundredths } from './score-order.ts';

export interface Ranks {
  rankInUnit: (number | null)[];
  rankInOrg: (number | null)[];
}

interface RankedRow {
  unit: string;
  score: number | null;
}

/** Dense ids for units, names matched as the contract's matchKey does; each distinct spelling is folded once. */
function unitIds(rows: readonly RankedRow[]): { ids: Int32Array; count: number } {
  const bySpelling = new Map<string, number>();
  const byKey = new Map<string, number>();
  const ids = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const spelling = rows[i]!.unit;
    let id = bySpelling.get(spelling);
    if (id === undefined) {
      const key = matchKey(spelling);
      id = byKey.get(key) ?? byKey.size;
      byKey.set(key, id);
      bySpelling.set(spelling, id);
    }
    ids[i] = id;
  }
  return { ids, count: byKey.size };
}

/**
 * Competition ranks (1, 2, 2, 4) by score descending within each unit and within the organisation:
 * rank = 1 + the number of strictly higher scores. Rows without a score stay unranked (RULES.md §4).
 */
export function rankMonth(rows: readonly RankedRow[]): Ranks {
  const hundredths = scoreHundredths(rows);
  const scored: number[] = [];
  for (let i = 0; i < rows.length; i++) if (!Number.isNaN(hundredths[i]!)) scored.push(i);
  const order = orderByScoreDesc(scored, hundredths);

  const units = unitIds(rows);
  const seenInUnit = new Int32Array(units.count);
  const lastRankInUnit = new Int32Array(units.count);
  const lastHundredthsInUnit = new Float64Array(units.count).fill(Number.NaN);

  const rankInUnit = new Array<number | null>(rows.length).fill(null);
  const rankInOrg = new Array<number | null>(rows.length).fill(null);
  let orgRank = 0;
  for (let pos = 0; pos < order.length; pos++) {
    const i = order[pos]!;
    const t = hundredths[i]!;
    if (pos === 0 || hundredths[order[pos - 1]!] !== t) orgRank = pos + 1;
    rankInOrg[i] = orgRank;

    const unit = units.ids[i]!;
    seenInUnit[unit]!++;
    if (lastHundredthsInUnit[unit] !== t) {
      lastHundredthsInUnit[unit] = t;
      lastRankInUnit[unit] = seenInUnit[unit]!;
    }
    rankInUnit[i] = lastRankInUnit[unit]!;
  }
  return { rankInUnit, rankInOrg };
}
