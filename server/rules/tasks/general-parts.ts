import type { TaskSettings } from '../../contract/task-settings.ts';
import { toHundredths } from '../bands.ts';
import { formatNumber } from '../reasons.ts';

/** The parts of the general criteria on Mẫu 01 of NĐ 335 (T4): I = 5 + 5, II = 4 × 2.5, III = the rest. */
export const GENERAL_PARTS = [
  { field: 'generalI1', label: 'TC I.1', max: 5 },
  { field: 'generalI2', label: 'TC I.2', max: 5 },
  { field: 'generalII1', label: 'TC II.1', max: 2.5 },
  { field: 'generalII2', label: 'TC II.2', max: 2.5 },
  { field: 'generalII3', label: 'TC II.3', max: 2.5 },
  { field: 'generalII4', label: 'TC II.4', max: 2.5 },
  { field: 'generalIII', label: 'TC III', max: null },
] as const;

export type GeneralPartField = (typeof GENERAL_PARTS)[number]['field'];
export type GeneralParts = Partial<Record<GeneralPartField, number | null>>;

const GENERAL_LABEL = 'Điểm tiêu chí chung';

export interface GeneralPartsCheck {
  /** The general score the row carries: as typed, or the parts' sum when all seven are given and it is blank. */
  general: number | null;
  /** One message per cell, naming it; empty when the row passes. */
  errors: { field: string; message: string }[];
}

/**
 * Research §3.3 TASK-5: each part within its maximum (III per the setting generalPartIIIMax [I]); when parts
 * and the general score are both given, the parts' sum must equal it within 0.05, or every cell involved is
 * named (RULES.md §1's three-part rule extended). Sums are taken in whole hundredths, so 2.5 × 4 is 10.
 */
export function checkGeneralParts(parts: GeneralParts, general: number | null | undefined, settings: TaskSettings): GeneralPartsCheck {
  const errors: GeneralPartsCheck['errors'] = [];
  const given: GeneralPartField[] = [];
  let sum = 0;
  for (const part of GENERAL_PARTS) {
    const value = parts[part.field];
    if (value === null || value === undefined) continue;
    const max = part.max ?? settings.generalPartIIIMax;
    if (value < 0 || toHundredths(value) > toHundredths(max)) {
      errors.push({ field: part.field, message: `${part.label} phải từ 0 đến ${formatNumber(max)}${part.max === null ? ' (generalPartIIIMax)' : ''}` });
    }
    given.push(part.field);
    sum += toHundredths(value);
  }
  const typed = general ?? null;
  if (errors.length > 0 || given.length === 0) return { general: typed, errors };
  if (typed === null) return { general: given.length === GENERAL_PARTS.length ? sum / 100 : null, errors };
  if (Math.abs(toHundredths(typed) - sum) > 5) {
    const labels = GENERAL_PARTS.filter((p) => given.includes(p.field)).map((p) => p.label);
    const message = `${GENERAL_LABEL} (${formatNumber(typed)}) phải bằng tổng ${labels.join(' + ')} (${formatNumber(sum / 100)})`;
    for (const field of ['general', ...given]) errors.push({ field, message });
  }
  return { general: typed, errors };
}
