import type { Caller } from '../access/access.ts';
import type { RowResult } from '../contract/push.ts';
import type { Db } from '../db/database.ts';
import type { RowResults } from '../push/row-results.ts';
import { onePersonOneRow, resolvePeople, type Candidate, type PersonIdentityRow } from './resolve-people.ts';
import { ensureUnits, updatePeople, type NewPerson, type PersonRecord } from './roster-repository.ts';

// The steps a sheet of people (a month's, a year's) adds to a push: its units and people exist before the
// write, and the people follow their rows after it.

/** Creates the rows' units that do not exist yet; unit key → id. */
async function ensureRowUnits(db: Db, orgId: number, candidates: Candidate<PersonIdentityRow>[]): Promise<Map<string, number>> {
  const names = new Map(candidates.map((c) => [c.unitKey, c.row.unit]));
  const units = await ensureUnits(db, orgId, [...names.values()], [...names.keys()]);
  return new Map([...units].map(([k, u]) => [k, u.id]));
}

/** The person record a row describes; blank optional cells keep what is stored (see updatePeople). */
export function personFields(c: Candidate<PersonIdentityRow>): Omit<NewPerson, 'code'> {
  return {
    name: c.row.name,
    nameKey: c.nameKey,
    unitId: c.unitId!,
    dutyGroup: c.row.dutyGroup ?? null,
    title: c.row.title ?? null,
    sex: c.row.sex ?? null,
    recruitedOn: c.row.recruitedOn ?? null,
  };
}

/**
 * The people of a sheet of people (a month's, a year's): the rows' units created, each row's person found
 * or created, one row per person; each row's `unitId` set. The rows left to write.
 */
export async function sheetPeople<R extends PersonIdentityRow>(
  db: Db,
  caller: Caller,
  candidates: Candidate<R>[],
  results: RowResults,
  pushKey: string | null,
): Promise<Candidate<R>[]> {
  const unitIds = await ensureRowUnits(db, caller.orgId, candidates);
  for (const c of candidates) c.unitId = unitIds.get(c.unitKey)!;
  await resolvePeople(db, caller, candidates, unitIds, results, pushKey, personFields);
  onePersonOneRow(candidates, results);
  return candidates.filter((c) => c.person && results[c.index] === null);
}

/**
 * A row written, or equal to the stored one, may still correct its person's name, unit or title ('unchanged'
 * is about the sheet's record): the people are brought up to those rows. `dutyGroup` says which group a row
 * leaves its person in.
 */
export async function correctPeople<R extends PersonIdentityRow>(
  db: Db,
  caller: Caller,
  written: { candidate: Candidate<R>; result: RowResult }[],
  pushKey: string | null,
  dutyGroup: (c: Candidate<R>) => string | null = (c) => c.row.dutyGroup ?? null,
): Promise<void> {
  const accepted: (NewPerson & { id: number; stored: PersonRecord })[] = [];
  for (const { candidate: c, result } of written) {
    if (result.status === 'conflict') continue;
    // Object.assign, not a spread followed by fields: V8 builds that literal on its slow path (25 ms at 5,000 rows).
    accepted.push(Object.assign(personFields(c), { dutyGroup: dutyGroup(c), code: c.person!.code, id: c.person!.id, stored: c.person! }));
  }
  await updatePeople(db, caller.orgId, accepted, caller.userId, pushKey);
}

/** The write of a sheet-of-people row whose person was found: keyed by the person, labelled and answered by the code. */
export function personRowWrite<R extends PersonIdentityRow & { baseVersion?: number | null | undefined }, Rec>(c: Candidate<R>, record: Rec) {
  const person = c.person!;
  return {
    candidate: c,
    write: { keys: { personId: person.id }, label: person.code, resultKey: person.code, record, baseVersion: c.row.baseVersion ?? null },
  };
}
