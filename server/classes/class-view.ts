import type { ClassCommendations, ClassList, ClassStudents, ClassStudentsPushMinimal } from '../contract/students.ts';
import { cleanText, matchKey } from '../contract/text.ts';
import type { Db } from '../db/database.ts';
import { listClasses, loadClass, storedClassName, type StoredStudent } from './student-repository.ts';
import { classifyStudents, type StudentsOutcome } from '../rules/index.ts';
import { loadRuleSet } from '../rule-set/rule-sets.ts';

interface ComputedClass {
  name: string;
  rows: StoredStudent[];
  outcome: StudentsOutcome;
  ruleSetVersion: number;
}

/** A class as stored, with RULES.md §8 applied now: bands, and the commendation list within the class limit. */
async function computeClass(db: Db, orgId: number, className: string): Promise<ComputedClass> {
  const classKey = matchKey(className);
  const [rows, { version, ruleSet }] = await Promise.all([loadClass(db, orgId, classKey), loadRuleSet(db, orgId)]);
  const name = rows[0]?.className ?? cleanText(className);
  const outcome = classifyStudents(
    rows.map((r) => ({ key: r.key, className: name, gpa: r.gpa, conduct: r.conduct, discipline: r.discipline })),
    ruleSet,
  );
  return { name, rows, outcome, ruleSetVersion: version };
}

function summary(c: ComputedClass) {
  const s = c.outcome.classes[0];
  return {
    class: c.name,
    size: s?.size ?? 0,
    limit: s?.limit ?? 0,
    candidates: s?.candidates ?? 0,
    commended: s?.commended ?? 0,
    tieKeys: s?.tieKeys ?? [],
    ruleSetVersion: c.ruleSetVersion,
  };
}

export async function classStudents(db: Db, orgId: number, className: string): Promise<ClassStudents> {
  const c = await computeClass(db, orgId, className);
  return {
    ...summary(c),
    students: c.rows.map((r, i) => {
      const s = c.outcome.students[i]!;
      const { key, code, name, gpa, conduct, discipline, note, version, updatedAt } = r;
      return { key, code, name, gpa, conduct, discipline, note, band: s.band, commended: s.commended, tieAtLimit: s.tieAtLimit, reasons: s.reasons, version, updatedAt };
    }),
  };
}

/** A class's name and rule set, read and not computed: a push's answer under `Prefer: return=minimal`. */
export async function classState(db: Db, orgId: number, className: string): Promise<Pick<ClassStudentsPushMinimal, 'class' | 'ruleSetVersion'>> {
  const [stored, { version }] = await Promise.all([storedClassName(db, orgId, matchKey(className)), loadRuleSet(db, orgId)]);
  return { class: stored ?? cleanText(className), ruleSetVersion: version };
}

export async function classCommendations(db: Db, orgId: number, className: string): Promise<ClassCommendations> {
  const c = await computeClass(db, orgId, className);
  const listed = c.rows
    .map((r, i) => ({ r, s: c.outcome.students[i]! }))
    .sort((a, b) => (b.r.gpa ?? -1) - (a.r.gpa ?? -1));
  const pick = ({ r, s }: (typeof listed)[number]) => ({ key: r.key, code: r.code, name: r.name, gpa: r.gpa, band: s.band, reasons: s.reasons });
  return {
    ...summary(c),
    commendedStudents: listed.filter((x) => x.s.commended).map(pick),
    tieStudents: listed.filter((x) => x.s.tieAtLimit).map(pick),
  };
}

export async function classList(db: Db, orgId: number): Promise<ClassList> {
  return { classes: await listClasses(db, orgId) };
}
