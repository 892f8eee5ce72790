import { formatDate } from '../rules/titles-dates.ts';
import { unitScopeError, type Caller } from '../access/access.ts';
import { checkRow } from '../contract/row-validation.ts';
import { matchKey } from '../contract/text.ts';
import { INITIATIVE_FIELD_LABELS, initiativeRowSchema, type InitiativeRow } from '../contract/year-initiative-row.ts';
import type { InitiativeSheet } from '../contract/year-sheets.ts';
import { onePersonOneRow, personIdentity, resolvePeople, type Candidate } from '../people/resolve-people.ts';
import { unitsByKey } from '../people/roster-repository.ts';
import type { PushKind } from '../push/push-pipeline.ts';
import { contractRejection, rejected, type RowResults } from '../push/row-results.ts';
import { INITIATIVE, type InitiativeKey, type InitiativeRecord } from './initiative-repository.ts';
import { initiativeSheet, initiativeSheetState } from './year-initiatives-view.ts';

const L = INITIATIVE_FIELD_LABELS;

/** Per-row checks before the store: the contract, the year of the date, a rater's units, duplicates. */
function screenInitiatives(caller: Caller, year: string, rows: Record<string, unknown>[]) {
  const results: RowResults = rows.map(() => null);
  const candidates: Candidate<InitiativeRow>[] = [];
  const seen = new Set<string>();
  rows.forEach((raw, index) => {
    const check = checkRow(initiativeRowSchema, raw);
    if (!check.ok) {
      results[index] = contractRejection(index, raw, check.errors);
      return;
    }
    const row = check.value;
    const reject = (field: string, message: string) => {
      results[index] = rejected(index, row.ref ?? null, row.code ?? null, [{ field, message }]);
    };
    const date = row.recognisedOn!;
    if (date.slice(0, 4) !== year) {
      reject('recognisedOn', `${L.recognisedOn} ${formatDate(date)} không thuộc năm ${year}; ghi vào bảng sáng kiến, đề tài năm ${date.slice(0, 4)}`);
      return;
    }
    const unitKey = row.unit ? matchKey(row.unit) : '';
    const scopeError = row.unit ? unitScopeError(caller, unitKey) : null;
    if (scopeError) {
      results[index] = rejected(index, row.ref ?? null, row.code ?? null, [scopeError]);
      return;
    }
    const nameKey = row.name ? matchKey(row.name) : '';
    const who = personIdentity(row.code, nameKey, unitKey);
    const identity = `${who}\u0000${row.kind}\u0000${matchKey(row.title)}`;
    if (seen.has(identity)) {
      reject('title', `${row.kind === 'sáng kiến' ? 'Sáng kiến' : 'Đề tài'} «${row.title}» của cùng một người xuất hiện nhiều lần trong lần gửi này`);
      return;
    }
    seen.add(identity);
    candidates.push({ index, row, nameKey, unitKey });
  });
  return { candidates, results };
}

/**
 * The initiatives sheet of a year (RULES.md §6): sáng kiến with their level and đề tài, each of a person
 * the service knows (found by staff code, or by name within the unit; never created here), keyed by
 * person, kind and title within the year, pushed with the monthly semantics.
 */
export const initiativePush: PushKind<string, Candidate<InitiativeRow>, InitiativeKey, InitiativeRecord, InitiativeSheet, Omit<InitiativeSheet, 'rows'>> = {
  name: 'initiative',
  table: INITIATIVE,
  scope: (year) => year,
  screen: screenInitiatives,
  prepare: async (db, caller, _year, candidates, results, pushKey) => {
    const unitKeys = [...new Set(candidates.map((c) => c.unitKey).filter((k) => k !== ''))];
    const units = await unitsByKey(db, caller.orgId, unitKeys);
    const unitIds = new Map([...units].map(([k, u]) => [k, u.id]));
    await resolvePeople(db, caller, candidates, unitIds, results, pushKey, null);
    onePersonOneRow(candidates, results, {
      rowKey: (c) => `${c.row.kind}\u0000${matchKey(c.row.title)}`,
      error: (c, where) => ({ field: 'title', message: `${c.row.kind === 'sáng kiến' ? 'Sáng kiến' : 'Đề tài'} «${c.row.title}» của cán bộ ${c.person!.code} đã có ở ${where}` }),
    });
    return candidates
      .filter((c) => c.person && results[c.index] === null)
      .map((c) => ({
        candidate: c,
        write: {
          keys: { personId: c.person!.id, kind: c.row.kind, titleKey: matchKey(c.row.title) },
          label: `${c.person!.code}: ${c.row.kind} «${c.row.title}»`,
          resultKey: c.person!.code,
          record: { title: c.row.title, level: c.row.level ?? null, recognisedOn: c.row.recognisedOn!, note: c.row.note ?? null },
          baseVersion: c.row.baseVersion ?? null,
        },
      }));
  },
  representation: initiativeSheet,
  minimal: initiativeSheetState,
};
