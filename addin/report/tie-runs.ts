import type { MonthSummary } from '../../server/contract/council.ts';
import type { ComputedPerson } from '../../server/contract/results.ts';

export type TiePerson = Pick<ComputedPerson, 'code' | 'name' | 'unit' | 'score' | 'level'>;

/** A run of equal scores at a quota limit, waiting for the council (RULES.md §3), with the places still free. */
export interface TieRun {
  group: string;
  /** k: the most HTXS the group may keep. */
  allowed: number;
  used: number;
  /** Places the council may still award: k − used, never below 0. */
  left: number;
  members: { code: string; name: string; unit: string; score: number | null; level: TiePerson['level'] | null }[];
}

/** The month's tie runs with names from the month's rows (a code the rows do not know keeps an empty name). */
export function tieRuns(summary: MonthSummary, people: readonly TiePerson[]): TieRun[] {
  const byCode = new Map(people.map((p) => [p.code, p]));
  return summary.ties.map((tie) => {
    const quota = summary.quotas.find((q) => q.group === tie.group);
    const allowed = quota?.allowed ?? 0;
    const used = quota?.used ?? 0;
    return {
      group: tie.group,
      allowed,
      used,
      left: Math.max(0, allowed - used),
      members: tie.codes.map((code) => {
        const p = byCode.get(code);
        return { code, name: p?.name ?? '', unit: p?.unit ?? '', score: p?.score ?? null, level: p?.level ?? null };
      }),
    };
  });
}
