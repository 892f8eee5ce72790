import { z } from 'zod';
import { baseVersionField, percentField, refField } from './fields.ts';
import { PERSON_IDENTITY_LABELS, personIdentityFields } from './person-identity.ts';
import { hasBothParts, RATING_FIELD_LABELS, ratingFields, reconcileParts } from './rating-fields.ts';

export const PERSON_FIELD_LABELS = {
  ...RATING_FIELD_LABELS,
  ...PERSON_IDENTITY_LABELS,
  leave: 'Nghỉ',
  leaderOrganisePct: 'Năng lực tổ chức (%)',
  leaderOtherPct: 'Tiêu chí khác của lãnh đạo (%)',
} as const;

const L = PERSON_FIELD_LABELS;

export { STAFF_CODE_PATTERN, sexField } from './person-identity.ts';

/** Marks for a month not worked (RULES.md §5): maternity leave counts as worked, plain absence does not. */
export const leaveField = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value === null || value === '' ? undefined : value;
    const v = value.normalize('NFC').trim().toLocaleLowerCase('vi');
    if (v === '') return undefined;
    if (v.includes('thai sản') || v === 'maternity') return 'maternity';
    if (v.startsWith('nghỉ') || v === 'absent') return 'absent';
    return value;
  },
  z.enum(['maternity', 'absent'], { error: `${L.leave} phải là "Thai sản" hoặc "Nghỉ"` }).optional(),
);

/** One person's month as a sheet row carries it. */
export const personRowSchema = z
  .object({
    ref: refField.describe('Where the row came from (e.g. the sheet row number); echoed back in the result'),
    ...personIdentityFields,
    leave: leaveField,
    ...ratingFields,
    // A leader's typed axes (NĐ 335 Điều 15; RULES.md §10, setting leaderAxes).
    leaderOrganisePct: percentField(L.leaderOrganisePct),
    leaderOtherPct: percentField(L.leaderOtherPct),
    baseVersion: baseVersionField.describe('The version of the stored record this row was last synced with'),
  })
  .transform(reconcileParts)
  .meta({ id: 'PersonRow' });

export type PersonRowInput = z.input<typeof personRowSchema>;
export type PersonRow = z.output<typeof personRowSchema>;

/** The rows a rule across fields of `personRowSchema` may apply to (see row-checker.ts). */
export const personRowCrossField = hasBothParts;
