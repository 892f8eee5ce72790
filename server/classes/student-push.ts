import type { PushRequest, ReturnPreference, RowResult } from '../contract/push.ts';
import { rowChecker } from '../contract/row-checker.ts';
import {
  STUDENT_FIELD_LABELS,
  studentRowCrossField,
  studentRowSchema,
  type ClassStudentsPushMinimal,
  type ClassStudentsPushResponse,
  type StudentRow,
} from '../contract/students.ts';
import { cleanText, matchKey } from '../contract/text.ts';
import type { Db } from '../db/database.ts';
import { STUDENT, storedClassName } from './student-repository.ts';
import { upsertVersionedRows } from '../db/versioned-upsert.ts';
import type { Caller } from '../admin/access.ts';
import { refOf, type RowResults } from '../people/resolve-people.ts';
import { assertCanWriteUnit, countResults, idempotentPush, rejected, type StoredAnswer } from '../push/idempotent-push.ts';
import { numberOrNull, writtenRowResult } from '../push/row-results.ts';
import { classState, classStudents } from './class-view.ts';

const L = STUDENT_FIELD_LABELS;

function storedForClient(stored: Record<string, unknown>): Record<string, unknown> {
  return {
    name: stored.full_name,
    code: stored.code ?? null,
    gpa: numberOrNull(stored.gpa),
    conduct: stored.conduct ?? null,
    discipline: stored.discipline ?? null,
    note: stored.note ?? null,
    version: stored.version,
    updatedAt: stored.updated_at,
  };
}

/** Per-row checks: the contract, the class of the sheet, a rater's classes, one row per student. */
function screenStudents(caller: Caller, classKey: string, className: string, rows: Record<string, unknown>[]) {
  const results: RowResults = rows.map(() => null);
  const ready: { index: number; row: StudentRow; key: string }[] = [];
  const seen = new Set<string>();
  // A rater writes the classes named among its units, as it writes its units' people.
  const scopeError = assertCanWriteUnit(caller, classKey);
  const checker = rowChecker(studentRowSchema, studentRowCrossField);
  rows.forEach((raw, index) => {
    const check = checker.check(raw);
    const code = typeof raw.code === 'string' && raw.code.trim() !== '' ? raw.code.trim() : null;
    if (!check.ok) {
      results[index] = rejected(index, refOf(raw), code, check.errors);
      return;
    }
    const row = check.value;
    const key = row.code ?? matchKey(row.name);
    const reject = (field: string, message: string) => {
      results[index] = rejected(index, row.ref ?? null, row.code ?? row.name, [{ field, message }]);
    };
    if (scopeError) return reject('class', 'Bạn không được phân công ghi kết quả cho lớp này');
    if (row.class !== undefined && matchKey(row.class) !== classKey) {
      return reject('class', `${L.class} «${row.class}» khác lớp của bảng («${className}»)`);
    }
    if (seen.has(key)) {
      return row.code
        ? reject('code', `${L.code} ${row.code} xuất hiện nhiều lần trong lần gửi này`)
        : reject('name', `Trùng ${L.name} với một dòng khác trong lần gửi này; cần ghi ${L.code}`);
    }
    seen.add(key);
    ready.push({ index, row, key });
  });
  return { results, ready };
}

/**
 * A class sheet's students (RULES.md §8), keyed by Mã HV or, without one, by the name's match key; pushed
 * with the monthly semantics (versions, conflicts, one transaction, idempotency, audit). A class is no
 * period, so nothing finalises it.
 */
export async function pushStudents(
  db: Db,
  caller: Caller,
  className: string,
  body: PushRequest,
  idempotencyKey: string | null,
  prefer: ReturnPreference = 'representation',
): Promise<ClassStudentsPushResponse | ClassStudentsPushMinimal> {
  const classKey = matchKey(className);
  const { results, ready } = screenStudents(caller, classKey, cleanText(className), body.rows);
  const write = async (): Promise<StoredAnswer> => {
    const name = (await storedClassName(db, caller.orgId, classKey)) ?? cleanText(className);
    const writes = ready.map((r) => ({
      keys: [r.key],
      label: `${name}: ${r.row.code ?? r.row.name}`,
      values: [name, r.row.code ?? null, r.row.name, r.row.gpa ?? null, r.row.conduct ?? null, r.row.discipline ?? null, r.row.note ?? null],
      baseVersion: r.row.baseVersion ?? null,
    }));
    const outcomes = await upsertVersionedRows(
      db,
      STUDENT,
      { orgId: caller.orgId, scope: classKey, actor: caller.userId, pushKey: idempotencyKey },
      writes,
    );
    ready.forEach((r, i) => {
      const row = { index: r.index, ref: r.row.ref ?? null, key: r.key, values: writes[i]!.values };
      results[r.index] = writtenRowResult(STUDENT, row, outcomes[i]!, storedForClient);
    });
    const final = results as RowResult[];
    return { results: final, counts: countResults(final) };
  };
  return idempotentPush(
    db,
    caller,
    { kind: 'student', period: classKey, key: idempotencyKey, body, periodless: true, prefer },
    write,
    {
      representation: () => classStudents(db, caller.orgId, className),
      minimal: () => classState(db, caller.orgId, className),
    },
  );
}
