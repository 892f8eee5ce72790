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
import { selfGapWarning, type MonthFromTasks } from '../rules/tasks/index.ts';
import type { AssessmentStatus } from '../contract/assessment-status.ts';
import type { TaskSettings } from '../contract/task-settings.ts';
import { leaderMonths, monthsFromTasks } from './month-tasks.ts';
import { loadTasks, type StoredTask } from './task-repository.ts';

/**
 * The computed month: nothing computed is stored, so what is answered always equals the rules applied to
 * the stored rows, the rule set and the council's decisions of this moment.
 */

type StoredRating = Omit<StoredUnitMonth, 'unit' | 'memberDisciplined'>;

interface Classified<R> {
  rows: R[];
  outcome: MonthOutcome;
  state: MonthState;
  ruleSet: RuleSet;
}

/** Loads a month's rows with the rule set and decisions in force, and classifies them. */
async function classified<R extends StoredRating>(
  db: Db,
  orgId: number,
  period: string,
  load: Promise<R[]>,
  pick: (ruleSet: RuleSet, context: PeriodContext) => { quota: QuotaSettings; decisions: PeriodDecisions },
  toInputs: (rows: R[], ruleSet: RuleSet) => MonthInput[],
  /** Inputs that depend on the month's first outcome (leaders' unit results), or null when none do. */
  revise: (rows: R[], outcome: MonthOutcome, ruleSet: RuleSet) => MonthInput[] | null = () => null,
): Promise<Classified<R>> {
  const [rows, { version, ruleSet }, context] = await Promise.all([load, loadRuleSet(db, orgId), periodContext(db, orgId, period)]);
  const { quota, decisions } = pick(ruleSet, context);
  const first = classifyMonth(toInputs(rows, ruleSet), ruleSet, quota, decisions);
  const revised = revise(rows, first, ruleSet);
  return {
    ruleSet,
    rows,
    outcome: revised ? classifyMonth(revised, ruleSet, quota, decisions) : first,
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

/**
 * A person's month input once their task rows are in (RULES.md §10): the score and gates the tasks give
 * where the month row leaves them blank. Without task rows, the input as typed.
 */
export function withTasks(input: MonthInput, t: MonthFromTasks | undefined): MonthInput {
  if (!t) return input;
  return {
    key: input.key,
    unit: input.unit,
    dutyGroup: input.dutyGroup,
    score: t.score,
    allTasksDone: t.allTasksDone,
    exceededPct: t.exceededPct,
    latePct: t.latePct,
    discipline: input.discipline,
  };
}

/**
 * A stored person month with what the rules made of it, as the month's answer carries it: with task rows,
 * the score the month was rated on and the tasks' reasons before the rules' own.
 */
export function personMonthRow(r: StoredPersonMonth, c: MonthResult, t?: MonthFromTasks, assessment?: { settings: TaskSettings; finalised: boolean }): ComputedPerson {
  const score = t ? t.score : r.score;
  let reasons = t ? [...t.reasons, ...c.reasons] : c.reasons;
  const gap = assessment ? selfGapWarning(r.selfScore, score, assessment.settings) : null;
  if (gap) reasons = [...reasons, gap];
  return {
    code: r.code,
    name: r.name,
    unit: r.unit,
    dutyGroup: r.dutyGroup,
    score,
    selfScore: r.selfScore,
    level: c.level,
    label: LEVEL_LABELS[c.level],
    levelBeforeQuota: c.levelBeforeQuota,
    rankInOrg: c.rankInOrg,
    reasons,
    tieAtQuota: c.tieAtQuota,
    quotaGroup: c.quota?.group ?? null,
    version: r.version,
    updatedAt: r.updatedAt,
    rankInUnit: c.rankInUnit,
    headScore: r.headScore,
    // Finalising the month is the last step of every row's assessment (research §3.3 TASK-5).
    assessmentStatus: assessment?.finalised ? 'da-chot' : (r.assessmentStatus as AssessmentStatus | null),
  };
}

/** The month's people classified with their task rows (RULES.md §10), and those rows. */
export interface ComputedPersonMonth extends Classified<StoredPersonMonth> {
  tasks: StoredTask[];
  fromTasks: Map<string, MonthFromTasks>;
}

export async function computePersonMonth(db: Db, orgId: number, period: string): Promise<ComputedPersonMonth> {
  let tasks: StoredTask[] = [];
  let fromTasks = new Map<string, MonthFromTasks>();
  const load = Promise.all([loadPersonMonth(db, orgId, period), loadTasks(db, orgId, period)]).then(([rows, t]) => {
    tasks = t;
    return rows;
  });
  const month = await classified(
    db,
    orgId,
    period,
    load,
    (ruleSet, context) => ({ quota: ruleSet.quota.personMonth, decisions: context.person }),
    (rows, ruleSet) => {
      fromTasks = monthsFromTasks(rows, tasks, ruleSet);
      return rows.map((r) => withTasks(personMonthInput(r), fromTasks.get(r.code)));
    },
    (rows, outcome, ruleSet) => {
      const leaders = leaderMonths(rows, outcome.rows, tasks, ruleSet);
      if (leaders.size === 0) return null;
      for (const [code, month] of leaders) fromTasks.set(code, month);
      return rows.map((r) => withTasks(personMonthInput(r), fromTasks.get(r.code)));
    },
  );
  return { ...month, tasks, fromTasks };
}

export async function personMonthView(db: Db, orgId: number, period: string): Promise<PersonMonth> {
  const { rows, outcome, state, fromTasks, ruleSet } = await computePersonMonth(db, orgId, period);
  const assessment = { settings: ruleSet.tasks, finalised: state.finalised };
  return {
    ...state,
    quotas: outcome.quotas,
    rows: rows.map((r, i) => personMonthRow(r, outcome.rows[i]!, fromTasks.get(r.code), assessment)),
  };
}

export async function unitMonthView(db: Db, orgId: number, period: string): Promise<UnitMonth> {
  const { rows, outcome, state } = await classified(
    db,
    orgId,
    period,
    loadUnitMonth(db, orgId, period),
    (ruleSet, context) => ({ quota: ruleSet.quota.unitMonth, decisions: context.unit }),
    (rows) => rows.map((r) => ({
      key: r.unit,
      unit: r.unit,
      dutyGroup: null,
      memberDisciplined: r.memberDisciplined,
      score: r.score,
      allTasksDone: r.allTasksDone,
      exceededPct: r.exceededPct,
      latePct: r.latePct,
      discipline: r.discipline,
    })),
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
