import { z } from 'zod';
import { DOSSIER_TITLES, HOLDERS } from './dossier-titles.ts';
import { yearPeriodSchema } from './period.ts';
import { rowResultSchema } from './push.ts';
import { registrationComparisonSchema } from './year-results.ts';

const pushCounts = z.object({ accepted: z.number(), unchanged: z.number(), rejected: z.number(), conflict: z.number() });
const pushFields = { results: z.array(rowResultSchema), counts: pushCounts };

/** A stored registration (REG-1) with its pre-check warnings. */
export const storedRegistrationSchema = z
  .object({
    holder: z.enum(HOLDERS),
    code: z.string().nullable().describe('Staff code; null for a collective'),
    name: z.string().nullable(),
    unit: z.string().nullable(),
    titleRegistered: z.enum(DOSSIER_TITLES).nullable(),
    awardRegistered: z.enum(DOSSIER_TITLES).nullable(),
    initiativeRegistered: z.string().nullable(),
    pledge: z.string().nullable(),
    registeredOn: z.string().nullable().describe('YYYY-MM-DD'),
    position: z.string().nullable(),
    note: z.string().nullable(),
    warnings: z.array(z.string()).describe('Pre-checks (REG-2): what a registered CSTĐ cấp tỉnh or Bằng khen UBND tỉnh still needs, and Đăng ký muộn (registrationDeadline); never a refusal'),
    comparison: z
      .array(registrationComparisonSchema)
      .optional()
      .describe('The year-end comparison with the proposals, one per ladder (REG-3), as in GET /years/{year}/proposals'),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'StoredRegistration' });

export const registrationSheetSchema = z
  .object({ year: yearPeriodSchema, finalised: z.boolean(), rows: z.array(storedRegistrationSchema) })
  .meta({ id: 'RegistrationSheet' });
export type RegistrationSheet = z.infer<typeof registrationSheetSchema>;
export type RegistrationSheetState = Omit<RegistrationSheet, 'rows'>;
export const registrationPushResponseSchema = registrationSheetSchema.extend(pushFields).meta({ id: 'RegistrationPushResponse' });
export const registrationPushMinimalSchema = registrationSheetSchema
  .omit({ rows: true })
  .extend(pushFields)
  .meta({ id: 'RegistrationPushMinimal', description: 'The answer to a registrations push under `Prefer: return=minimal`: no stored rows' });

/** A stored pledge target (REG-5) with Tỷ lệ đạt; it changes no level or title. */
export const storedPledgeSchema = z
  .object({
    unit: z.string(),
    content: z.string(),
    target: z.string().nullable(),
    measure: z.string().nullable(),
    plan: z.number().nullable(),
    result: z.number().nullable(),
    rate: z.number().nullable().describe('Tỷ lệ đạt = Kết quả / Kế hoạch in %, 1 decimal; null when Kế hoạch is 0 or blank'),
    note: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'StoredPledge' });

export const pledgeSheetSchema = z
  .object({ year: yearPeriodSchema, finalised: z.boolean(), rows: z.array(storedPledgeSchema) })
  .meta({ id: 'PledgeSheet' });
export type PledgeSheet = z.infer<typeof pledgeSheetSchema>;
export type PledgeSheetState = Omit<PledgeSheet, 'rows'>;
export const pledgePushResponseSchema = pledgeSheetSchema.extend(pushFields).meta({ id: 'PledgePushResponse' });
export const pledgePushMinimalSchema = pledgeSheetSchema
  .omit({ rows: true })
  .extend(pushFields)
  .meta({ id: 'PledgePushMinimal', description: 'The answer to a pledges push under `Prefer: return=minimal`: no stored rows' });

export type RegistrationPushResponse = z.infer<typeof registrationPushResponseSchema>;
export type RegistrationPushMinimal = z.infer<typeof registrationPushMinimalSchema>;
export type PledgePushResponse = z.infer<typeof pledgePushResponseSchema>;
export type PledgePushMinimal = z.infer<typeof pledgePushMinimalSchema>;
