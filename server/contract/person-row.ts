import { z } from 'zod';
import { assessmentStatusField } from './assessment-status.ts';
import { baseVersionField, percentField, refField, scoreField } from './fields.ts';
import { PERSON_IDENTITY_LABELS, personIdentityFields } from './person-identity.ts';
import { hasBothParts, RATING_FIELD_LABELS, ratingFields, reconcileParts } from './rating-fields.ts';

export const PERSON_FIELD_LABELS = {
  ...RATING_FIELD_LABELS,
  ...PERSON_IDENTITY_LABELS,
  leave: 'Nghỉ',
  leaderOrganisePct: 'Năng lực tổ chức (%)',
  leaderOtherPct: 'Tiêu chí khác của lãnh đạo (%)',
  headScore: 'Điểm trưởng đơn vị',
  generalI1: 'TC I.1',
  generalI2: 'TC I.2',
  generalII1: 'TC II.1',
  generalII2: 'TC II.2',
  generalII3: 'TC II.3',
  generalII4: 'TC II.4',
  generalIII: 'TC III',
  assessmentStatus: 'Trạng thái đánh giá',
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
    // Self-assessment and approval (research §3.3 TASK-5; RULES.md §10): the unit head's score, the general
    // criteria's parts of Mẫu 01 (III is bounded by the rule set's generalPartIIIMax, checked by the service)
    // and the status of the assessment.
    headScore: scoreField(L.headScore),
    generalI1: scoreField(L.generalI1, 5),
    generalI2: scoreField(L.generalI2, 5),
    generalII1: scoreField(L.generalII1, 2.5),
    generalII2: scoreField(L.generalII2, 2.5),
    generalII3: scoreField(L.generalII3, 2.5),
    generalII4: scoreField(L.generalII4, 2.5),
    generalIII: scoreField(L.generalIII, 30),
    assessmentStatus: assessmentStatusField,
    baseVersion: baseVersionField.describe('The version of the stored record this row was last synced with'),
  })
  .transform(reconcileParts)
  .meta({ id: 'PersonRow' });

export type PersonRowInput = z.input<typeof personRowSchema>;
export type PersonRow = z.output<typeof personRowSchema>;

/** The rows a rule across fields of `personRowSchema` may apply to (see row-checker.ts). */
export const personRowCrossField = hasBothParts;
