import type { RatingRecord } from './month-repository.ts';

/** The rating inputs a month's row carries (RULES.md §1), as the month tables store them. */
export function ratingRecord(row: {
  score?: number | undefined;
  selfScore?: number | undefined;
  general?: number | undefined;
  results?: number | undefined;
  allTasksDone?: boolean | undefined;
  exceededPct?: number | undefined;
  latePct?: number | undefined;
  discipline?: string | null | undefined;
  note?: string | undefined;
}): RatingRecord {
  return {
    score: row.score ?? null,
    selfScore: row.selfScore ?? null,
    general: row.general ?? null,
    results: row.results ?? null,
    allTasksDone: row.allTasksDone ?? null,
    exceededPct: row.exceededPct ?? null,
    latePct: row.latePct ?? null,
    discipline: row.discipline ?? null,
    note: row.note ?? null,
  };
}
