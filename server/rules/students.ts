import type { RuleSet } from '../contract/rule-set.ts';
import { cleanText, matchKey } from '../contract/text.ts';
import { toHundredths } from './bands.ts';
import { walkQuota } from './quota.ts';
import { formatNumber } from './reasons.ts';
import { orderByScoreDesc, scoreHundredths } from './score-order.ts';
import type { ClassCommendation, StudentBand, StudentInput, StudentResult, StudentsOutcome } from './year-types.ts';

const COMMENDABLE: ReadonlySet<StudentBand> = new Set<StudentBand>(['Xuất sắc', 'Giỏi']);
const GOOD_CONDUCT = matchKey('Tốt');

export const STUDENT_TIE_REASON = 'Đồng điểm tại ngưỡng khen thưởng của lớp — Hội đồng quyết định';

/** RULES.md §8: the first band whose minimum the gpa reaches (two decimals compared as whole hundredths). */
export function studentBandOf(gpa: number, ruleSet: Pick<RuleSet, 'students'>): StudentBand {
  const hundredths = toHundredths(gpa);
  for (const band of ruleSet.students.bands) if (hundredths >= toHundredths(band.min)) return band.band;
  return 'Không đạt';
}

/** floor(pct% × size), in whole numbers. */
export function commendLimit(size: number, pct: number): number {
  const product = pct * size;
  return (product - (product % 100)) / 100;
}

function bandReason(gpa: number, band: StudentBand, ruleSet: RuleSet): string {
  const applied = ruleSet.students.bands.find((b) => b.band === band);
  const lowest = ruleSet.students.bands.at(-1)?.min ?? 0;
  const rule = applied ? `≥ ${formatNumber(applied.min)}` : `< ${formatNumber(lowest)}`;
  const shown = (toHundredths(gpa) / 100).toFixed(2).replace('.', ',');
  return `Điểm trung bình ${shown} (${rule}, xếp loại học viên «${ruleSet.name}»): ${band}`;
}

/** Why a student cannot be commended; empty when they are a candidate. */
function blockers(student: StudentInput, band: StudentBand | null): string[] {
  const why: string[] = [];
  if (band === null) why.push('Chưa có điểm trung bình: không xét khen thưởng');
  else if (!COMMENDABLE.has(band)) why.push(`Xếp loại ${band}: khen thưởng cần từ Giỏi trở lên`);
  const conduct = student.conduct === null ? '' : cleanText(student.conduct);
  if (matchKey(conduct) !== GOOD_CONDUCT) {
    why.push(`${conduct === '' ? 'Chưa có xếp loại rèn luyện' : `Rèn luyện ${conduct}`}: khen thưởng cần rèn luyện Tốt`);
  }
  const discipline = student.discipline === null ? '' : cleanText(student.discipline);
  if (discipline !== '') why.push(`Bị kỷ luật (${discipline}): không xét khen thưởng`);
  return why;
}

/**
 * RULES.md §8 for a course: each student's band, then per class the commendation list. Candidates (Giỏi or
 * above, conduct Tốt, no discipline) are taken by gpa descending in runs of equal gpa while a whole run
 * fits in floor(maxCommendPct% × class size), class size counting every student of the class. The first
 * run that does not fit ends the list; if places were left it is flagged for the council (the §3 tie rule).
 * Students come back in input order; classes in order of first appearance.
 */
export function classifyStudents(students: readonly StudentInput[], ruleSet: RuleSet): StudentsOutcome {
  const pct = ruleSet.students.maxCommendPct;
  const isCandidate: boolean[] = [];
  const results: StudentResult[] = students.map((student) => {
    const band = student.gpa === null ? null : studentBandOf(student.gpa, ruleSet);
    const blocked = blockers(student, band);
    isCandidate.push(blocked.length === 0);
    const reasons: string[] = [];
    if (student.gpa !== null && band !== null) reasons.push(bandReason(student.gpa, band, ruleSet));
    reasons.push(...blocked);
    return { key: student.key, className: student.className, band, commended: false, tieAtLimit: false, reasons };
  });

  const classes = new Map<string, { name: string; members: number[] }>();
  students.forEach((student, i) => {
    const key = matchKey(student.className);
    const entry = classes.get(key);
    if (entry) entry.members.push(i);
    else classes.set(key, { name: cleanText(student.className), members: [i] });
  });

  const gpas = scoreHundredths(students.map((s) => ({ score: s.gpa })));
  const summaries: ClassCommendation[] = [];
  for (const { name, members } of classes.values()) {
    const limit = commendLimit(members.length, pct);
    const candidates = orderByScoreDesc(
      members.filter((i) => isCandidate[i]),
      gpas,
    );
    const { kept, tieEnd } = walkQuota(Array.from(candidates, (i) => gpas[i]!), limit);
    const summary: ClassCommendation = {
      className: name,
      size: members.length,
      limit,
      candidates: candidates.length,
      commended: kept,
      tieKeys: [],
    };
    const share = `${limit}/${members.length} học viên, ${pct}% sĩ số lớp theo «${ruleSet.name}»`;
    candidates.forEach((i, pos) => {
      const result = results[i]!;
      if (pos < kept) {
        result.commended = true;
        result.reasons.push(`Đề nghị khen thưởng: trong giới hạn ${share}`);
      } else if (pos < tieEnd) {
        result.tieAtLimit = true;
        result.reasons.push(`${STUDENT_TIE_REASON} (${share})`);
        summary.tieKeys.push(result.key);
      } else {
        result.reasons.push(`Vượt giới hạn khen thưởng của lớp (${share})`);
      }
    });
    summaries.push(summary);
  }
  return { students: results, classes: summaries };
}
