import { z } from 'zod';
import { yearPeriodSchema } from './period.ts';
import { rowResultSchema } from './push.ts';
import { quotaFactsSchema } from './results.ts';
import { INITIATIVE_KINDS, INITIATIVE_LEVELS } from './year-initiative-row.ts';
import { computedPersonYearSchema } from './year-results.ts';

const pushCounts = z.object({ accepted: z.number(), unchanged: z.number(), rejected: z.number(), conflict: z.number() });

/** A person on the yearly sheet: the stored yearly inputs (null when no yearly row yet) and the computed year. */
export const personYearViewSchema = computedPersonYearSchema
  .extend({
    allTasksDone: z.boolean().nullable(),
    exceededPct: z.number().nullable(),
    latePct: z.number().nullable(),
    discipline: z.string().nullable(),
    pendingDisciplineCase: z.boolean().nullable(),
    voteAgree: z.number().int().nullable(),
    voteTotal: z.number().int().nullable(),
    priorTitles: z.string().nullable(),
    note: z.string().nullable(),
    version: z.number().int().nullable().describe('Version of the yearly row; null when none is stored'),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'PersonYearView' });

export const personYearSheetSchema = z
  .object({
    year: yearPeriodSchema,
    finalised: z.boolean(),
    rate: z.number().int(),
    ruleSetVersion: z.number().int(),
    quotas: z.array(quotaFactsSchema),
    rows: z.array(personYearViewSchema).describe('Everyone with a month or a yearly row in the year'),
  })
  .meta({ id: 'PersonYearSheet' });
export type PersonYearSheet = z.infer<typeof personYearSheetSchema>;

export const personYearPushResponseSchema = personYearSheetSchema
  .extend({ results: z.array(rowResultSchema), counts: pushCounts })
  .meta({ id: 'PersonYearPushResponse' });
export type PersonYearPushResponse = z.infer<typeof personYearPushResponseSchema>;

export const personYearPushMinimalSchema = personYearSheetSchema
  .omit({ quotas: true, rows: true })
  .extend({ results: z.array(rowResultSchema), counts: pushCounts })
  .meta({ id: 'PersonYearPushMinimal', description: 'The answer to a yearly push under `Prefer: return=minimal`: no computed rows, no quotas' });
export type PersonYearPushMinimal = z.infer<typeof personYearPushMinimalSchema>;

export const storedInitiativeSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    unit: z.string().nullable(),
    kind: z.enum(INITIATIVE_KINDS),
    title: z.string(),
    level: z.enum(INITIATIVE_LEVELS).nullable(),
    recognisedOn: z.string().describe('YYYY-MM-DD'),
    note: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'StoredInitiative' });
export type StoredInitiative = z.infer<typeof storedInitiativeSchema>;

export const initiativeSheetSchema = z
  .object({ year: yearPeriodSchema, finalised: z.boolean(), rows: z.array(storedInitiativeSchema) })
  .meta({ id: 'InitiativeSheet' });
export type InitiativeSheet = z.infer<typeof initiativeSheetSchema>;

export const initiativePushResponseSchema = initiativeSheetSchema
  .extend({ results: z.array(rowResultSchema), counts: pushCounts })
  .meta({ id: 'InitiativePushResponse' });
export type InitiativePushResponse = z.infer<typeof initiativePushResponseSchema>;

export const initiativePushMinimalSchema = initiativeSheetSchema
  .omit({ rows: true })
  .extend({ results: z.array(rowResultSchema), counts: pushCounts })
  .meta({ id: 'InitiativePushMinimal', description: 'The answer to an initiatives push under `Prefer: return=minimal`: no stored rows' });
export type InitiativePushMinimal = z.infer<typeof initiativePushMinimalSchema>;
