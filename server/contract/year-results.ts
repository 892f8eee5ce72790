import { z } from 'zod';
import { decisionSchema } from './council.ts';
import { LEVELS, levelSchema } from './levels.ts';
import { yearPeriodSchema } from './period.ts';
import { quotaFactsSchema, quotaGroupField } from './results.ts';
import { PRIOR_TITLE_IDS } from './year-prior-titles.ts';

/** The computed year of a person (RULES.md §5), shared by the results and the yearly sheet. */
export const computedYearFields = {
  monthScores: z.array(z.number().nullable()).length(12).describe('Assessed score of months 1–12; null when none'),
  monthsCounted: z.number().int().describe('Months with a score plus maternity months'),
  monthsAbsent: z.number().int(),
  annualScore: z.number().nullable(),
  level: levelSchema,
  label: z.string(),
  levelBeforeQuota: levelSchema,
  rankInOrg: z.number().int().nullable(),
  reasons: z.array(z.string()),
  tieAtQuota: z.boolean(),
  quotaGroup: quotaGroupField,
};

export const computedPersonYearSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    unit: z.string(),
    dutyGroup: z.string().nullable(),
    ...computedYearFields,
    monthsMaternity: z.number().int(),
    rankInUnit: z.number().int().nullable(),
  })
  .meta({ id: 'ComputedPersonYear' });
export type ComputedPersonYear = z.infer<typeof computedPersonYearSchema>;

export const computedUnitYearSchema = z
  .object({
    unit: z.string(),
    ...computedYearFields,
    memberDisciplined: z.boolean().describe('A member was disciplined in the year: no HTXS'),
  })
  .meta({ id: 'ComputedUnitYear' });
export type ComputedUnitYear = z.infer<typeof computedUnitYearSchema>;

export const yearResultsSchema = z
  .object({
    year: yearPeriodSchema,
    finalised: z.boolean(),
    rate: z.number().int().describe('The HTXS rate in force for people this year'),
    unitRate: z.number().int(),
    ruleSetVersion: z.number().int(),
    people: z.array(computedPersonYearSchema),
    units: z.array(computedUnitYearSchema),
    quotas: z.object({ people: z.array(quotaFactsSchema), units: z.array(quotaFactsSchema) }),
    decisions: z.array(decisionSchema),
  })
  .meta({ id: 'YearResults' });
export type YearResults = z.infer<typeof yearResultsSchema>;

const titleProposalSchema = z.object({
  title: z.string(),
  label: z.string(),
  eligible: z.boolean(),
  reasons: z.array(z.string()).describe('Every condition checked, met ("Đạt") or not ("Không đạt")'),
  vote: z
    .enum(['none', 'pending', 'passed', 'failed'])
    .describe("The council's vote (RULES.md §11.2): none needed, pending (still proposed, off the list until voted), passed, failed"),
  warnings: z.array(z.string()).describe('Never a refusal: a quorum below the setting'),
  withdrawn: z
    .object({ reason: z.string(), decidedBy: z.number().int().nullable(), decidedAt: z.string() })
    .nullable()
    .describe('Set when a year decision `withdraw` took this title off the proposal list (DOC-1); no money is estimated for it'),
});

export const titleHistoryYearSchema = z
  .object({
    year: z.number().int(),
    level: z.enum(LEVELS).nullable(),
    titles: z.array(z.enum(PRIOR_TITLE_IDS)),
    titleSources: z
      .array(z.enum(['decision', 'service', 'sheet']))
      .describe('Where the titles came from: a stored decision (which excludes the others), the data of that year, or the Danh hiệu các năm trước cell'),
    decisions: z.array(
      z.object({ title: z.string(), decisionNo: z.string(), decidedOn: z.string().describe('YYYY-MM-DD'), issuer: z.string().nullable() }),
    ),
  })
  .meta({ id: 'TitleHistoryYear' });

/** The year-end comparison of a holder's registration with its proposals, one per ladder (REG-3). */
export const registrationComparisonSchema = z
  .object({
    track: z.enum(['person-title', 'unit-title', 'award']),
    registered: z.string().nullable().describe('The title registered on this ladder'),
    top: z.string().nullable().describe('The highest title of the ladder the proposals find eligible'),
    outcome: z.enum(['Đạt', 'Vượt đăng ký', 'Chưa đạt', 'Không đăng ký', 'Không có dữ liệu năm']).nullable(),
    reasons: z.array(z.string()).describe('The failing conditions when Chưa đạt'),
  })
  .meta({ id: 'RegistrationComparison' });
export type RegistrationComparison = z.infer<typeof registrationComparisonSchema>;

const rewardTitle = z.enum(['CSTD_TINH', 'CSTDCS', 'LDTT', 'TT_LDXS', 'TT_LDTT']);

export const yearProposalsSchema = z
  .object({
    year: yearPeriodSchema,
    finalised: z.boolean(),
    ruleSetVersion: z.number().int(),
    people: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        unit: z.string(),
        level: levelSchema,
        history: z.array(titleHistoryYearSchema),
        historyNotes: z.array(z.string()).describe('Which source each earlier year was taken from'),
        proposals: z.array(titleProposalSchema),
        registration: z.array(registrationComparisonSchema),
      }),
    ),
    units: z.array(
      z.object({
        unit: z.string(),
        level: levelSchema,
        members: z.number().int(),
        countedMembers: z.number().int(),
        ldttMembers: z.number().int(),
        proposals: z.array(titleProposalSchema),
        registration: z.array(registrationComparisonSchema),
        movements: z
          .string()
          .nullable()
          .describe('«Phong trào tham gia: n/N; đóng góp: X đồng» when the rule set’s dossier.movementsInUnitYear is show (DRV-5); information only, never an input'),
      }),
    ),
    withdrawals: z
      .array(
        z.object({
          holder: z.enum(['person', 'unit']),
          key: z.string(),
          title: z.string(),
          reason: z.string(),
          decidedBy: z.number().int().nullable(),
          decidedAt: z.string(),
        }),
      )
      .describe('The year decisions `withdraw` in force (a later `reinstate` undoes one)'),
    rewards: z.object({
      baseSalary: z.number().int(),
      coefficients: z.record(rewardTitle, z.number()).describe('NĐ 152 Điều 50 coefficient of every title, awarded or not'),
      perAward: z.record(rewardTitle, z.number().int()).describe('Mức mỗi suất: coefficient × base salary rounded up, for every title'),
      lines: z.array(
        z.object({
          holder: z.enum(['person', 'unit']),
          key: z.string(),
          year: z.number().int(),
          title: rewardTitle,
          amount: z.number().int(),
          paid: z.boolean(),
          reason: z.string(),
        }),
      ),
      byTitle: z.record(rewardTitle, z.object({ count: z.number().int(), amount: z.number().int() })),
      total: z.number().int(),
    }),
  })
  .meta({ id: 'YearProposals' });
export type YearProposals = z.infer<typeof yearProposalsSchema>;

export const proposalsQuerySchema = z.object({
  baseSalary: z.coerce
    .number({ error: 'Mức lương cơ sở phải là số' })
    .int('Mức lương cơ sở phải là số nguyên (đồng)')
    .min(0, 'Mức lương cơ sở không được âm')
    .max(1_000_000_000, 'Mức lương cơ sở quá lớn')
    .optional(),
});
