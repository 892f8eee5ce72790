import type { Caller } from '../access/access.ts';
import type { DecisionRequest } from '../contract/council.ts';
import { periodLabel } from '../contract/period.ts';
import type { QuotaSettings, RuleSet } from '../contract/rule-set.ts';
import { insertAudit } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { loadRuleSet } from '../rule-set/rule-sets.ts';
import { canRaiseRate } from '../rules/index.ts';
import { insertDecision, lockPeriod, periodState, setPeriodState, type DecisionRow } from './period-repository.ts';

/** What a council decision applies to: a month (months/month-council.ts) or a year (years/year-decisions.ts). */
export interface DecisionScope {
  period: string;
  /** The quota a raised rate applies to. */
  quota: (ruleSet: RuleSet) => QuotaSettings;
  /** Throws an AppError when the quota does not allow the award. */
  checkAward: (subject: 'person' | 'unit', keys: string[]) => Promise<void>;
  /** Throws an AppError when the holder has no proposals here; absent where nothing is proposed (a month). */
  checkHolder?: (subject: 'person' | 'unit', key: string) => Promise<void>;
}

/** A council decision on a period: award, withdraw, raise the rate, finalise or reopen, with its audit entry. */
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
    let title: string | null = null;
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
      case 'withdraw':
      case 'reinstate':
        if (!scope.checkHolder) {
          throw new AppError('validation_failed', 'Rút đề nghị danh hiệu chỉ áp dụng cho năm', { field: 'kind' });
        }
        subject = request.subject;
        keys = [request.key];
        title = request.title;
        await scope.checkHolder(subject, request.key);
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
    const decision = await insertDecision(db, caller.orgId, period, { subject, kind: request.kind, keys, title, rate, reason, userId: caller.userId });
    await insertAudit(db, caller.orgId, {
      actor: caller.userId,
      entity: 'decision',
      entityKey: String(decision.id),
      period,
      action: request.kind,
      newValues: { subject, keys, title, rate, reason },
    });
    return decision;
  });
}
