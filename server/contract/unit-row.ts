import { z } from 'zod';
import { baseVersionField, refField, requiredTextField } from './fields.ts';
import { hasBothParts, RATING_FIELD_LABELS, ratingFields, reconcileParts } from './rating-fields.ts';

export const UNIT_FIELD_LABELS = { ...RATING_FIELD_LABELS, unit: 'Đơn vị' } as const;

/** One unit's (khoa, phòng) month as the unit sheet carries it (RULES.md §2). */
export const unitRowSchema = z
  .object({
    ref: refField,
    unit: requiredTextField(UNIT_FIELD_LABELS.unit, 200),
    ...ratingFields,
    baseVersion: baseVersionField,
  })
  .transform(reconcileParts)
  .meta({ id: 'UnitRow' });

export type UnitRowInput = z.input<typeof unitRowSchema>;
export type UnitRow = z.output<typeof unitRowSchema>;

/** The rows a rule across fields of `unitRowSchema` may apply to (see row-checker.ts). */
export const unitRowCrossField = hasBothParts;
