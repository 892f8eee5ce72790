import type { Db } from '../db/database.ts';
import { listDecisions, periodState, type PeriodState } from './period-repository.ts';
import type { PeriodDecisions } from '../rules/types.ts';

export interface PeriodContext {
  state: PeriodState;
  person: PeriodDecisions;
  unit: PeriodDecisions;
}

/** Folds the council's decisions of a period into what the rules take: awards in force and the raised rate. */
export async function periodContext(db: Db, orgId: number, period: string): Promise<PeriodContext> {
  const [state, decisions] = await Promise.all([periodState(db, orgId, period), listDecisions(db, orgId, period)]);
  const awards = { person: new Map<string, string>(), unit: new Map<string, string>() };
  for (const d of decisions) {
    const target = awards[d.subject];
    if (d.kind === 'award') for (const key of d.keys) target.set(key, d.reason);
    if (d.kind === 'withdraw-award') for (const key of d.keys) target.delete(key);
  }
  const raisedRate = state.raisedRate !== null ? { rate: state.raisedRate, reason: state.raisedReason ?? '' } : null;
  const fold = (m: Map<string, string>): PeriodDecisions => ({
    raisedRate,
    awards: [...m].map(([key, reason]) => ({ key, reason })),
  });
  return { state, person: fold(awards.person), unit: fold(awards.unit) };
}
