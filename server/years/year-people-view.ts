import type { PersonYearSheet } from '../contract/year-sheets.ts';
import type { Db } from '../db/database.ts';
import { periodState } from '../council/period-repository.ts';
import { loadRuleSet } from '../rule-set/rule-sets.ts';
import { computeYear, computedPeople, personYearRate } from './year-results.ts';

export type PersonYearState = Omit<PersonYearSheet, 'quotas' | 'rows'>;

/** The yearly sheet's state without its rows, read and not computed: a push's answer under `Prefer: return=minimal`. */
export async function personYearState(db: Db, orgId: number, year: string): Promise<PersonYearState> {
  const [{ version, ruleSet }, state] = await Promise.all([loadRuleSet(db, orgId), periodState(db, orgId, year)]);
  return { year, finalised: state.finalised, rate: state.raisedRate ?? ruleSet.quota.personYear.rate, ruleSetVersion: version };
}

/** The yearly sheet: everyone with a month or a yearly row, their stored yearly inputs and the computed year. */
export async function personYearSheet(db: Db, orgId: number, year: string): Promise<PersonYearSheet> {
  const computed = await computeYear(db, orgId, year);
  const people = computedPeople(computed);
  return {
    year,
    finalised: computed.context.state.finalised,
    rate: personYearRate(computed),
    ruleSetVersion: computed.ruleSetVersion,
    quotas: computed.people.quotas,
    rows: computed.data.people.map((p, i) => {
      const y = p.yearly;
      return {
        ...people[i]!,
        allTasksDone: y?.allTasksDone ?? null,
        exceededPct: y?.exceededPct ?? null,
        latePct: y?.latePct ?? null,
        discipline: y?.discipline ?? null,
        pendingDisciplineCase: y?.pendingDisciplineCase ?? null,
        voteAgree: y?.voteAgree ?? null,
        voteTotal: y?.voteTotal ?? null,
        priorTitles: y?.priorTitles ?? null,
        note: y?.note ?? null,
        version: y?.version ?? null,
        updatedAt: y?.updatedAt ?? null,
      };
    }),
  };
}
