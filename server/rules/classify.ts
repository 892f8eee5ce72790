import type { Level } from '../contract/levels.ts';
import type { RuleSet } from '../contract/rule-set.ts';
import { findBand, toHundredths } from './bands.ts';
import {
  NO_SCORE_REASON,
  bandReason,
  disciplineReason,
  htxsGateReason,
  httGateReason,
  lateGateReason,
  memberDisciplinedReason,
} from './reasons.ts';
import type { MonthInput } from './types.ts';

export interface Classification {
  level: Level;
  reasons: string[];
}

const given = <T>(value: T | null | undefined): value is T => value !== null && value !== undefined;

function hasDiscipline(discipline: string | null | undefined): discipline is string {
  return given(discipline) && discipline.trim() !== '';
}

/**
 * RULES.md §1 steps 1–3 (and the §2 unit gate) for one row: band, gates in order, discipline. A gate
 * applies only when its value is given, so a blank cell or an absent column never lowers a level.
 */
export function classifyRow(row: MonthInput, ruleSet: RuleSet): Classification {
  return rowClassifier(ruleSet)(row);
}

/**
 * classifyRow for many rows of one rule set: the band sentence depends on the score alone, so it is
 * built once per distinct score rather than once per row.
 */
export function rowClassifier(ruleSet: RuleSet): (row: MonthInput) => Classification {
  const bandsByHundredths = new Map<number, { level: Level; reason: string }>();
  const lowest = ruleSet.bands.at(-1);

  function bandStep(score: number) {
    const hundredths = toHundredths(score);
    let step = bandsByHundredths.get(hundredths);
    if (!step) {
      const band = findBand(score, ruleSet.bands);
      step = { level: band?.level ?? 'KHT', reason: bandReason(score, band, lowest, ruleSet.name) };
      bandsByHundredths.set(hundredths, step);
    }
    return step;
  }

  return function classify(row) {
    if (row.score === null) return { level: 'NONE', reasons: [NO_SCORE_REASON] };

    const band = bandStep(row.score);
    let level = band.level;
    const reasons = [band.reason];

    if (level === 'HTXS') {
      const tasksNotDone = row.allTasksDone === false;
      const exceededShort =
        given(row.exceededPct) && row.exceededPct < ruleSet.htxsMinExceededPct
          ? { pct: row.exceededPct, min: ruleSet.htxsMinExceededPct }
          : null;
      if (tasksNotDone || exceededShort) {
        level = 'HTT';
        reasons.push(htxsGateReason(tasksNotDone, exceededShort, ruleSet.name));
      }
    }
    if (level === 'HTT' && row.allTasksDone === false) {
      level = 'HT';
      reasons.push(httGateReason());
    }
    if (level === 'HT' && given(row.latePct) && row.latePct > ruleSet.htMaxLatePct) {
      level = 'KHT';
      reasons.push(lateGateReason(row.latePct, ruleSet.htMaxLatePct, ruleSet.name));
    }
    // RULES.md §2: a unit with a member disciplined in the month cannot be HTXS.
    if (level === 'HTXS' && row.memberDisciplined === true) {
      level = 'HTT';
      reasons.push(memberDisciplinedReason());
    }
    if (level !== 'KHT' && hasDiscipline(row.discipline)) {
      level = 'KHT';
      reasons.push(disciplineReason(row.discipline.trim()));
    }
    return { level, reasons };
  };
}
