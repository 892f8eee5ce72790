import { LEVEL_LABELS } from '../contract/levels.ts';
import type { RuleSet } from '../contract/rule-set.ts';
import type { ComputedPersonYear, ComputedUnitYear, YearResults } from '../contract/year-results.ts';
import type { Db } from '../db/database.ts';
import { listDecisions } from '../council/period-repository.ts';
import { classifyUnitsYear, classifyYear, type YearOutcome, type YearResult } from '../rules/index.ts';
import { periodContext, type PeriodContext } from '../council/period-decisions.ts';
import { loadRuleSet } from '../rule-set/rule-sets.ts';
import { loadYearData, yearPersonInput, yearUnitInput, type YearData } from './year-inputs.ts';

/**
 * A year computed from what is stored now (RULES.md §5): the twelve months of person_month and unit_month,
 * the yearly sheet and the council's decisions for the year. Nothing computed is stored.
 */
export interface ComputedYear {
  data: YearData;
  ruleSet: RuleSet;
  ruleSetVersion: number;
  context: PeriodContext;
  people: YearOutcome;
  units: YearOutcome;
}

export async function computeYear(db: Db, orgId: number, year: string): Promise<ComputedYear> {
  const rules = loadRuleSet(db, orgId);
  const [data, { version, ruleSet }, context] = await Promise.all([
    rules.then((r) => loadYearData(db, orgId, year, r.ruleSet)),
    rules,
    periodContext(db, orgId, year),
  ]);
  return {
    data,
    ruleSet,
    ruleSetVersion: version,
    context,
    people: classifyYear(data.people.map(yearPersonInput), ruleSet, context.person),
    units: classifyUnitsYear(data.units.map(yearUnitInput), ruleSet, context.unit),
  };
}

function yearFields(r: YearResult, monthScores: (number | null)[]) {
  return {
    monthScores,
    monthsCounted: r.monthsCounted,
    monthsAbsent: r.monthsAbsent,
    annualScore: r.annualScore,
    level: r.level,
    label: LEVEL_LABELS[r.level],
    levelBeforeQuota: r.levelBeforeQuota,
    rankInOrg: r.rankInOrg,
    reasons: r.reasons,
    tieAtQuota: r.tieAtQuota,
    quotaGroup: r.quota?.group ?? null,
  };
}

export function computedPeople(year: ComputedYear): ComputedPersonYear[] {
  return year.data.people.map((p, i) => {
    const r = year.people.rows[i]!;
    return {
      code: p.code,
      name: p.name,
      unit: p.unit,
      dutyGroup: p.dutyGroup,
      ...yearFields(r, p.monthScores),
      monthsMaternity: p.maternity,
      rankInUnit: r.rankInUnit,
    };
  });
}

export function computedUnits(year: ComputedYear): ComputedUnitYear[] {
  return year.data.units.map((u, i) => ({
    unit: u.unit,
    ...yearFields(year.units.rows[i]!, u.monthScores),
    memberDisciplined: u.memberDisciplined,
  }));
}

export function personYearRate(year: ComputedYear): number {
  return year.context.person.raisedRate?.rate ?? year.ruleSet.quota.personYear.rate;
}

export async function yearResults(db: Db, orgId: number, year: string): Promise<YearResults> {
  const [computed, decisions] = await Promise.all([computeYear(db, orgId, year), listDecisions(db, orgId, year)]);
  return {
    year,
    finalised: computed.context.state.finalised,
    rate: personYearRate(computed),
    unitRate: computed.context.unit.raisedRate?.rate ?? computed.ruleSet.quota.unitYear.rate,
    ruleSetVersion: computed.ruleSetVersion,
    people: computedPeople(computed),
    units: computedUnits(computed),
    quotas: { people: computed.people.quotas, units: computed.units.quotas },
    decisions,
  };
}
