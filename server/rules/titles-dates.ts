import { DISCIPLINES } from '../contract/levels.ts';
import { matchKey } from '../contract/text.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks a 'YYYY-MM-DD' date and returns its year. */
export function yearOf(date: string): number {
  const match = ISO_DATE.exec(date);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > 31) {
    throw new RangeError(`date must be YYYY-MM-DD, got ${date}`);
  }
  return Number(match[1]);
}

/** 'YYYY-MM-DD' → 'DD/MM/YYYY', as Vietnamese documents write dates. */
export function formatDate(date: string): string {
  yearOf(date);
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/**
 * The last recruitment date that still gives `minMonths` whole months of service by 31/12 of `year`
 * (TT 01/2024: no LĐTT for people recruited under 6 months): for 6, 1 July, since July–December is six
 * months. With 0, any date in the year.
 */
export function recruitmentCutoff(year: number, minMonths: number): string {
  if (!Number.isInteger(minMonths) || minMonths < 0 || minMonths > 12) {
    throw new RangeError(`minMonths must be 0–12, got ${minMonths}`);
  }
  const y = String(year).padStart(4, '0');
  return minMonths === 0 ? `${y}-12-31` : `${y}-${String(13 - minMonths).padStart(2, '0')}-01`;
}

/** Recruited early enough to count (for LĐTT and as a member in the 70% tests); true when the date is unknown. */
export function recruitedInTime(recruitedOn: string | null, year: number, minMonths: number): boolean {
  if (recruitedOn === null) return true;
  yearOf(recruitedOn);
  return recruitedOn <= recruitmentCutoff(year, minMonths);
}

const DISCIPLINE_KEYS = DISCIPLINES.map((form) => matchKey(form));

/**
 * Cảnh cáo or heavier (RULES.md §6, Tập thể lao động tiên tiến). A form the list does not know is taken as
 * heavy, so an unusual spelling can only block a proposal, never let one through.
 */
export function isWarningOrAbove(form: string): boolean {
  return DISCIPLINE_KEYS.indexOf(matchKey(form)) !== 0;
}
