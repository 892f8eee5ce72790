import { rowChecker } from '../contract/row-checker.ts';
import { PERSON_YEAR_FIELD_LABELS, personYearRowCrossField, personYearRowSchema, type PersonYearRow } from '../contract/year-person-row.ts';
import { parsePriorTitles } from '../contract/year-prior-titles.ts';
import type { PersonYearSheet } from '../contract/year-sheets.ts';
import { screenPersonRows, type Candidate } from '../people/resolve-people.ts';
import { correctPeople, personRowWrite, sheetPeople } from '../people/sheet-people.ts';
import type { PushKind } from '../push/push-pipeline.ts';
import { rejected, type RowResults } from '../push/row-results.ts';
import { PERSON_YEAR, type PersonYearRecord } from './person-year-repository.ts';
import { personYearSheet, personYearState, type PersonYearState } from './year-people-view.ts';

function personYearRecord(row: PersonYearRow, unitId: number): PersonYearRecord {
  return {
    unitId,
    dutyGroup: row.dutyGroup ?? null,
    allTasksDone: row.allTasksDone ?? null,
    exceededPct: row.exceededPct ?? null,
    latePct: row.latePct ?? null,
    discipline: row.discipline ?? null,
    pendingDisciplineCase: row.pendingDisciplineCase ?? null,
    voteAgree: row.voteAgree ?? null,
    voteTotal: row.voteTotal ?? null,
    priorTitles: row.priorTitles ?? null,
    note: row.note ?? null,
  };
}

/** Earlier titles may only name years before this one; this year's come from the data. */
function checkPriorYears(year: number, candidates: Candidate<PersonYearRow>[], results: RowResults): Candidate<PersonYearRow>[] {
  return candidates.filter((c) => {
    const parsed = c.row.priorTitles === undefined ? null : parsePriorTitles(c.row.priorTitles);
    const late = parsed?.ok ? parsed.entries.filter((e) => e.year >= year) : [];
    if (late.length === 0) return true;
    results[c.index] = rejected(c.index, c.row.ref ?? null, c.row.code ?? null, [
      {
        field: 'priorTitles',
        message: `${PERSON_YEAR_FIELD_LABELS.priorTitles} chỉ ghi các năm trước ${year} (có năm ${late.map((e) => e.year).join(', ')})`,
      },
    ]);
    return false;
  });
}

/**
 * The yearly sheet's rows (RULES.md §5–6) go the monthly way: per-row checks, people found or created as
 * on the monthly sheet (a row's Ngày tuyển dụng and Giới tính update the person), one statement, one
 * transaction, refused when the council has finalised the year.
 */
export const personYearPush: PushKind<string, Candidate<PersonYearRow>, { personId: number }, PersonYearRecord, PersonYearSheet, PersonYearState> = {
  name: 'person-year',
  table: PERSON_YEAR,
  scope: (year) => year,
  screen: (caller, year, rows) => {
    const { candidates, results } = screenPersonRows(caller, rows, rowChecker(personYearRowSchema, personYearRowCrossField));
    return { candidates: checkPriorYears(Number(year), candidates, results), results };
  },
  prepare: async (db, caller, _year, candidates, results, pushKey) =>
    (await sheetPeople(db, caller, candidates, results, pushKey)).map((c) => personRowWrite(c, personYearRecord(c.row, c.unitId!))),
  // A blank Nhóm chức danh on the yearly sheet keeps the person's: the months say which group they were in.
  afterWrite: (db, caller, written, pushKey) => correctPeople(db, caller, written, pushKey, (c) => c.row.dutyGroup ?? c.person!.dutyGroup),
  representation: personYearSheet,
  minimal: personYearState,
};
