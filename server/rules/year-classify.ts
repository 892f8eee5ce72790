import type { Level } from '../contract/levels.ts';
import type { RuleSet } from '../contract/rule-set.ts';
import { completePeriod } from './classify-month.ts';
import { rowClassifier, type Classification } from './classify.ts';
import type { PeriodDecisions } from './types.ts';
import {
  NO_YEAR_SCORE_REASON,
  absentCapReason,
  annualScoreReason,
  tooFewMonthsReason,
  yearDisciplineReason,
} from './year-reasons.ts';
import { annualMean } from './year-score.ts';
import type { YearMonthInput, YearOutcome, YearPersonInput, YearResult } from './year-types.ts';

export interface MonthTally {
  /** Months with a score plus maternity months, each month once. */
  counted: number;
  maternity: number;
  absent: number;
  /** The scored months' scores. */
  scores: number[];
  /** The first discipline of the year, by month; null when none. */
  discipline: { form: string; month: number } | null;
}

const isBlank = (text: string | null | undefined): boolean => text === null || text === undefined || text.trim() === '';

/**
 * Tallies a person's months (RULES.md §5). A month with a score counts as worked even when marked
 * absent (it was then partly worked), and its absent mark still counts towards the cap.
 */
export function tallyMonths(months: readonly YearMonthInput[]): MonthTally {
  const seen = new Set<number>();
  const tally: MonthTally = { counted: 0, maternity: 0, absent: 0, scores: [], discipline: null };
  const ordered = months.slice().sort((a, b) => a.month - b.month);
  for (const entry of ordered) {
    if (!Number.isInteger(entry.month) || entry.month < 1 || entry.month > 12) {
      throw new RangeError(`month must be 1–12, got ${entry.month}`);
    }
    if (seen.has(entry.month)) throw new RangeError(`month ${entry.month} is given twice`);
    seen.add(entry.month);

    const maternity = entry.mark === 'maternity';
    if (entry.score !== null) tally.scores.push(entry.score);
    if (entry.score !== null || maternity) tally.counted++;
    if (maternity) tally.maternity++;
    if (entry.mark === 'absent') tally.absent++;
    if (!tally.discipline && !isBlank(entry.discipline)) {
      tally.discipline = { form: entry.discipline!.trim(), month: entry.month };
    }
  }
  return tally;
}

const ABOVE_HT: readonly Level[] = ['HTXS', 'HTT'];

/**
 * One organisation's year of people (RULES.md §5): months counted, the annual score, steps 1–3 on it
 * with the yearly sheet's gates, the absence cap, the year's discipline, ranks, then the quota of
 * `ruleSet.quota.personYear` with the council's decisions for the year. Rows come back in input order.
 */
export function classifyYear(
  people: readonly YearPersonInput[],
  ruleSet: RuleSet,
  decisions: PeriodDecisions,
): YearOutcome {
  const classify = rowClassifier(ruleSet);
  const { minMonthsWorked, absentCapFrom, absentCapTo } = ruleSet.year;
  const tallies = people.map((person) => tallyMonths(person.months));
  const annualScores = tallies.map((tally) => annualMean(tally.scores));

  function classifyPerson(person: YearPersonInput, tally: MonthTally, annualScore: number | null): Classification {
    if (tally.counted < minMonthsWorked) {
      return {
        level: 'NONE',
        reasons: [tooFewMonthsReason(tally.counted, tally.maternity, minMonthsWorked, ruleSet.name)],
      };
    }
    if (annualScore === null) return { level: 'NONE', reasons: [NO_YEAR_SCORE_REASON] };

    const yearly = person.yearly ?? {};
    const steps = classify({
      key: person.key,
      unit: person.unit,
      dutyGroup: person.dutyGroup,
      score: annualScore,
      allTasksDone: yearly.allTasksDone ?? null,
      exceededPct: yearly.exceededPct ?? null,
      latePct: yearly.latePct ?? null,
    });
    let level = steps.level;
    const scoreReason = annualScoreReason(annualScore, tally.scores.length, tally.counted, tally.maternity);
    const reasons = [scoreReason, ...steps.reasons];

    if (tally.absent >= absentCapFrom && tally.absent <= absentCapTo && ABOVE_HT.includes(level)) {
      level = 'HT';
      reasons.push(absentCapReason(tally.absent, absentCapFrom, absentCapTo, ruleSet.name));
    }
    const fromSheet = isBlank(yearly.discipline) ? null : { form: yearly.discipline!.trim(), month: null };
    const discipline = tally.discipline ?? fromSheet;
    if (discipline && level !== 'KHT') {
      level = 'KHT';
      reasons.push(yearDisciplineReason(discipline.form, discipline.month));
    }
    return { level, reasons };
  }

  const classified: Classification[] = [];
  const quotaRows = people.map((person, i) => {
    const tally = tallies[i]!;
    const annualScore = annualScores[i]!;
    const result = classifyPerson(person, tally, annualScore);
    classified.push(result);
    const score = result.level === 'NONE' ? null : annualScore;
    return { key: person.key, unit: person.unit, dutyGroup: person.dutyGroup, score };
  });

  const outcome = completePeriod(quotaRows, classified, ruleSet.quota.personYear, decisions);
  const rows = outcome.rows.map(
    (row, i): YearResult => ({
      ...row,
      monthsCounted: tallies[i]!.counted,
      monthsAbsent: tallies[i]!.absent,
      annualScore: annualScores[i]!,
    }),
  );
  return { rows, quotas: outcome.quotas };
}
