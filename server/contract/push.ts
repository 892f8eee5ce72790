import { z } from 'zod';
import { periodSchema } from './period.ts';
import { computedPersonSchema, computedUnitSchema, quotaFactsSchema } from './results.ts';

export const MAX_PUSH_ROWS = 50_000;

/**
 * A pushed row is only checked to be an object here; its fields are checked row by row (row-checker.ts).
 * A record schema would copy every key of every row first: a third of the body's parse at 5,000 rows.
 */
const row = z
  .custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: 'Mỗi dòng phải là một đối tượng' })
  .meta({ type: 'object', additionalProperties: {} });

export const pushRequestSchema = z
  .object({
    rows: z
      .array(row, { error: 'rows phải là một mảng các dòng' })
      .max(MAX_PUSH_ROWS, `Mỗi lần gửi tối đa ${MAX_PUSH_ROWS} dòng`)
      .describe('Rows as PersonRow (or UnitRow); each row is validated on its own, a bad row never blocks the others'),
  })
  .meta({ id: 'PushRequest' });
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const ROW_STATUSES = ['accepted', 'unchanged', 'rejected', 'conflict'] as const;

export const rowResultSchema = z
  .object({
    index: z.number().int(),
    ref: z.union([z.string(), z.number()]).nullable(),
    key: z.string().nullable().describe('Staff code (people) or unit name (units)'),
    status: z.enum(ROW_STATUSES),
    version: z.number().int().nullable(),
    errors: z.array(z.object({ field: z.string(), message: z.string() })),
    stored: z.record(z.string(), z.unknown()).nullable().describe('The stored values, for a conflict'),
  })
  .meta({ id: 'RowResult' });
export type RowResult = z.infer<typeof rowResultSchema>;

export const periodStateSchema = z.object({
  period: periodSchema,
  finalised: z.boolean(),
  rate: z.number().int().describe('The HTXS rate in force for the period'),
  ruleSetVersion: z.number().int(),
});
export type MonthState = z.infer<typeof periodStateSchema>;

export const personMonthSchema = periodStateSchema
  .extend({ rows: z.array(computedPersonSchema), quotas: z.array(quotaFactsSchema) })
  .meta({ id: 'PersonMonth' });
export type PersonMonth = z.infer<typeof personMonthSchema>;

export const unitMonthSchema = periodStateSchema
  .extend({ rows: z.array(computedUnitSchema), quotas: z.array(quotaFactsSchema) })
  .meta({ id: 'UnitMonth' });
export type UnitMonth = z.infer<typeof unitMonthSchema>;

export const pushCountsSchema = z.object({ accepted: z.number(), unchanged: z.number(), rejected: z.number(), conflict: z.number() });

/** What every push answers, whichever representation is asked for: each row's result and their counts. */
export const pushOutcomeFields = { results: z.array(rowResultSchema), counts: pushCountsSchema };

export const personPushResponseSchema = personMonthSchema.extend(pushOutcomeFields).meta({ id: 'PersonPushResponse' });
export type PersonPushResponse = z.infer<typeof personPushResponseSchema>;

export const unitPushResponseSchema = unitMonthSchema.extend(pushOutcomeFields).meta({ id: 'UnitPushResponse' });
export type UnitPushResponse = z.infer<typeof unitPushResponseSchema>;

/**
 * How much a push answers (RFC 7240 `Prefer: return=…`): `representation`, the default, carries the whole
 * computed period; `minimal` only the row results, the counts and the period's state, and the service does not
 * compute the period for it. A client sending a big sheet in pieces asks the minimal answer for all but the last.
 */
export const RETURN_PREFERENCES = ['representation', 'minimal'] as const;
export type ReturnPreference = (typeof RETURN_PREFERENCES)[number];

export const monthPushMinimalSchema = periodStateSchema
  .extend(pushOutcomeFields)
  .meta({ id: 'MonthPushMinimal', description: 'The answer to a month push under `Prefer: return=minimal`: no computed rows, no quotas' });
export type MonthPushMinimal = z.infer<typeof monthPushMinimalSchema>;
