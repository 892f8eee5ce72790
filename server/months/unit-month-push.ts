import type { MonthPushMinimal, PushRequest, ReturnPreference, RowResult, UnitPushResponse } from '../contract/push.ts';
import { rowChecker } from '../contract/row-checker.ts';
import { matchKey } from '../contract/text.ts';
import { unitRowCrossField, unitRowSchema, type UnitRow } from '../contract/unit-row.ts';
import type { Db } from '../db/database.ts';
import { UNIT_MONTH, upsertMonthRows } from '../db/month-upsert.ts';
import { ensureUnits } from '../people/roster-repository.ts';
import type { Caller } from '../admin/access.ts';
import { monthState, unitMonthView } from './month-view.ts';
import {
  assertCanWriteUnit,
  countResults,
  idempotentPush,
  outcomeStatus,
  rejected,
  storedForClient,
  type StoredAnswer,
  ratingValues,
} from '../push/idempotent-push.ts';


/** Unit rows (RULES.md §2) go through the same path as people's: per-row checks, one statement, one transaction. */
export async function pushUnits(
  db: Db,
  caller: Caller,
  period: string,
  body: PushRequest,
  idempotencyKey: string | null,
  prefer: ReturnPreference = 'representation',
): Promise<UnitPushResponse | MonthPushMinimal> {
  const results: (RowResult | null)[] = body.rows.map(() => null);
  const ready: { index: number; row: UnitRow; key: string }[] = [];
  const seen = new Set<string>();
  const checker = rowChecker(unitRowSchema, unitRowCrossField);
  body.rows.forEach((raw, index) => {
    const ref = typeof raw.ref === 'string' || typeof raw.ref === 'number' ? raw.ref : null;
    const check = checker.check(raw);
    if (!check.ok) {
      results[index] = rejected(index, ref, typeof raw.unit === 'string' ? raw.unit : null, check.errors);
      return;
    }
    const key = matchKey(check.value.unit);
    const scopeError = assertCanWriteUnit(caller, key);
    const error = scopeError ?? (seen.has(key) ? { field: 'unit', message: 'Đơn vị xuất hiện nhiều lần trong lần gửi này' } : null);
    if (error) {
      results[index] = rejected(index, ref, check.value.unit, [error]);
      return;
    }
    seen.add(key);
    ready.push({ index, row: check.value, key });
  });

  const write = async (): Promise<StoredAnswer> => {
    const units = await ensureUnits(db, caller.orgId, ready.map((r) => r.row.unit), ready.map((r) => r.key));
    const writes = ready.map((r) => ({
      keyId: units.get(r.key)!.id,
      label: units.get(r.key)!.name,
      values: ratingValues(r.row),
      baseVersion: r.row.baseVersion ?? null,
    }));
    const outcomes = await upsertMonthRows(
      db,
      UNIT_MONTH,
      { orgId: caller.orgId, period, actor: caller.userId, pushKey: idempotencyKey },
      writes,
    );
    ready.forEach((r, i) => {
      const outcome = outcomes[i]!;
      const status = outcomeStatus(UNIT_MONTH, writes[i]!.values, outcome);
      results[r.index] = {
        index: r.index,
        ref: r.row.ref ?? null,
        key: writes[i]!.label,
        status,
        version: outcome.version,
        errors: status === 'conflict' ? [{ field: '', message: 'Dữ liệu đã được người khác sửa sau lần đồng bộ trước của bạn' }] : [],
        stored: status === 'conflict' ? storedForClient(outcome.stored) : null,
      };
    });
    const final = results as RowResult[];
    return { results: final, counts: countResults(final) };
  };
  return idempotentPush(
    db,
    caller,
    { kind: 'unit', period, key: idempotencyKey, body, prefer },
    write,
    {
      representation: () => unitMonthView(db, caller.orgId, period),
      minimal: () => monthState(db, caller.orgId, period, 'unit'),
    },
  );
}
