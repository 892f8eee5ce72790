import { unitScopeError, type Caller } from '../access/access.ts';
import type { RowChecker } from '../contract/row-checker.ts';
import type { FieldError } from '../contract/row-validation.ts';
import { matchKey } from '../contract/text.ts';
import type { Db } from '../db/database.ts';
import { contractRejection, rejected, type RowResults } from '../push/row-results.ts';
import { insertPeople, peopleByCode, peopleByNameKey, reserveCodes, type NewPerson, type PersonRecord } from './roster-repository.ts';
import { ratersCreatePeople } from './roster-control-repository.ts';

/**
 * Finding the person each pushed row is about, shared by every sheet of people (months, years,
 * initiatives): screening rows one by one, matching by staff code or by name within the unit, creating
 * people the sheet introduces, one row per person.
 */

/** What any row about a person may say about who it is. */
export interface IdentityRow {
  ref?: string | number | undefined;
  code?: string | undefined;
  name?: string | undefined;
}

/** A row that introduces or updates a person (monthly and yearly sheets). */
export interface PersonIdentityRow extends IdentityRow {
  name: string;
  unit: string;
  dutyGroup?: string | undefined;
  title?: string | undefined;
  sex?: 'nam' | 'nữ' | undefined;
  recruitedOn?: string | undefined;
}

export interface Candidate<R extends IdentityRow> {
  index: number;
  row: R;
  nameKey: string;
  unitKey: string;
  /** The row's unit, once the sheet's units exist (sheets of people). */
  unitId?: number;
  person?: PersonRecord;
}

/** Who a row names, for finding two rows of one person in a push: the staff code, else the name within the unit. */
export function personIdentity(code: string | null | undefined, nameKey: string, unitKey: string): string {
  return code ? `code:${code}` : `name:${nameKey}\u0000${unitKey}`;
}

/** Validates every row on its own; bad rows, rows outside a rater's units and duplicates are rejected. */
export function screenPersonRows<R extends PersonIdentityRow>(
  caller: Caller,
  rows: Record<string, unknown>[],
  checker: RowChecker<R>,
): { candidates: Candidate<R>[]; results: RowResults } {
  const results: RowResults = rows.map(() => null);
  const candidates: Candidate<R>[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, index) => {
    const check = checker.check(raw);
    if (!check.ok) {
      results[index] = contractRejection(index, raw, check.errors);
      return;
    }
    const row = check.value;
    const nameKey = matchKey(row.name);
    const unitKey = matchKey(row.unit);
    const scopeError = unitScopeError(caller, unitKey);
    if (scopeError) {
      results[index] = rejected(index, row.ref ?? null, row.code ?? null, [scopeError]);
      return;
    }
    const identity = personIdentity(row.code, nameKey, unitKey);
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

/**
 * Finds each row's person: by staff code, else by name within the unit; never guesses between namesakes.
 * People not found are created when `create` says how, else their rows are rejected.
 */
export async function resolvePeople<R extends IdentityRow>(
  db: Db,
  caller: Caller,
  candidates: Candidate<R>[],
  unitIds: Map<string, number>,
  results: RowResults,
  pushKey: string | null,
  create: ((c: Candidate<R>) => Omit<NewPerson, 'code'>) | null,
): Promise<void> {
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
  const fresh: Candidate<R>[] = [];
  for (const c of candidates) {
    const unitId = unitIds.get(c.unitKey);
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
    else if (create) fresh.push(c);
    else {
      const who = c.row.code ? `Mã CB ${c.row.code}` : `"${c.row.name}" trong đơn vị`;
      results[c.index] = rejected(c.index, c.row.ref ?? null, c.row.code ?? null, [
        { field: c.row.code ? 'code' : 'name', message: `Không tìm thấy cán bộ ${who}; hãy đồng bộ trước bảng đánh giá tháng hoặc năm có người này` },
      ]);
    }
  }
  if (fresh.length === 0 || !create) return;
  if (caller.role === 'rater' && !(await ratersCreatePeople(db, caller.orgId))) {
    for (const c of fresh) {
      results[c.index] = rejected(c.index, c.row.ref ?? null, c.row.code ?? null, [
        { field: c.row.code ? 'code' : 'name', message: ONLY_ADMIN_CREATES },
      ]);
    }
    return;
  }
  const typed = new Set(fresh.flatMap((c) => (c.row.code ? [c.row.code] : [])));
  const codes = await automaticCodes(db, caller.orgId, fresh.length - typed.size, typed);
  let n = 0;
  const newPeople: NewPerson[] = fresh.map((c) => Object.assign(create(c), { code: c.row.code ?? codes[n++]! }));
  const created = new Map((await insertPeople(db, caller.orgId, newPeople, caller.userId, pushKey)).map((p) => [p.code, p]));
  // A code another push created meanwhile (its insert skipped here) is that person, as a lookup finds it.
  const raced = newPeople.filter((p) => !created.has(p.code)).map((p) => p.code);
  if (raced.length > 0) for (const p of await peopleByCode(db, caller.orgId, raced)) created.set(p.code, p);
  fresh.forEach((c, i) => {
    const person = created.get(newPeople[i]!.code);
    if (person) c.person = person;
    else results[c.index] = rejected(c.index, c.row.ref ?? null, c.row.code ?? null, [{ field: 'code', message: 'Không tạo được cán bộ mới' }]);
  });
}

const ONLY_ADMIN_CREATES =
  'Người này chưa có trong danh sách cán bộ; tổ chức chỉ cho quản trị viên thêm cán bộ mới (nhập danh sách). Hãy đề nghị quản trị viên thêm, hoặc kiểm tra Mã CB, họ tên';

/**
 * New codes for people sent without one. A sheet may hold a typed code that looks automatic ("BX0007"), so
 * codes already taken are skipped: reusing one would write this row onto that other person.
 */
async function automaticCodes(db: Db, orgId: number, count: number, typed: Set<string>): Promise<string[]> {
  const codes: string[] = [];
  while (codes.length < count) {
    const want = count - codes.length;
    let next = await reserveCodes(db, orgId, want);
    const batch = Array.from({ length: want }, () => `BX${String(next++).padStart(4, '0')}`);
    const taken = new Set((await peopleByCode(db, orgId, batch)).map((p) => p.code));
    codes.push(...batch.filter((code) => !taken.has(code) && !typed.has(code)));
  }
  return codes;
}

/**
 * Two rows of one push that reach the same record (the same person by code and by name, and for sheets
 * with several rows a person the same `rowKey`) would write one record twice: the later one is rejected.
 */
export function onePersonOneRow<R extends IdentityRow>(
  candidates: Candidate<R>[],
  results: RowResults,
  duplicate: { rowKey: (c: Candidate<R>) => string; error: (c: Candidate<R>, where: string) => FieldError } = {
    rowKey: () => '',
    error: (c, where) => ({ field: c.row.code ? 'code' : 'name', message: `Cán bộ ${c.person!.code} đã có ở ${where}; mỗi người chỉ một dòng` }),
  },
): void {
  const claimed = new Map<string, Candidate<R>>();
  for (const c of candidates) {
    if (!c.person || results[c.index] !== null) continue;
    const key = `${c.person.id}\u0000${duplicate.rowKey(c)}`;
    const first = claimed.get(key);
    if (!first) {
      claimed.set(key, c);
      continue;
    }
    const where = first.row.ref !== undefined ? `dòng ${first.row.ref}` : `dòng thứ ${first.index + 1} của lần gửi`;
    results[c.index] = rejected(c.index, c.row.ref ?? null, c.person.code, [duplicate.error(c, where)]);
  }
}
