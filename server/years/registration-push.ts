import { REGISTRATION_FIELD_LABELS, registrationHolder, registrationRowSchema, type RegistrationRow } from '../contract/registration-row.ts';
import type { RegistrationSheet, RegistrationSheetState } from '../contract/registration-sheets.ts';
import { periodState } from '../council/period-repository.ts';
import type { Db } from '../db/database.ts';
import type { PushKind } from '../push/push-pipeline.ts';
import { rejected } from '../push/row-results.ts';
import { loadRuleSet } from '../rule-set/rule-sets.ts';
import { duplicateMessage } from '../rules/registration/duplicates.ts';
import { lateRegistration, registrationDateIssue } from '../rules/registration/pre-checks.ts';
import { resolveHolders, screenHolderRows, type HolderCandidate } from './dossier-holders.ts';
import { withComparison } from './registration-comparison.ts';
import { loadRegistrations, REGISTRATION, type RegistrationKey, type RegistrationRecord } from './registration-repository.ts';

const refText = (row: RegistrationRow, fallback: string) => (row.ref !== undefined ? String(row.ref) : fallback);
const repeated = (row: RegistrationRow, other: RegistrationRow) => ({
  field: row.code ? 'code' : 'name',
  message: duplicateMessage([refText(other, 'khác'), refText(row, 'này')].sort()),
});

/** The registrations of a year, with «Đăng ký muộn» where `registrationDeadline` is set and passed (REG-2). */
export async function registrationSheet(db: Db, orgId: number, year: string): Promise<RegistrationSheet> {
  const [rows, state, { ruleSet }] = await Promise.all([loadRegistrations(db, orgId, year), periodState(db, orgId, year), loadRuleSet(db, orgId)]);
  const deadline = ruleSet.dossier.registrationDeadline;
  return {
    year,
    finalised: state.finalised,
    rows: rows.map(({ recruitedOn, ...r }) => {
      const late = lateRegistration(Number(year), r.registeredOn, r.holder === 'person' ? recruitedOn : null, deadline);
      return { ...r, warnings: late ? [late] : [] };
    }),
  };
}

export async function registrationSheetState(db: Db, orgId: number, year: string): Promise<RegistrationSheetState> {
  return { year, finalised: (await periodState(db, orgId, year)).finalised };
}

/**
 * "Đăng ký thi đua <YYYY>" (REG-1, REG-6): one registration per person (following the staff code, not the unit)
 * or collective, written by raters for their units, the council or an admin; two rows of one holder are both
 * rejected (REG-7.9); a date outside the year (or December before) is refused naming the cell; a finalised
 * year refuses the push (REG-7.8).
 */
export const registrationPush: PushKind<string, HolderCandidate<RegistrationRow>, RegistrationKey, RegistrationRecord, RegistrationSheet, RegistrationSheetState> = {
  name: 'registration',
  table: REGISTRATION,
  scope: (year) => year,
  screen: (caller, year, rows) => {
    const screened = screenHolderRows(caller, rows, registrationRowSchema, {
      holderOf: registrationHolder,
      rowKey: () => '',
      duplicateMessage: repeated,
      raters: true,
      rejectAllRepeats: true,
    });
    const candidates = screened.candidates.filter((c) => {
      const issue = registrationDateIssue(Number(year), c.row.registeredOn);
      if (issue) screened.results[c.index] = rejected(c.index, c.row.ref ?? null, c.row.code ?? null, [{ field: 'registeredOn', message: issue }]);
      return issue === null;
    });
    return { candidates, results: screened.results };
  },
  prepare: async (db, caller, _year, candidates, results, pushKey) => {
    const found = await resolveHolders(db, caller, candidates, results, pushKey, () => '', (row, where) => ({
      field: row.code ? 'code' : 'name',
      message: `Trùng đăng ký với ${where}: một người (hoặc tập thể) chỉ đăng ký một dòng mỗi năm`,
    }));
    return found.map((c) => ({
      candidate: c,
      write: {
        keys: { holder: c.holder, holderId: c.holderId! },
        label: `${c.holderKey}: ${REGISTRATION_FIELD_LABELS.titleRegistered}`,
        resultKey: c.holderKey!,
        record: {
          titleRegistered: c.row.titleRegistered ?? null,
          awardRegistered: c.row.awardRegistered ?? null,
          initiativeRegistered: c.row.initiativeRegistered ?? null,
          pledge: c.row.pledge ?? null,
          registeredOn: c.row.registeredOn ?? null,
          position: c.row.title ?? null,
          note: c.row.note ?? null,
        },
        baseVersion: c.row.baseVersion ?? null,
      },
    }));
  },
  representation: async (db, orgId, year) => withComparison(db, orgId, year, await registrationSheet(db, orgId, year)),
  minimal: registrationSheetState,
};
