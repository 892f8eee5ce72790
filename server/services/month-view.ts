import { LEVEL_LABELS } from '../contract/levels.ts';
import type { PersonMonth, UnitMonth } from '../contract/push.ts';
import type { Db } from '../db/database.ts';
import { loadPersonMonth, loadUnitMonth } from '../db/month-rows.ts';
import { classifyMonth } from '../rules/index.ts';
import { periodContext } from './period-decisions.ts';
import { loadRuleSet } from './rule-sets.ts';

/**
 * The computed month: nothing computed is stored, so what is answered always equals the rules applied to
 * the stored rows, the rule set and the council's decisions of this moment.
 */
export async function personMonthView(db: Db, orgId: number, period: string): Promise<PersonMonth> {
  const [rows, { version, ruleSet }, context] = await Promise.all([
    loadPersonMonth(db, orgId, period),
    loadRuleSet(db, orgId),
    periodContext(db, orgId, period),
  ]);
  const quota = ruleSet.quota.personMonth;
  const outcome = classifyMonth(
    rows.map((r) => ({
      key: r.code,
      unit: r.unit,
      dutyGroup: r.dutyGroup,
      score: r.score,
      allTasksDone: r.allTasksDone,
      exceededPct: r.exceededPct,
      latePct: r.latePct,
      discipline: r.discipline,
    })),
    ruleSet,
    quota,
    context.person,
  );
  return {
    period,
    finalised: context.state.finalised,
    rate: context.person.raisedRate?.rate ?? quota.rate,
    ruleSetVersion: version,
    quotas: outcome.quotas,
    rows: rows.map((r, i) => {
      const c = outcome.rows[i]!;
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
        rankInUnit: c.rankInUnit,
        rankInOrg: c.rankInOrg,
        reasons: c.reasons,
        tieAtQuota: c.tieAtQuota,
        quotaGroup: c.quota?.group ?? null,
        version: r.version,
        updatedAt: r.updatedAt,
      };
    }),
  };
}

export async function unitMonthView(db: Db, orgId: number, period: string): Promise<UnitMonth> {
  const [rows, { version, ruleSet }, context] = await Promise.all([
    loadUnitMonth(db, orgId, period),
    loadRuleSet(db, orgId),
    periodContext(db, orgId, period),
  ]);
  const quota = ruleSet.quota.unitMonth;
  const outcome = classifyMonth(
    rows.map((r) => ({
      key: r.unit,
      unit: r.unit,
      dutyGroup: null,
      score: r.score,
      allTasksDone: r.allTasksDone,
      exceededPct: r.exceededPct,
      latePct: r.latePct,
      discipline: r.discipline,
      memberDisciplined: r.memberDisciplined,
    })),
    ruleSet,
    quota,
    context.unit,
  );
  return {
    period,
    finalised: context.state.finalised,
    rate: context.unit.raisedRate?.rate ?? quota.rate,
    ruleSetVersion: version,
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
        rankInUnit: null,
        rankInOrg: c.rankInOrg,
        reasons: c.reasons,
        tieAtQuota: c.tieAtQuota,
        quotaGroup: c.quota?.group ?? null,
        version: r.version,
        updatedAt: r.updatedAt,
      };
    }),
  };
}
