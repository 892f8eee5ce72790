import { unitScopeError, type Caller } from '../access/access.ts';
import { rowChecker } from '../contract/row-checker.ts';
import {
  STUDENT_FIELD_LABELS,
  studentRowCrossField,
  studentRowSchema,
  type ClassStudents,
  type ClassStudentsPushMinimal,
  type StudentRow,
} from '../contract/students.ts';
import { cleanText, matchKey } from '../contract/text.ts';
import type { PushKind } from '../push/push-pipeline.ts';
import { contractRejection, rejected, type RowResults } from '../push/row-results.ts';
import { classState, classStudents } from './class-view.ts';
import { STUDENT, storedClassName, type StudentRecord } from './student-repository.ts';

const L = STUDENT_FIELD_LABELS;

interface StudentCandidate {
  index: number;
  row: StudentRow;
  key: string;
}

/** Per-row checks: the contract, the class of the sheet, a rater's classes, one row per student. */
function screenStudents(caller: Caller, className: string, rows: Record<string, unknown>[]) {
  const classKey = matchKey(className);
  const results: RowResults = rows.map(() => null);
  const candidates: StudentCandidate[] = [];
  const seen = new Set<string>();
  // A rater writes the classes named among its units, as it writes its units' people.
  const scopeError = unitScopeError(caller, classKey);
  const checker = rowChecker(studentRowSchema, studentRowCrossField);
  rows.forEach((raw, index) => {
    const check = checker.check(raw);
    if (!check.ok) {
      results[index] = contractRejection(index, raw, check.errors);
      return;
    }
    const row = check.value;
    const key = row.code ?? matchKey(row.name);
    const reject = (field: string, message: string) => {
      results[index] = rejected(index, row.ref ?? null, row.code ?? row.name, [{ field, message }]);
    };
    if (scopeError) return reject('class', 'Bạn không được phân công ghi kết quả cho lớp này');
    if (row.class !== undefined && matchKey(row.class) !== classKey) {
      return reject('class', `${L.class} «${row.class}» khác lớp của bảng («${cleanText(className)}»)`);
    }
    if (seen.has(key)) {
      return row.code
        ? reject('code', `${L.code} ${row.code} xuất hiện nhiều lần trong lần gửi này`)
        : reject('name', `Trùng ${L.name} với một dòng khác trong lần gửi này; cần ghi ${L.code}`);
    }
    seen.add(key);
    candidates.push({ index, row, key });
  });
  return { candidates, results };
}

/**
 * A class sheet's students (RULES.md §8), keyed by Mã HV or, without one, by the name's match key; pushed
 * with the monthly semantics (versions, conflicts, one transaction, idempotency, audit). A class is no
 * period, so nothing finalises it.
 */
export const studentPush: PushKind<string, StudentCandidate, { studentKey: string }, StudentRecord, ClassStudents, Pick<ClassStudentsPushMinimal, 'class' | 'ruleSetVersion'>> = {
  name: 'student',
  table: STUDENT,
  scope: (className) => matchKey(className),
  periodless: true,
  screen: screenStudents,
  prepare: async (db, caller, className, candidates) => {
    const name = (await storedClassName(db, caller.orgId, matchKey(className))) ?? cleanText(className);
    return candidates.map((c) => ({
      candidate: c,
      write: {
        keys: { studentKey: c.key },
        label: `${name}: ${c.row.code ?? c.row.name}`,
        resultKey: c.key,
        record: { className: name, code: c.row.code ?? null, name: c.row.name, gpa: c.row.gpa ?? null, conduct: c.row.conduct ?? null, discipline: c.row.discipline ?? null, note: c.row.note ?? null },
        baseVersion: c.row.baseVersion ?? null,
      },
    }));
  },
  representation: classStudents,
  minimal: classState,
};
