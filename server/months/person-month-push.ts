import { personRowCrossField, personRowSchema, type PersonRow } from '../contract/person-row.ts';
import type { MonthState, PersonMonth } from '../contract/push.ts';
import { rowChecker } from '../contract/row-checker.ts';
import { screenPersonRows, type Candidate } from '../people/resolve-people.ts';
import { correctPeople, personRowWrite, sheetPeople } from '../people/sheet-people.ts';
import type { PushKind } from '../push/push-pipeline.ts';
import { monthState, personMonthView } from './month-view.ts';
import { PERSON_MONTH, type PersonMonthRecord } from './month-repository.ts';
import { withinPartMaxima } from './part-maxima-screen.ts';
import { ratingRecord } from './rating-record.ts';

function personMonthRecord(row: PersonRow, unitId: number): PersonMonthRecord {
  // Object.assign, not a spread followed by fields: V8 builds that literal on its slow path.
  return Object.assign(ratingRecord(row), {
    unitId,
    dutyGroup: row.dutyGroup ?? null,
    leave: row.leave ?? null,
    leaderOrganisePct: row.leaderOrganisePct ?? null,
    leaderOtherPct: row.leaderOtherPct ?? null,
  });
}

/** A month's sheet of people (RULES.md §1): people found by code or name, created when new, corrected by their rows. */
export const personMonthPush: PushKind<string, Candidate<PersonRow>, { personId: number }, PersonMonthRecord, PersonMonth, MonthState> = {
  name: 'person',
  table: PERSON_MONTH,
  scope: (period) => period,
  screen: (caller, _period, rows) => screenPersonRows(caller, rows, rowChecker(personRowSchema, personRowCrossField)),
  prepare: async (db, caller, _period, candidates, results, pushKey) => {
    const fitting = await withinPartMaxima(db, caller.orgId, candidates, results, (c) => c.row.code ?? null);
    return (await sheetPeople(db, caller, fitting, results, pushKey)).map((c) => personRowWrite(c, personMonthRecord(c.row, c.unitId!)));
  },
  afterWrite: (db, caller, written, pushKey) => correctPeople(db, caller, written, pushKey),
  representation: personMonthView,
  minimal: (db, orgId, period) => monthState(db, orgId, period, 'person'),
};
