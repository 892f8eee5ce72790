import type { DecisionRequest } from '../contract/council.ts';
import type { Db } from '../db/database.ts';
import type { DecisionRow } from '../council/period-repository.ts';
import { matchKey } from '../contract/text.ts';
import { AppError } from '../errors.ts';
import { canAward } from '../rules/index.ts';
import type { Caller } from '../access/access.ts';
import { decideInScope } from '../council/decide.ts';
import { computeYear } from './year-results.ts';

/**
 * The council's decisions for a year (RULES.md §7), the month's way: award HTXS to people (or units) the
 * yearly quota cut, never beyond k; raise the year's rate (the person year quota's, at most maxRaisedRate);
 * finalise, which refuses the year's pushes; reopen with a reason.
 */
export async function decideYear(db: Db, caller: Caller, year: string, request: DecisionRequest): Promise<DecisionRow> {
  return decideInScope(
    db,
    caller,
    {
      period: year,
      quota: (ruleSet) => ruleSet.quota.personYear,
      checkAward: async (subject, keys) => {
        const computed = await computeYear(db, caller.orgId, year);
        const outcome = subject === 'person' ? computed.people : computed.units;
        const known = new Set(outcome.rows.map((r) => r.key));
        const missing = keys.find((k) => !known.has(k));
        if (missing !== undefined) throw new AppError('not_found', `Không tìm thấy ${missing} trong năm ${year}`, { key: missing });
        const refusal = canAward(outcome, keys);
        if (refusal) throw new AppError('conflict', refusal, { keys });
      },
      checkHolder: async (subject, key) => {
        const computed = await computeYear(db, caller.orgId, year);
        const known = subject === 'person' ? computed.data.people.map((p) => p.code) : computed.data.units.map((u) => u.unit);
        if (!known.some((k) => matchKey(k) === matchKey(key))) {
          throw new AppError('not_found', `Không tìm thấy ${subject === 'person' ? `cán bộ ${key}` : `đơn vị «${key}»`} trong năm ${year}`, { key });
        }
      },
    },
    request,
  );
}
