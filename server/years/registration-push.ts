import { REGISTRATION_FIELD_LABELS, registrationHolder, registrationRowSchema, type RegistrationRow } from '../contract/registration-row.ts';
import type { RegistrationSheet, RegistrationSheetState } from '../contract/registration-sheets.ts';
import { periodState } from '../council/period-repository.ts';
import type { Db } from '../db/database.ts';
import type { PushKind } from '../push/push-pipeline.ts';
import { rejected } from '../push/row-results.ts';
import { loadRuleSet } from '../rule-set/rule-sets.ts';
import { duplicateMessage } from '../rules/registration/duplicates.ts';
import { registrationDateIssue, registrationWarnings } from '../rules/registration/pre-checks.ts';
import { loadInitiativesBetween } from './initiative-repository.ts';
import { titleHistory } from './titles-history.ts';
import { recordsByPerson } from './titles-inputs.ts';
import { computeYear } from './year-results.ts';
import { resolveHolders, screenHolderRows, type HolderCandidate } from './dossier-holders.ts';
import { withComparison } from './registration-comparison.ts';
import { loadRegistrations, REGISTRATION, type RegistrationKey, type RegistrationRecord } from './registration-repository.ts';

const refText = (row: RegistrationRow, fallback: string) => (row.ref !== undefined ? String(row.ref) : fallback);
const repeated = (row: RegistrationRow, other: RegistrationRow) => ({
  field: row.code ? 'code' : 'name',
  message: duplicateMessage([refText(other, 'khác'), refText(row, 'này')].sort()),
});

/**
 * Each person's earlier years and initiatives as the title rules will see them (titles-history.ts), for the
 * pre-checks of REG-2; someone registered before any month of the year is stored still has earlier years.
 */
async function preCheckInputs(db: Db, orgId: number, year: string, codes: readonly string[]) {
  const y = Number(year);
  const [computed, initiatives] = await Promise.all([computeYear(db, orgId, year), loadInitiativesBetween(db, orgId, y - 2, y)]);
  const known = new Set(computed.data.people.map((p) => p.code));
  const extra = codes
    .filter((code) => !known.has(code))
    .map((code) => ({ code, name: '', unit: '', dutyGroup: null, sex: null, recruitedOn: null, months: [], monthScores: [], maternity: 0, yearly: null }));
  const records = recordsByPerson(initiatives, y);
  const history = await titleHistory(db, orgId, { ...computed, data: { ...computed.data, people: [...computed.data.people, ...extra] } }, records);
  return { history, records };
}

/**
 * The registrations of a year with their pre-checks (REG-2), warnings that never reject a row: what a
 * registered CSTĐ cấp tỉnh or Bằng khen UBND tỉnh still needs from earlier years and initiatives, and «Đăng ký
 * muộn» where `registrationDeadline` is set and passed.
 */
export async function registrationSheet(db: Db, orgId: number, year: string): Promise<RegistrationSheet> {
  const [rows, state, { ruleSet }] = await Promise.all([loadRegistrations(db, orgId, year), periodState(db, orgId, year), loadRuleSet(db, orgId)]);
  const codes = rows.flatMap((r) => (r.holder === 'person' && r.code !== null ? [r.code] : []));
  const needsHistory = rows.some((r) => r.titleRegistered === 'CSTD_TINH' || r.awardRegistered === 'BANG_KHEN_TINH');
  const inputs = needsHistory ? await preCheckInputs(db, orgId, year, codes) : null;
  return {
    year,
    finalised: state.finalised,
    rows: rows.map(({ recruitedOn, ...r }) => {
      const key = r.holder === 'person' ? r.code! : r.unit!;
      const registration = { holder: r.holder, key, titleRegistered: r.titleRegistered, awardRegistered: r.awardRegistered, registeredOn: r.registeredOn };
      const person = r.holder === 'person' ? r.code : null;
      const warnings = registrationWarnings(
        Number(year),
        {
          registration,
          history: (person && inputs?.history.get(person)?.history) || [],
          initiatives: (person && inputs?.records.get(person)?.initiatives) || [],
          recruitedOn: r.holder === 'person' ? recruitedOn : null,
        },
        ruleSet.dossier,
      );
      return { ...r, warnings };
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
