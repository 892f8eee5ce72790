import { newPeopleOfMonth } from '../db/roster-control.ts';
import type { DecisionRequest, MonthSummary } from '../contract/council.ts';
import { LEVELS, type Level } from '../contract/levels.ts';
import { periodLabel } from '../contract/period.ts';
import type { QuotaSettings, RuleSet } from '../contract/rule-set.ts';
import type { Db } from '../db/database.ts';
import { insertAudit } from '../db/audit.ts';
import { insertDecision, listDecisions, lockPeriod, periodState, setPeriodState, type DecisionRow } from '../db/periods.ts';
import { AppError } from '../errors.ts';
import type { Caller } from './access.ts';
import { personMonthView, unitMonthView } from './month-view.ts';
import { canRaiseRate } from '../rules/index.ts';
import { loadRuleSet } from './rule-sets.ts';

const zeroCounts = () => Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>;

function countBy<T>(rows: T[], key: (r: T) => string | null, level: (r: T) => Level) {
  const groups = new Map<string | null, Record<Level, number>>();
  for (const r of rows) {
    const k = key(r);
    const counts = groups.get(k) ?? zeroCounts();
    counts[level(r)]++;
    groups.set(k, counts);
  }
  return groups;
}

export async function monthSummary(db: Db, orgId: number, period: string): Promise<MonthSummary> {
  const [people, units, decisions, newPeople] = await Promise.all([
    personMonthView(db, orgId, period),
    unitMonthView(db, orgId, period),
    listDecisions(db, orgId, period),
    newPeopleOfMonth(db, orgId, period),
  ]);
  const total = zeroCounts();
  for (const r of people.rows) total[r.level]++;
  const unitTotal = zeroCounts();
  for (const r of units.rows) unitTotal[r.level]++;
  return {
    period,
    finalised: people.finalised,
    rate: people.rate,
    people: {
      total,
      byUnit: [...countBy(people.rows, (r) => r.unit, (r) => r.level)].map(([unit, counts]) => ({ unit: unit ?? '', counts })),
      byDutyGroup: [...countBy(people.rows, (r) => r.dutyGroup, (r) => r.level)].map(([dutyGroup, counts]) => ({ dutyGroup, counts })),
    },
    units: { total: unitTotal },
    quotas: people.quotas,
    ties: people.quotas.filter((q) => q.tieCodes.length > 0).map((q) => ({ group: q.group, codes: q.tieCodes })),
    newPeople,
    decisions,
  };
}

/** Checks an award against the quota the rules computed: only people the quota cut, never beyond k. */
async function checkAward(db: Db, orgId: number, period: string, subject: 'person' | 'unit', keys: string[]): Promise<void> {
  const view = subject === 'person' ? await personMonthView(db, orgId, period) : await unitMonthView(db, orgId, period);
  const rows = new Map(view.rows.map((r) => ['code' in r ? r.code : r.unit, r]));
  const perGroup = new Map<string, number>();
  for (const key of keys) {
    const row = rows.get(key);
    if (!row) throw new AppError('not_found', `Không tìm thấy ${key} trong tháng ${period}`);
    if (row.level === 'HTXS') continue;
    if (row.levelBeforeQuota !== 'HTXS' || !row.quotaGroup) {
      throw new AppError('conflict', `${key} không đủ điều kiện HTXS trước tỷ lệ, không thể xét thêm`, { key });
    }
    perGroup.set(row.quotaGroup, (perGroup.get(row.quotaGroup) ?? 0) + 1);
  }
  for (const [group, extra] of perGroup) {
    const facts = view.quotas.find((q) => q.group === group)!;
    if (facts.used + extra > facts.allowed) {
      throw new AppError(
        'conflict',
        `Nhóm "${group}" chỉ được ${facts.allowed} HTXS (đã có ${facts.used}); không thể xét thêm ${extra}`,
        { group, allowed: facts.allowed, used: facts.used, requested: extra },
      );
    }
  }
}

/** What a council decision applies to: a month here, a year in year-decisions.ts. */
export interface DecisionScope {
  period: string;
  /** The quota a raised rate applies to. */
  quota: (ruleSet: RuleSet) => QuotaSettings;
  /** Throws an AppError when the quota does not allow the award. */
  checkAward: (subject: 'person' | 'unit', keys: string[]) => Promise<void>;
}

export async function decide(db: Db, caller: Caller, period: string, request: DecisionRequest): Promise<DecisionRow> {
  const scope: DecisionScope = {
    period,
    quota: (ruleSet) => ruleSet.quota.personMonth,
    checkAward: (subject, keys) => checkAward(db, caller.orgId, period, subject, keys),
  };
  return decideInScope(db, caller, scope, request);
}

export async function decideInScope(db: Db, caller: Caller, scope: DecisionScope, request: DecisionRequest): Promise<DecisionRow> {
  const { period } = scope;
  return db.transaction(async () => {
    await lockPeriod(db, caller.orgId, period);
    const state = await periodState(db, caller.orgId, period);
    const reason = request.reason ?? 'Chốt kết quả';
    if (request.kind !== 'reopen' && state.finalised) {
      throw new AppError('period_finalised', `${periodLabel(period)} đã chốt; cần mở lại trước khi thay đổi`);
    }
    if (request.kind === 'reopen' && !state.finalised) {
      throw new AppError('conflict', `${periodLabel(period)} chưa chốt`);
    }
    let subject: 'person' | 'unit' = 'person';
    let keys: string[] = [];
    let rate: number | null = null;
    switch (request.kind) {
      case 'award':
        subject = request.subject;
        keys = request.keys;
        await scope.checkAward(subject, keys);
        break;
      case 'withdraw-award':
        subject = request.subject;
        keys = request.keys;
        break;
      case 'raise-rate': {
        const { ruleSet } = await loadRuleSet(db, caller.orgId);
        const refusal = canRaiseRate(request.rate, scope.quota(ruleSet), ruleSet);
        if (refusal) throw new AppError('validation_failed', refusal, { field: 'rate' });
        rate = request.rate;
        await setPeriodState(db, caller.orgId, period, { raisedRate: rate, raisedReason: request.reason });
        break;
      }
      case 'finalise':
        await setPeriodState(db, caller.orgId, period, { finalised: true });
        break;
      case 'reopen':
        await setPeriodState(db, caller.orgId, period, { finalised: false });
        break;
    }
    const decision = await insertDecision(db, caller.orgId, period, { subject, kind: request.kind, keys, rate, reason, userId: caller.userId });
    await insertAudit(db, caller.orgId, {
      actor: caller.userId,
      entity: 'decision',
      entityKey: String(decision.id),
      period,
      action: request.kind,
      newValues: { subject, keys, rate, reason },
    });
    return decision;
  });
}
