import { requireRole } from '../access/access.ts';
import { MOVEMENT_FIELD_LABELS, movementRowCrossField, movementRowSchema, type MovementRow } from '../contract/movement-row.ts';
import type { MovementSheet, MovementSheetState } from '../contract/drive-sheets.ts';
import { rowChecker } from '../contract/row-checker.ts';
import { matchKey } from '../contract/text.ts';
import type { PushKind } from '../push/push-pipeline.ts';
import { contractRejection, rejected, type RowResults } from '../push/row-results.ts';
import { MOVEMENT, type MovementKey, type MovementRecord } from './drive-repository.ts';
import { movementSheet, yearState } from './drive-view.ts';

interface MovementCandidate {
  index: number;
  row: MovementRow;
  codeKey: string;
}

/**
 * "Phong trào <YYYY>" (DRV-1): the year's register of movements and drives, one row per Mã, written by the
 * council or an admin (contributions name these codes, so the council keeps the register).
 */
export const movementPush: PushKind<string, MovementCandidate, MovementKey, MovementRecord, MovementSheet, MovementSheetState> = {
  name: 'movement',
  table: MOVEMENT,
  scope: (year) => year,
  screen: (caller, _year, rows) => {
    requireRole(caller, 'admin', 'council');
    const results: RowResults = rows.map(() => null);
    const candidates: MovementCandidate[] = [];
    const seen = new Map<string, string>();
    const checker = rowChecker(movementRowSchema, movementRowCrossField);
    rows.forEach((raw, index) => {
      const check = checker.check(raw);
      if (!check.ok) {
        results[index] = contractRejection(index, raw, check.errors);
        return;
      }
      const row = check.value;
      const codeKey = matchKey(row.code);
      const earlier = seen.get(codeKey);
      if (earlier !== undefined) {
        results[index] = rejected(index, row.ref ?? null, row.code, [
          { field: 'code', message: `${MOVEMENT_FIELD_LABELS.code} «${row.code}» đã có ở dòng ${earlier}; mỗi phong trào một mã trong năm` },
        ]);
        return;
      }
      seen.set(codeKey, row.ref !== undefined ? String(row.ref) : 'khác');
      candidates.push({ index, row, codeKey });
    });
    return { candidates, results };
  },
  prepare: async (_db, _caller, _year, candidates) =>
    candidates.map((c) => ({
      candidate: c,
      write: {
        keys: { codeKey: c.codeKey },
        label: c.row.code,
        resultKey: c.row.code,
        record: {
          code: c.row.code,
          name: c.row.name,
          kind: c.row.kind ?? null,
          level: c.row.level ?? null,
          docRef: c.row.docRef ?? null,
          from: c.row.from ?? null,
          to: c.row.to ?? null,
          ask: c.row.ask ?? null,
          target: c.row.target ?? null,
          note: c.row.note ?? null,
        },
        baseVersion: c.row.baseVersion ?? null,
      },
    })),
  representation: movementSheet,
  minimal: yearState,
};
