import { requireRole, unitScopeError, type Caller } from '../access/access.ts';
import type { Holder } from '../contract/dossier-titles.ts';
import { checkRow } from '../contract/row-validation.ts';
import { matchKey } from '../contract/text.ts';
import type { z } from 'zod';
import type { Db } from '../db/database.ts';
import { personIdentity, resolvePeople, type Candidate } from '../people/resolve-people.ts';
import { unitsByKey } from '../people/roster-repository.ts';
import { contractRejection, rejected, type RowResults } from '../push/row-results.ts';

/** What a row of the year's dossier says about its holder (a person by code or name within the unit, or a unit). */
export interface HolderRow {
  ref?: string | number | undefined;
  code?: string | undefined;
  name?: string | undefined;
  unit?: string | undefined;
  baseVersion?: number | null | undefined;
}

export interface HolderCandidate<R extends HolderRow> extends Candidate<R> {
  holder: Holder;
  /** person.id or unit.id once found. */
  holderId?: number;
  /** Staff code or unit name: the row result's key. */
  holderKey?: string;
}

export interface HolderSheet<R> {
  holderOf: (row: R) => Holder;
  rowKey: (row: R) => string;
  duplicateMessage: (row: R, first: R) => { field: string; message: string };
  /** Raters may write their units' rows (registrations); else the council or an admin only (votes, decisions). */
  raters?: boolean;
  /** Reject every row of a repeated holder, the first too, so none is silently preferred (REG-7.9). */
  rejectAllRepeats?: boolean;
}

/**
 * Rows of a sheet about holders (votes, decisions, registrations), each checked on its own, and rows about
 * the same holder and `rowKey` in one push rejected (both would write one record).
 */
export function screenHolderRows<S extends z.ZodType<HolderRow>>(
  caller: Caller,
  rows: Record<string, unknown>[],
  schema: S,
  sheet: HolderSheet<z.output<S>>,
): { candidates: HolderCandidate<z.output<S>>[]; results: RowResults } {
  if (sheet.raters) requireRole(caller, 'admin', 'council', 'rater');
  else requireRole(caller, 'admin', 'council');
  const { holderOf, rowKey, duplicateMessage } = sheet;
  const results: RowResults = rows.map(() => null);
  let candidates: HolderCandidate<z.output<S>>[] = [];
  const seen = new Map<string, HolderCandidate<z.output<S>>>();
  rows.forEach((raw, index) => {
    const check = checkRow(schema, raw);
    const code = typeof raw.code === 'string' && raw.code.trim() !== '' ? raw.code.trim() : null;
    if (!check.ok) {
      results[index] = contractRejection(index, raw, check.errors);
      return;
    }
    const row = check.value;
    const holder = holderOf(row);
    const nameKey = row.name ? matchKey(row.name) : '';
    const unitKey = row.unit ? matchKey(row.unit) : '';
    const scopeError = unitKey ? unitScopeError(caller, unitKey) : null;
    if (scopeError) {
      results[index] = rejected(index, row.ref ?? null, code, [scopeError]);
      return;
    }
    const who = holder === 'unit' ? `unit:${unitKey}` : personIdentity(row.code, nameKey, unitKey);
    const identity = `${who}\u0000${rowKey(row)}`;
    const first = seen.get(identity);
    if (first) {
      results[index] = rejected(index, row.ref ?? null, code, [duplicateMessage(row, first.row)]);
      if (sheet.rejectAllRepeats && results[first.index] === null) {
        results[first.index] = rejected(first.index, first.row.ref ?? null, first.row.code ?? null, [duplicateMessage(first.row, row)]);
      }
      return;
    }
    const candidate = { index, row, nameKey, unitKey, holder };
    seen.set(identity, candidate);
    candidates.push(candidate);
  });
  candidates = candidates.filter((c) => results[c.index] === null);
  return { candidates, results };
}

/**
 * Finds each row's holder: people as the other sheets find them (never created here), collectives by the
 * unit's name. A holder reached twice for one `rowKey` (a person by code and by name) keeps the first row.
 */
export async function resolveHolders<R extends HolderRow>(
  db: Db,
  caller: Caller,
  candidates: HolderCandidate<R>[],
  results: RowResults,
  pushKey: string | null,
  rowKey: (row: R) => string,
  duplicateMessage: (row: R, where: string) => { field: string; message: string },
): Promise<HolderCandidate<R>[]> {
  const unitKeys = [...new Set(candidates.map((c) => c.unitKey).filter((k) => k !== ''))];
  const units = await unitsByKey(db, caller.orgId, unitKeys);
  const people = candidates.filter((c) => c.holder === 'person');
  await resolvePeople(db, caller, people, new Map([...units].map(([k, u]) => [k, u.id])), results, pushKey, null);
  for (const c of people) {
    if (c.person && results[c.index] === null) Object.assign(c, { holderId: c.person.id, holderKey: c.person.code });
  }
  for (const c of candidates.filter((c) => c.holder === 'unit')) {
    const unit = units.get(c.unitKey);
    if (unit) Object.assign(c, { holderId: unit.id, holderKey: unit.name });
    else {
      results[c.index] = rejected(c.index, c.row.ref ?? null, null, [
        { field: 'unit', message: `Không tìm thấy đơn vị «${c.row.unit}»; hãy đồng bộ trước bảng đánh giá có đơn vị này` },
      ]);
    }
  }
  const claimed = new Map<string, HolderCandidate<R>>();
  const found: HolderCandidate<R>[] = [];
  for (const c of candidates) {
    if (c.holderId === undefined || results[c.index] !== null) continue;
    const key = `${c.holder}\u0000${c.holderId}\u0000${rowKey(c.row)}`;
    const first = claimed.get(key);
    if (first) {
      const where = first.row.ref !== undefined ? `dòng ${first.row.ref}` : `dòng thứ ${first.index + 1} của lần gửi`;
      results[c.index] = rejected(c.index, c.row.ref ?? null, c.holderKey ?? null, [duplicateMessage(c.row, where)]);
      continue;
    }
    claimed.set(key, c);
    found.push(c);
  }
  return found;
}
