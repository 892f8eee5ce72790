import { z } from 'zod';
import { ASSESSMENT_STATUSES } from './assessment-status.ts';
import { levelSchema } from './levels.ts';

export const quotaFactsSchema = z
  .object({
    group: z.string().describe('The quota group: duty group, or unit and duty group, by the rule set'),
    unit: z.string().nullable(),
    dutyGroup: z.string().nullable(),
    rate: z.number().int(),
    denominator: z.enum(['htt-only', 'htt-or-above']),
    candidates: z.number().int().describe('M: members rated HTT or HTXS after steps 1–3'),
    allowed: z.number().int().describe('k: the most HTXS the group may keep'),
    used: z.number().int().describe('HTXS kept, council awards included'),
    tieCodes: z.array(z.string()).describe('A tie run at the limit, waiting for the council'),
  })
  .meta({ id: 'QuotaFacts' });
export type QuotaFacts = z.infer<typeof quotaFactsSchema>;

/** The row's quota group, by name: its facts are in the answer's `quotas`, once per group rather than per row. */
export const quotaGroupField = z.string().nullable().describe('The group in `quotas` this row counts in, or null without a quota');

export const computedFields = {
  score: z.number().nullable(),
  selfScore: z.number().nullable(),
  level: levelSchema,
  label: z.string(),
  levelBeforeQuota: levelSchema,
  rankInUnit: z.number().int().nullable(),
  rankInOrg: z.number().int().nullable(),
  reasons: z.array(z.string()),
  tieAtQuota: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
};

export const computedPersonSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    unit: z.string(),
    dutyGroup: z.string().nullable(),
    ...computedFields,
    quotaGroup: quotaGroupField,
    headScore: z.number().nullable().optional().describe('Điểm trưởng đơn vị (research §3.3 TASK-5)'),
    assessmentStatus: z
      .enum(ASSESSMENT_STATUSES)
      .nullable()
      .optional()
      .describe('Tự chấm → Trưởng đơn vị → Hội đồng → Đã chốt; every row of a finalised month is da-chot'),
  })
  .meta({ id: 'ComputedPerson' });
export type ComputedPerson = z.infer<typeof computedPersonSchema>;

export const computedUnitSchema = z
  .object({
    unit: z.string(),
    ...computedFields,
    rankInUnit: z.null(),
    quotaGroup: quotaGroupField,
  })
  .meta({ id: 'ComputedUnit' });
export type ComputedUnit = z.infer<typeof computedUnitSchema>;
