import { z } from 'zod';
import { DOSSIER_TITLES, DOSSIER_TITLE_SHORT } from './dossier-titles.ts';
import { LEVELS } from './levels.ts';
import { periodSchema } from './period.ts';
import { quotaFactsSchema } from './results.ts';
import { isStorableText, unstorableIssue } from './text.ts';

const reason = z
  .string({ error: 'Cần ghi lý do' })
  .trim()
  .min(3, 'Cần ghi lý do (ít nhất 3 ký tự)')
  .max(1000)
  .refine(isStorableText, unstorableIssue('Lý do'));
const HOLDER = 'Mã CB hoặc tên đơn vị';
const subject = z.enum(['person', 'unit']).default('person');
const keys = z.array(z.string().min(1).max(200).refine(isStorableText, unstorableIssue(HOLDER))).min(1, 'Cần chọn ít nhất một người').max(1000);

const holderKey = z.string({ error: 'Cần Mã CB (cá nhân) hoặc tên đơn vị (tập thể)' }).trim().min(1, 'Cần Mã CB (cá nhân) hoặc tên đơn vị (tập thể)').max(200).refine(isStorableText, unstorableIssue(HOLDER));
const dossierTitle = z.enum(DOSSIER_TITLES, { error: `Danh hiệu phải là một trong: ${DOSSIER_TITLES.map((t) => `${t} (${DOSSIER_TITLE_SHORT[t]})`).join(', ')}` });

export const decisionRequestSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('award'), subject, keys, reason }),
    z.object({ kind: z.literal('withdraw-award'), subject, keys, reason }),
    z.object({ kind: z.literal('raise-rate'), rate: z.number().int().min(0).max(100), reason }),
    z.object({ kind: z.literal('finalise'), reason: reason.optional() }),
    z.object({ kind: z.literal('reopen'), reason }),
    z
      .object({ kind: z.literal('withdraw'), subject, key: holderKey, title: dossierTitle, reason })
      .describe("A year's decision: takes one holder's title off the proposal list (DOC-1), with who, when and why"),
    z.object({ kind: z.literal('reinstate'), subject, key: holderKey, title: dossierTitle, reason }).describe('Undoes a withdraw'),
  ])
  .meta({ id: 'DecisionRequest' });
export type DecisionRequest = z.infer<typeof decisionRequestSchema>;

export const decisionSchema = z
  .object({
    id: z.number().int(),
    subject: z.enum(['person', 'unit']),
    kind: z.enum(['award', 'withdraw-award', 'raise-rate', 'finalise', 'reopen', 'withdraw', 'reinstate']),
    keys: z.array(z.string()),
    title: z.string().nullable().describe('The title a withdraw or reinstate is about'),
    rate: z.number().int().nullable(),
    reason: z.string(),
    decidedBy: z.number().int().nullable(),
    decidedAt: z.string(),
  })
  .meta({ id: 'Decision' });

const levelCounts = z.object(Object.fromEntries(LEVELS.map((l) => [l, z.number().int()])) as Record<(typeof LEVELS)[number], z.ZodNumber>);

export const monthSummarySchema = z
  .object({
    period: periodSchema,
    finalised: z.boolean(),
    rate: z.number().int(),
    people: z.object({
      total: levelCounts,
      byUnit: z.array(z.object({ unit: z.string(), counts: levelCounts })),
      byDutyGroup: z.array(z.object({ dutyGroup: z.string().nullable(), counts: levelCounts })),
    }),
    units: z.object({ total: levelCounts }),
    quotas: z.array(quotaFactsSchema),
    ties: z.array(z.object({ group: z.string(), codes: z.array(z.string()) })),
    /** People a rater created whose first month this is ("mới"), for the council to check. */
    newPeople: z.array(z.object({ code: z.string(), name: z.string(), unit: z.string().nullable() })).default([]),
    decisions: z.array(decisionSchema),
  })
  .meta({ id: 'MonthSummary' });
export type MonthSummary = z.infer<typeof monthSummarySchema>;
