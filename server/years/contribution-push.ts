import { unitScopeError } from '../access/access.ts';
import {
  CONTRIBUTION_FIELD_LABELS,
  contributionForm,
  contributionRowCrossField,
  contributionRowSchema,
  type ContributionRow,
} from '../contract/contribution-row.ts';
import {
  contributionEntryKey,
  contributionKey,
  contributionPersonKey,
  type ContributionSheet,
  type ContributionSheetState,
} from '../contract/drive-sheets.ts';
import { rowChecker } from '../contract/row-checker.ts';
import { matchKey } from '../contract/text.ts';
import { unitsByKey } from '../people/roster-repository.ts';
import type { PushKind } from '../push/push-pipeline.ts';
import { contractRejection, rejected, type RowResults } from '../push/row-results.ts';
import { checkContribution } from '../rules/drives/check-contributions.ts';
import { CONTRIBUTION, loadMovements, type ContributionKey, type ContributionRecord } from './drive-repository.ts';
import { contributionSheet, contributionSheetState, type DriveReader } from './drive-view.ts';

const L = CONTRIBUTION_FIELD_LABELS;

/** The year of the sheet, and who reads the answer: person-level amounts follow the reader (DRV-4). */
export interface ContributionParam {
  year: string;
  reader: DriveReader;
}

interface ContributionCandidate {
  index: number;
  row: ContributionRow;
  unitKey: string;
  personKey: string;
  entryKey: string;
}

/**
 * "Đóng góp <YYYY>" (DRV-2): a unit's or a person's contribution to a drive of the year's register, written by
 * the raters of its unit, the council or an admin. A drive code not in the register rejects the row (DRV-6.2);
 * a date outside the drive is a warning of the sheet. Never an input to a level or a title.
 */
export const contributionPush: PushKind<ContributionParam, ContributionCandidate, ContributionKey, ContributionRecord, ContributionSheet, ContributionSheetState> = {
  name: 'contribution',
  table: CONTRIBUTION,
  scope: (param) => param.year,
  screen: (caller, _param, rows) => {
    const results: RowResults = rows.map(() => null);
    const candidates: ContributionCandidate[] = [];
    const seen = new Map<string, string>();
    const checker = rowChecker(contributionRowSchema, contributionRowCrossField);
    rows.forEach((raw, index) => {
      const check = checker.check(raw);
      if (!check.ok) {
        results[index] = contractRejection(index, raw, check.errors);
        return;
      }
      const row = check.value;
      const unitKey = matchKey(row.unit);
      const personKey = contributionPersonKey(row);
      const entryKey = contributionEntryKey(row);
      const key = contributionKey({ driveCode: row.driveCode, unit: row.unit, personKey, entryKey });
      const earlier = seen.get(key);
      const error =
        unitScopeError(caller, unitKey) ??
        (earlier !== undefined
          ? { field: 'receiptNo', message: `Trùng đóng góp với dòng ${earlier} (cùng phong trào, đơn vị, người và ${L.receiptNo}/${L.date}); ghi ${L.receiptNo} để phân biệt` }
          : null);
      if (error) {
        results[index] = rejected(index, row.ref ?? null, row.code ?? null, [error]);
        return;
      }
      seen.set(key, row.ref !== undefined ? String(row.ref) : 'khác');
      candidates.push({ index, row, unitKey, personKey, entryKey });
    });
    return { candidates, results };
  },
  prepare: async (db, caller, param, candidates, results) => {
    const [units, movements] = await Promise.all([
      unitsByKey(db, caller.orgId, [...new Set(candidates.map((c) => c.unitKey))]),
      loadMovements(db, caller.orgId, [param.year]),
    ]);
    const drives = movements.map((m) => ({ code: m.code, name: m.name, from: m.from, to: m.to }));
    return candidates.flatMap((c) => {
      const { row } = c;
      const reject = (field: string, message: string) => {
        results[c.index] = rejected(c.index, row.ref ?? null, row.code ?? null, [{ field, message }]);
        return [];
      };
      const unit = units.get(c.unitKey);
      if (!unit) return reject('unit', `Không tìm thấy đơn vị «${row.unit}»; hãy đồng bộ trước bảng đánh giá có đơn vị này`);
      const drive = checkContribution({ driveCode: row.driveCode, date: row.date ?? null }, drives);
      if (drive.error) return reject('driveCode', drive.error);
      const form = contributionForm(row);
      const driveCode = movements.find((m) => matchKey(m.code) === matchKey(row.driveCode))!.code;
      return [
        {
          candidate: c,
          write: {
            keys: { driveKey: matchKey(driveCode), unitId: unit.id, personKey: c.personKey, entryKey: c.entryKey },
            // The audit names the drive and the unit; amounts are in its values only, read by the council and admins.
            label: `${driveCode}: ${unit.name}`,
            resultKey: contributionKey({ driveCode, unit: unit.name, personKey: c.personKey, entryKey: c.entryKey }),
            record: {
              driveCode,
              code: row.code ?? null,
              name: row.name ?? null,
              form,
              amount: form === 'money' ? (row.amount ?? null) : null,
              inKind: row.inKind ?? null,
              inKindValue: form === 'in-kind' ? (row.inKindValue ?? null) : null,
              date: row.date ?? null,
              receiptNo: row.receiptNo ?? null,
              note: row.note ?? null,
            },
            baseVersion: row.baseVersion ?? null,
          },
        },
      ];
    });
  },
  representation: (db, _orgId, param) => contributionSheet(db, param.reader, param.year),
  minimal: (db, _orgId, param) => contributionSheetState(db, param.reader, param.year),
};
