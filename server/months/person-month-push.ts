import { personRowCrossField, personRowSchema, type PersonRow } from '../contract/person-row.ts';
import type { MonthState, PersonMonth } from '../contract/push.ts';
import { rowChecker } from '../contract/row-checker.ts';
import { screenPersonRows, type Candidate } from '../people/resolve-people.ts';
import { correctPeople, personRowWrite, sheetPeople } from '../people/sheet-people.ts';
import type { PushKind } from '../push/push-pipeline.ts';
import { monthState, personMonthView } from './month-view.ts';
import { PERSON_MONTH, type PersonMonthRecord } from './month-repository.ts';
import { DEFAULT_TASK_SETTINGS } from '../contract/task-settings.ts';
import { loadRuleSet } from '../rule-set/rule-sets.ts';
import { GENERAL_PARTS } from '../rules/tasks/index.ts';
import { screenAssessment, statusesToStore } from './assessment-screen.ts';
import { withinPartMaxima } from './part-maxima-screen.ts';
import { ratingRecord } from './rating-record.ts';

function personMonthRecord(row: PersonRow, unitId: number, assessmentStatus: string | null): PersonMonthRecord {
  // Object.assign, not a spread followed by fields: V8 builds that literal on its slow path.
  return Object.assign(ratingRecord(row), {
    unitId,
    dutyGroup: row.dutyGroup ?? null,
    leave: row.leave ?? null,
    leaderOrganisePct: row.leaderOrganisePct ?? null,
    leaderOtherPct: row.leaderOtherPct ?? null,
    headScore: row.headScore ?? null,
    generalI1: row.generalI1 ?? null,
    generalI2: row.generalI2 ?? null,
    generalII1: row.generalII1 ?? null,
    generalII2: row.generalII2 ?? null,
    generalII3: row.generalII3 ?? null,
    generalII4: row.generalII4 ?? null,
    generalIII: row.generalIII ?? null,
    assessmentStatus,
  });
}

/** A month's sheet of people (RULES.md §1): people found by code or name, created when new, corrected by their rows. */
export const personMonthPush: PushKind<string, Candidate<PersonRow>, { personId: number }, PersonMonthRecord, PersonMonth, MonthState> = {
  name: 'person',
  table: PERSON_MONTH,
  scope: (period) => period,
  screen: (caller, _period, rows) => screenPersonRows(caller, rows, rowChecker(personRowSchema, personRowCrossField)),
  prepare: async (db, caller, period, candidates, results, pushKey) => {
    // The rule set is read only for rows with parts of the score: a plain month's push needs none of it.
    const partsOf = (row: PersonRow) => row.general !== undefined || row.results !== undefined || GENERAL_PARTS.some((p) => row[p.field] !== undefined);
    const settings = candidates.some((c) => partsOf(c.row))
      ? (await loadRuleSet(db, caller.orgId)).ruleSet.tasks
      : DEFAULT_TASK_SETTINGS;
    const assessed = screenAssessment(caller, candidates, results, settings);
    const fitting = withinPartMaxima(settings, assessed, results, (c) => c.row.code ?? null);
    const people = await sheetPeople(db, caller, fitting, results, pushKey);
    const { kept, status } = await statusesToStore(db, caller, period, people, results);
    return kept.map((c) => personRowWrite(c, personMonthRecord(c.row, c.unitId!, status.get(c) ?? null)));
  },
  afterWrite: (db, caller, written, pushKey) => correctPeople(db, caller, written, pushKey),
  representation: personMonthView,
  minimal: (db, orgId, period) => monthState(db, orgId, period, 'person'),
};
