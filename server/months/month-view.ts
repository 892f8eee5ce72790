import { LEVEL_LABELS } from '../contract/levels.ts';
import type { MonthState, PersonMonth, UnitMonth } from '../contract/push.ts';
import type { ComputedPerson } from '../contract/results.ts';
import type { QuotaSettings, RuleSet } from '../contract/rule-set.ts';
import type { Db } from '../db/database.ts';
import { loadPersonMonth, loadUnitMonth, type StoredPersonMonth, type StoredUnitMonth } from './month-repository.ts';
import { periodState } from '../council/period-repository.ts';
import { classifyMonth, type MonthInput, type MonthOutcome, type MonthResult, type PeriodDecisions } from '../rules/index.ts';
import { periodContext, type PeriodContext } from '../council/period-decisions.ts';
import { loadRuleSet } from '../rule-set/rule-sets.ts';

/**
 * The computed month: nothing computed is stored, so what is answered always equals the rules applied to
 * the stored rows, the rule set and the council's decisions of this moment.
 */

type StoredRating = Omit<StoredUnitMonth, 'unit' | 'memberDisciplined'>;

interface Classified<R> {
  rows: R[];
  outcome: MonthOutcome;
  state: MonthState;
}

/** Loads a month's rows with the rule set and decisions in force, and classifies them. */
async function classified<R extends StoredRating>(
  db: Db,
  orgId: number,
  period: string,
  load: Promise<R[]>,
  pick: (ruleSet: RuleSet, context: PeriodContext) => { quota: QuotaSettings; decisions: PeriodDecisions },
  toInput: (row: R) => MonthInput,
): Promise<Classified<R>> {
  const [rows, { version, ruleSet }, context] = await Promise.all([load, loadRuleSet(db, orgId), periodContext(db, orgId, period)]);
  const { quota, decisions } = pick(ruleSet, context);
  const inputs = rows.map(toInput);
  return {
    rows,
    outcome: classifyMonth(inputs, ruleSet, quota, decisions),
    state: { period, finalised: context.state.finalised, rate: decisions.raisedRate?.rate ?? quota.rate, ruleSetVersion: version },
  };
}

/** A month's state without its rows, read and not computed: what a push answers under `Prefer: return=minimal`. */
export async function monthState(db: Db, orgId: number, period: string, subject: 'person' | 'unit'): Promise<MonthState> {
  const [{ version, ruleSet }, state] = await Promise.all([loadRuleSet(db, orgId), periodState(db, orgId, period)]);
  // The raised rate is the period's, for people and units alike (period-decisions.ts).
  const quota = subject === 'person' ? ruleSet.quota.personMonth : ruleSet.quota.unitMonth;
  return { period, finalised: state.finalised, rate: state.raisedRate ?? quota.rate, ruleSetVersion: version };
}

// Rows are built as whole literals, not with spreads: a spread in the middle of a literal takes V8's slow
// path, a third of a 5,000-row month's view (measured).

/** A stored person month as the month's rules take it (RULES.md §1). */
export function personMonthInput(r: StoredPersonMonth): MonthInput {
  return {
    key: r.code,
    unit: r.unit,
    dutyGroup: r.dutyGroup,
    score: r.score,
    allTasksDone: r.allTasksDone,
    exceededPct: r.exceededPct,
    latePct: r.latePct,
    discipline: r.discipline,
  };
}

/** A stored person month with what the rules made of it, as the month's answer carries it. */
export function personMonthRow(r: StoredPersonMonth, c: MonthResult): ComputedPerson {
  return {
    code: r.code,
    name: r.name,
    unit: r.unit,
    dutyGroup: r.dutyGroup,
    score: r.score,
    selfScore: r.selfScore,
    level: c.level,
    label: LEVEL_LABELS[c.level],
    levelBeforeQuota: c.levelBeforeQuota,
    rankInOrg: c.rankInOrg,
    reasons: c.reasons,
    tieAtQuota: c.tieAtQuota,
    quotaGroup: c.quota?.group ?? null,
    version: r.version,
    updatedAt: r.updatedAt,
    rankInUnit: c.rankInUnit,
  };
}

export async function personMonthView(db: Db, orgId: number, period: string): Promise<PersonMonth> {
  const { rows, outcome, state } = await classified(
    db,
    orgId,
    period,
    loadPersonMonth(db, orgId, period),
    (ruleSet, context) => ({ quota: ruleSet.quota.personMonth, decisions: context.person }),
    personMonthInput,
  );
  return {
    ...state,
    quotas: outcome.quotas,
    rows: rows.map((r, i) => personMonthRow(r, outcome.rows[i]!)),
  };
}

export async function unitMonthView(db: Db, orgId: number, period: string): Promise<UnitMonth> {
  const { rows, outcome, state } = await classified(
    db,
    orgId,
    period,
    loadUnitMonth(db, orgId, period),
    (ruleSet, context) => ({ quota: ruleSet.quota.unitMonth, decisions: context.unit }),
    (r) => ({
      key: r.unit,
      unit: r.unit,
      dutyGroup: null,
      memberDisciplined: r.memberDisciplined,
      score: r.score,
      allTasksDone: r.allTasksDone,
      exceededPct: r.exceededPct,
      latePct: r.latePct,
      discipline: r.discipline,
    }),
  );
  return {
    ...state,
    quotas: outcome.quotas,
    rows: rows.map((r, i) => {
      const c = outcome.rows[i]!;
      return {
        unit: r.unit,
        score: r.score,
        selfScore: r.selfScore,
        level: c.level,
        label: LEVEL_LABELS[c.level],
        levelBeforeQuota: c.levelBeforeQuota,
        rankInOrg: c.rankInOrg,
        reasons: c.reasons,
        tieAtQuota: c.tieAtQuota,
        quotaGroup: c.quota?.group ?? null,
        version: r.version,
        updatedAt: r.updatedAt,
        rankInUnit: null,
      };
    }),
  };
}
