import { z } from 'zod';
import { CONTRIBUTION_FORMS } from './contribution-row.ts';
import { MOVEMENT_KINDS, MOVEMENT_LEVELS } from './movement-row.ts';
import { yearPeriodSchema } from './period.ts';
import { rowResultSchema } from './push.ts';
import { matchKey } from './text.ts';

const pushCounts = z.object({ accepted: z.number(), unchanged: z.number(), rejected: z.number(), conflict: z.number() });
const pushFields = { results: z.array(rowResultSchema), counts: pushCounts };

/**
 * How the service and the sheet name one contribution: the drive, the unit, the person (code, else name;
 * blank for a unit's row) and the entry (Số chứng từ, else the date dd/mm/yyyy as 'YYYY-MM-DD', else blank).
 */
export function contributionKey(row: { driveCode: string; unit: string; personKey: string; entryKey: string }): string {
  return [row.driveCode, row.unit, row.personKey, row.entryKey].map((p) => matchKey(p)).join('|');
}

export const contributionPersonKey = (row: { code?: string | null | undefined; name?: string | null | undefined }) =>
  row.code ? matchKey(row.code) : row.name ? matchKey(row.name) : '';
export const contributionEntryKey = (row: { receiptNo?: string | null | undefined; date?: string | null | undefined }) =>
  row.receiptNo ? matchKey(row.receiptNo) : (row.date ?? '');

export const storedMovementSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(MOVEMENT_KINDS).nullable(),
    level: z.enum(MOVEMENT_LEVELS).nullable(),
    docRef: z.string().nullable(),
    from: z.string().nullable().describe('YYYY-MM-DD'),
    to: z.string().nullable().describe('YYYY-MM-DD'),
    ask: z.string().nullable(),
    target: z.string().nullable(),
    note: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'StoredMovement' });

export const movementSheetSchema = z
  .object({ year: yearPeriodSchema, finalised: z.boolean(), rows: z.array(storedMovementSchema) })
  .meta({ id: 'MovementSheet' });
export type MovementSheet = z.infer<typeof movementSheetSchema>;
export type MovementSheetState = Omit<MovementSheet, 'rows'>;
export const movementPushResponseSchema = movementSheetSchema.extend(pushFields).meta({ id: 'MovementPushResponse' });
export const movementPushMinimalSchema = movementSheetSchema
  .omit({ rows: true })
  .extend(pushFields)
  .meta({ id: 'MovementPushMinimal', description: 'The answer to a movements push under `Prefer: return=minimal`: no stored rows' });

export const storedContributionSchema = z
  .object({
    key: z.string().describe('Drive, unit, person and entry, as contributionKey() forms them'),
    driveCode: z.string(),
    unit: z.string(),
    code: z.string().nullable(),
    name: z.string().nullable(),
    form: z.enum(CONTRIBUTION_FORMS),
    amount: z.number().nullable(),
    inKind: z.string().nullable(),
    inKindValue: z.number().nullable(),
    date: z.string().nullable().describe('YYYY-MM-DD'),
    receiptNo: z.string().nullable(),
    note: z.string().nullable(),
    warnings: z.array(z.string()).describe('A date outside the drive; never a refusal'),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'StoredContribution' });

/** Person-level rows the caller may not see (DRV-4), summed per drive, unit and form. */
export const hiddenContributionsSchema = z
  .object({
    driveCode: z.string(),
    unit: z.string(),
    form: z.enum(CONTRIBUTION_FORMS),
    rows: z.number().int().describe('How many person-level rows the sum stands for'),
    amount: z.number().nullable(),
    inKindValue: z.number().nullable(),
  })
  .meta({ id: 'HiddenContributions' });

export const driveTotalsSchema = z
  .object({
    drives: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        money: z.number(),
        inKindValue: z.number(),
        inKindCount: z.number().int(),
        units: z.number().int(),
        people: z.number().int(),
      }),
    ),
    units: z.array(
      z.object({
        unit: z.string(),
        byDrive: z.record(z.string(), z.number()),
        money: z.number(),
        drives: z.number().int().describe('Drives of the year the unit gave to, in money or in kind'),
        participation: z.object({ people: z.number().int(), members: z.number().int(), pct: z.number() }).nullable(),
      }),
    ),
    money: z.number().describe('Exact đồng'),
    inKindValue: z.number(),
    inKindCount: z.number().int(),
    phrase: z.string().describe('«hơn N triệu đồng», for the year-end narrative'),
  })
  .meta({ id: 'DriveTotals', description: 'DRV-3, counted in the year of each contribution’s date; never ranked, never an input to levels or titles' });

export const contributionSheetSchema = z
  .object({
    year: yearPeriodSchema,
    finalised: z.boolean(),
    personAmounts: z
      .enum(['all', 'own-units', 'none'])
      .describe('Whose person-level amounts this caller sees (DRV-4): admin and council all, a rater its units, others none'),
    rows: z.array(storedContributionSchema).describe('Unit, drive, person order; never sorted by amount'),
    hidden: z.array(hiddenContributionsSchema),
    totals: driveTotalsSchema,
  })
  .meta({ id: 'ContributionSheet' });
export type ContributionSheet = z.infer<typeof contributionSheetSchema>;
export type ContributionSheetState = Pick<ContributionSheet, 'year' | 'finalised'>;
export const contributionPushResponseSchema = contributionSheetSchema.extend(pushFields).meta({ id: 'ContributionPushResponse' });
export const contributionPushMinimalSchema = z
  .object({ year: yearPeriodSchema, finalised: z.boolean() })
  .extend(pushFields)
  .meta({ id: 'ContributionPushMinimal', description: 'The answer to a contributions push under `Prefer: return=minimal`: no stored rows' });
export type MovementPushResponse = z.infer<typeof movementPushResponseSchema>;
export type MovementPushMinimal = z.infer<typeof movementPushMinimalSchema>;
export type ContributionPushResponse = z.infer<typeof contributionPushResponseSchema>;
export type ContributionPushMinimal = z.infer<typeof contributionPushMinimalSchema>;
