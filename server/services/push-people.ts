import { personRowSchema, type PersonRow } from '../contract/person-row.ts';
import type { PersonPushResponse, PushRequest, RowResult } from '../contract/push.ts';
import { checkRow } from '../contract/row-validation.ts';
import { matchKey } from '../contract/text.ts';
import type { Db } from '../db/database.ts';
import { PERSON_MONTH, upsertMonthRows } from '../db/month-upsert.ts';
import { reserveCodes } from '../db/organisations.ts';
import {
  ensureUnits,
  insertPeople,
  peopleByCode,
  peopleByNameKey,
  updatePeople,
  type NewPerson,
  type PersonRecord,
} from '../db/roster.ts';
import type { Caller } from './access.ts';
import { personMonthView } from './month-view.ts';
import {
  assertCanWriteUnit,
  countResults,
  idempotentPush,
  outcomeStatus,
  rejected,
  storedForClient,
  type StoredAnswer,
} from './push-common.ts';

interface Candidate {
  index: number;
  row: PersonRow;
  nameKey: string;
  unitKey: string;
  person?: PersonRecord;
}

const refOf = (raw: Record<string, unknown>) => {
  const ref = raw.ref;
  return typeof ref === 'string' || typeof ref === 'number' ? ref : null;
};

/** Validates every row on its own; bad rows and duplicates are rejected, the rest go on. */
function screenRows(caller: Caller, body: PushRequest): { candidates: Candidate[]; results: (RowResult | null)[] } {
  const results: (RowResult | null)[] = body.rows.map(() => null);
  const candidates: Candidate[] = [];
  const seen = new Map<string, number>();
  body.rows.forEach((raw, index) => {
    const check = checkRow(personRowSchema, raw);
    const code = typeof raw.code === 'string' && raw.code.trim() !== '' ? raw.code.trim() : null;
    if (!check.ok) {
      results[index] = rejected(index, refOf(raw), code, check.errors);
      return;
    }
    const row = check.value;
    const nameKey = matchKey(row.name);
    const unitKey = matchKey(row.unit);
    const scopeError = assertCanWriteUnit(caller, unitKey);
    if (scopeError) {
      results[index] = rejected(index, row.ref ?? null, row.code ?? null, [scopeError]);
      return;
    }
    const identity = row.code ? `code:${row.code}` : `name:${nameKey}\u0000${unitKey}`;
    const first = seen.get(identity);
    if (first !== undefined) {
      const message = row.code
        ? `Mã CB ${row.code} xuất hiện nhiều lần trong lần gửi này`
        : 'Trùng họ tên và đơn vị với một dòng khác trong lần gửi này';
      results[index] = rejected(index, row.ref ?? null, row.code ?? null, [{ field: row.code ? 'code' : 'name', message }]);
      return;
    }
    seen.set(identity, index);
    candidates.push({ index, row, nameKey, unitKey });
  });
  return { candidates, results };
}

/** Finds each row's person: by staff code, else by name within the unit; never guesses between namesakes. */
async function resolvePeople(db: Db, caller: Caller, candidates: Candidate[], unitIds: Map<string, number>, results: (RowResult | null)[], pushKey: string | null) {
  const withCode = candidates.filter((c) => c.row.code);
  const byCode = new Map((await peopleByCode(db, caller.orgId, withCode.map((c) => c.row.code!))).map((p) => [p.code, p]));
  const withoutCode = candidates.filter((c) => !c.row.code);
  const namesakes = new Map<string, PersonRecord[]>();
  if (withoutCode.length > 0) {
    for (const p of await peopleByNameKey(db, caller.orgId, withoutCode.map((c) => c.nameKey))) {
      const key = `${p.nameKey}\u0000${p.unitId}`;
      namesakes.set(key, [...(namesakes.get(key) ?? []), p]);
    }
  }
  const fresh: Candidate[] = [];
  for (const c of candidates) {
    const unitId = unitIds.get(c.unitKey)!;
    const found = c.row.code ? byCode.get(c.row.code) : undefined;
    const matches = c.row.code ? (found ? [found] : []) : (namesakes.get(`${c.nameKey}\u0000${unitId}`) ?? []);
    if (matches.length > 1) {
      results[c.index] = rejected(c.index, c.row.ref ?? null, null, [
        { field: 'name', message: `Có ${matches.length} người trùng họ tên "${c.row.name}" trong đơn vị; cần ghi Mã CB` },
      ]);
      continue;
    }
    const person = matches[0];
    if (person && caller.role === 'rater' && person.unit !== null && !caller.units.includes(matchKey(person.unit))) {
      results[c.index] = rejected(c.index, c.row.ref ?? null, person.code, [
        { field: 'code', message: `Cán bộ ${person.code} thuộc đơn vị khác; bạn không được ghi kết quả cho người này` },
      ]);
      continue;
    }
    if (person) c.person = person;
    else fresh.push(c);
  }
  if (fresh.length === 0) return;
  const needCodes = fresh.filter((c) => !c.row.code);
  let next = needCodes.length > 0 ? await reserveCodes(db, caller.orgId, needCodes.length) : 0;
  const newPeople: NewPerson[] = fresh.map((c) => ({
    ...personFields(c, unitIds),
    code: c.row.code ?? `BX${String(next++).padStart(4, '0')}`,
  }));
  await insertPeople(db, caller.orgId, newPeople, caller.userId, pushKey);
  const created = new Map((await peopleByCode(db, caller.orgId, newPeople.map((p) => p.code))).map((p) => [p.code, p]));
  fresh.forEach((c, i) => {
    const person = created.get(newPeople[i]!.code);
    if (person) c.person = person;
    else results[c.index] = rejected(c.index, c.row.ref ?? null, c.row.code ?? null, [{ field: 'code', message: 'Không tạo được cán bộ mới' }]);
  });
}

function personFields(c: Candidate, unitIds: Map<string, number>): Omit<NewPerson, 'code'> {
  return {
    name: c.row.name,
    nameKey: c.nameKey,
    unitId: unitIds.get(c.unitKey)!,
    dutyGroup: c.row.dutyGroup ?? null,
    title: c.row.title ?? null,
    sex: c.row.sex ?? null,
    recruitedOn: c.row.recruitedOn ?? null,
  };
}

function monthValues(row: PersonRow, unitId: number): unknown[] {
  return [
    unitId,
    row.dutyGroup ?? null,
    row.score ?? null,
    row.selfScore ?? null,
    row.general ?? null,
    row.results ?? null,
    row.allTasksDone ?? null,
    row.exceededPct ?? null,
    row.latePct ?? null,
    row.discipline ?? null,
    row.note ?? null,
    row.leave ?? null,
  ];
}

export async function pushPeople(
  db: Db,
  caller: Caller,
  period: string,
  body: PushRequest,
  idempotencyKey: string | null,
): Promise<PersonPushResponse> {
  const { candidates, results } = screenRows(caller, body);
  const write = async (): Promise<StoredAnswer> => {
    const names = new Map(candidates.map((c) => [c.unitKey, c.row.unit]));
    const units = await ensureUnits(db, caller.orgId, [...names.values()], [...names.keys()]);
    const unitIds = new Map([...units].map(([k, u]) => [k, u.id]));
    await resolvePeople(db, caller, candidates, unitIds, results, idempotencyKey);
    const ready = candidates.filter((c) => c.person && results[c.index] === null);
    const writes = ready.map((c) => ({
      keyId: c.person!.id,
      label: c.person!.code,
      values: monthValues(c.row, unitIds.get(c.unitKey)!),
      baseVersion: c.row.baseVersion ?? null,
    }));
    const outcomes = await upsertMonthRows(
      db,
      PERSON_MONTH,
      { orgId: caller.orgId, period, actor: caller.userId, pushKey: idempotencyKey },
      writes,
    );
    const accepted: (NewPerson & { id: number })[] = [];
    ready.forEach((c, i) => {
      const outcome = outcomes[i]!;
      const status = outcomeStatus(PERSON_MONTH, writes[i]!.values, outcome);
      results[c.index] = {
        index: c.index,
        ref: c.row.ref ?? null,
        key: c.person!.code,
        status,
        version: outcome.version,
        errors: status === 'conflict' ? [{ field: '', message: 'Dữ liệu đã được người khác sửa sau lần đồng bộ trước của bạn' }] : [],
        stored: status === 'conflict' ? storedForClient(outcome.stored) : null,
      };
      if (status === 'accepted') accepted.push({ ...personFields(c, unitIds), code: c.person!.code, id: c.person!.id });
    });
    await updatePeople(db, caller.orgId, accepted, caller.userId, idempotencyKey);
    const final = results as RowResult[];
    return { results: final, counts: countResults(final) };
  };
  return idempotentPush(
    db,
    caller,
    { kind: 'person', period, key: idempotencyKey, body },
    write,
    async (answer) => ({ ...(await personMonthView(db, caller.orgId, period)), ...answer }),
  );
}
