import { requireRole, unitScopeError } from '../access/access.ts';
import { PLEDGE_FIELD_LABELS, pledgeRowSchema, type PledgeRow } from '../contract/pledge-row.ts';
import type { PledgeSheet, PledgeSheetState } from '../contract/registration-sheets.ts';
import { checkRow } from '../contract/row-validation.ts';
import { matchKey } from '../contract/text.ts';
import { periodState } from '../council/period-repository.ts';
import type { Db } from '../db/database.ts';
import { unitsByKey } from '../people/roster-repository.ts';
import type { PushKind } from '../push/push-pipeline.ts';
import { refOf, rejected, type RowResults } from '../push/row-results.ts';
import { pledgeRate } from '../rules/registration/pledge-rate.ts';
import { loadPledges, PLEDGE, type PledgeKey, type PledgeRecord } from './pledge-repository.ts';

interface PledgeCandidate {
  index: number;
  row: PledgeRow;
  unitKey: string;
  contentKey: string;
}

/** The pledges of a year with Tỷ lệ đạt (REG-5): blank when Kế hoạch is 0 or blank. */
export async function pledgeSheet(db: Db, orgId: number, year: string): Promise<PledgeSheet> {
  const [rows, state] = await Promise.all([loadPledges(db, orgId, year), periodState(db, orgId, year)]);
  return { year, finalised: state.finalised, rows: rows.map((r) => ({ ...r, rate: pledgeRate(r.plan, r.result) })) };
}

export async function pledgeSheetState(db: Db, orgId: number, year: string): Promise<PledgeSheetState> {
  return { year, finalised: (await periodState(db, orgId, year)).finalised };
}

/**
 * "Giao ước thi đua <YYYY>" (REG-5): a collective's targets, one per unit and Nội dung giao ước, written by
 * raters for their units, the council or an admin. Never an input to a level or a title.
 */
export const pledgePush: PushKind<string, PledgeCandidate, PledgeKey, PledgeRecord, PledgeSheet, PledgeSheetState> = {
  name: 'pledge',
  table: PLEDGE,
  scope: (year) => year,
  screen: (caller, _year, rows) => {
    requireRole(caller, 'admin', 'council', 'rater');
    const results: RowResults = rows.map(() => null);
    const candidates: PledgeCandidate[] = [];
    const seen = new Set<string>();
    rows.forEach((raw, index) => {
      const check = checkRow(pledgeRowSchema, raw);
      if (!check.ok) {
        results[index] = rejected(index, refOf(raw), null, check.errors);
        return;
      }
      const row = check.value;
      const unitKey = matchKey(row.unit);
      const scopeError = unitScopeError(caller, unitKey);
      const contentKey = matchKey(row.content);
      const duplicate = seen.has(`${unitKey}\u0000${contentKey}`);
      const error = scopeError ?? (duplicate ? { field: 'content', message: `${PLEDGE_FIELD_LABELS.content} «${row.content}» của đơn vị xuất hiện nhiều lần trong lần gửi này` } : null);
      if (error) {
        results[index] = rejected(index, row.ref ?? null, row.unit, [error]);
        return;
      }
      seen.add(`${unitKey}\u0000${contentKey}`);
      candidates.push({ index, row, unitKey, contentKey });
    });
    return { candidates, results };
  },
  prepare: async (db, caller, _year, candidates, results) => {
    const units = await unitsByKey(db, caller.orgId, [...new Set(candidates.map((c) => c.unitKey))]);
    return candidates.flatMap((c) => {
      const unit = units.get(c.unitKey);
      if (!unit) {
        results[c.index] = rejected(c.index, c.row.ref ?? null, c.row.unit, [
          { field: 'unit', message: `Không tìm thấy đơn vị «${c.row.unit}»; hãy đồng bộ trước bảng đánh giá có đơn vị này` },
        ]);
        return [];
      }
      const { row } = c;
      return [
        {
          candidate: c,
          write: {
            keys: { unitId: unit.id, contentKey: c.contentKey },
            label: `${unit.name}: ${PLEDGE_FIELD_LABELS.content}`,
            resultKey: unit.name,
            record: {
              content: row.content,
              target: row.target ?? null,
              measure: row.measure ?? null,
              plan: row.plan ?? null,
              result: row.result ?? null,
              note: row.note ?? null,
            },
            baseVersion: row.baseVersion ?? null,
          },
        },
      ];
    });
  },
  representation: pledgeSheet,
  minimal: pledgeSheetState,
};
