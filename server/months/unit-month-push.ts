import { unitScopeError, type Caller } from '../access/access.ts';
import type { MonthState, UnitMonth } from '../contract/push.ts';
import { rowChecker } from '../contract/row-checker.ts';
import { matchKey } from '../contract/text.ts';
import { unitRowCrossField, unitRowSchema, type UnitRow } from '../contract/unit-row.ts';
import { ensureUnits } from '../people/roster-repository.ts';
import type { PushKind } from '../push/push-pipeline.ts';
import { refOf, rejected, type RowResults } from '../push/row-results.ts';
import { monthState, unitMonthView } from './month-view.ts';
import { UNIT_MONTH, type RatingRecord } from './month-repository.ts';
import { loadRuleSet } from '../rule-set/rule-sets.ts';
import { withinPartMaxima } from './part-maxima-screen.ts';
import { ratingRecord } from './rating-record.ts';

interface UnitCandidate {
  index: number;
  row: UnitRow;
  key: string;
}

/** Per-row checks: the contract, a rater's units, one row per unit. */
function screenUnits(caller: Caller, rows: Record<string, unknown>[]): { candidates: UnitCandidate[]; results: RowResults } {
  const results: RowResults = rows.map(() => null);
  const candidates: UnitCandidate[] = [];
  const seen = new Set<string>();
  const checker = rowChecker(unitRowSchema, unitRowCrossField);
  rows.forEach((raw, index) => {
    const ref = refOf(raw);
    const check = checker.check(raw);
    if (!check.ok) {
      results[index] = rejected(index, ref, typeof raw.unit === 'string' ? raw.unit : null, check.errors);
      return;
    }
    const key = matchKey(check.value.unit);
    const scopeError = unitScopeError(caller, key);
    const error = scopeError ?? (seen.has(key) ? { field: 'unit', message: 'Đơn vị xuất hiện nhiều lần trong lần gửi này' } : null);
    if (error) {
      results[index] = rejected(index, ref, check.value.unit, [error]);
      return;
    }
    seen.add(key);
    candidates.push({ index, row: check.value, key });
  });
  return { candidates, results };
}

/** A month's sheet of units (RULES.md §2): the units created when new, one record per unit. */
export const unitMonthPush: PushKind<string, UnitCandidate, { unitId: number }, RatingRecord, UnitMonth, MonthState> = {
  name: 'unit',
  table: UNIT_MONTH,
  scope: (period) => period,
  screen: (caller, _period, rows) => screenUnits(caller, rows),
  prepare: async (db, caller, _period, screened, results) => {
    const parts = screened.some((c) => c.row.general !== undefined || c.row.results !== undefined);
    const candidates = parts ? withinPartMaxima((await loadRuleSet(db, caller.orgId)).ruleSet.tasks, screened, results, (c) => c.row.unit) : screened;
    const units = await ensureUnits(db, caller.orgId, candidates.map((c) => c.row.unit), candidates.map((c) => c.key));
    return candidates.map((c) => {
      const unit = units.get(c.key)!;
      const write = { keys: { unitId: unit.id }, label: unit.name, resultKey: unit.name, record: ratingRecord(c.row), baseVersion: c.row.baseVersion ?? null };
      return { candidate: c, write };
    });
  },
  representation: unitMonthView,
  minimal: (db, orgId, period) => monthState(db, orgId, period, 'unit'),
};
