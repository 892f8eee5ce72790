import type { Caller } from '../access/access.ts';
import { newPeopleOfMonth } from '../people/roster-control-repository.ts';
import type { DecisionRequest, MonthSummary } from '../contract/council.ts';
import { LEVELS, type Level } from '../contract/levels.ts';
import { decideInScope, type DecisionScope } from '../council/decide.ts';
import { listDecisions, type DecisionRow } from '../council/period-repository.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { personMonthView, unitMonthView } from './month-view.ts';

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

/** A council decision on a month; an award only within the month's quota. */
export async function decide(db: Db, caller: Caller, period: string, request: DecisionRequest): Promise<DecisionRow> {
  const scope: DecisionScope = {
    period,
    quota: (ruleSet) => ruleSet.quota.personMonth,
    checkAward: (subject, keys) => checkAward(db, caller.orgId, period, subject, keys),
  };
  return decideInScope(db, caller, scope, request);
}
