import { z } from 'zod';
import { DOSSIER_TITLES, HOLDERS } from './dossier-titles.ts';
import { yearPeriodSchema } from './period.ts';
import { rowResultSchema } from './push.ts';

const pushCounts = z.object({ accepted: z.number(), unchanged: z.number(), rejected: z.number(), conflict: z.number() });

const holderFields = {
  holder: z.enum(HOLDERS),
  code: z.string().nullable().describe('Staff code; null for a collective'),
  name: z.string().nullable(),
  unit: z.string().nullable(),
  title: z.enum(DOSSIER_TITLES),
};

/** A stored vote with Tỷ lệ đồng ý and Kết quả computed by the rule set's vote settings (DOC-2). */
export const storedVoteSchema = z
  .object({
    ...holderFields,
    members: z.number().int(),
    present: z.number().int().nullable(),
    agree: z.number().int(),
    note: z.string().nullable(),
    agreePct: z.number().nullable().describe('Tỷ lệ đồng ý, % to 1 decimal; null without a denominator'),
    passed: z.boolean().nullable().describe('Kết quả: Đạt / Không đạt; null when the title needs no vote or the denominator is missing'),
    reasons: z.array(z.string()),
    warnings: z.array(z.string()),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'StoredVote' });
export type StoredVoteView = z.infer<typeof storedVoteSchema>;

export const voteSheetSchema = z
  .object({ year: yearPeriodSchema, finalised: z.boolean(), ruleSetVersion: z.number().int(), rows: z.array(storedVoteSchema) })
  .meta({ id: 'VoteSheet' });
export type VoteSheet = z.infer<typeof voteSheetSchema>;
export type VoteSheetState = Omit<VoteSheet, 'rows'>;

export const votePushResponseSchema = voteSheetSchema.extend({ results: z.array(rowResultSchema), counts: pushCounts }).meta({ id: 'VotePushResponse' });
export const votePushMinimalSchema = voteSheetSchema
  .omit({ rows: true })
  .extend({ results: z.array(rowResultSchema), counts: pushCounts })
  .meta({ id: 'VotePushMinimal', description: 'The answer to a votes push under `Prefer: return=minimal`: no stored rows' });

/** A stored decision (DOC-5) with its warnings; the product never overrides a decision. */
export const storedDecisionSchema = z
  .object({
    ...holderFields,
    achievementYear: z.number().int(),
    decisionNo: z.string(),
    decidedOn: z.string().describe('YYYY-MM-DD'),
    issuer: z.string().nullable(),
    goldBookNo: z.string().nullable(),
    note: z.string().nullable(),
    warnings: z.array(z.string()).describe('«Năm chưa chốt» while the achievement year is open; «Quyết định khác kết quả xét của Bình Xét: …» when the proposals find the title Chưa đủ'),
    differsFromProposal: z.boolean().describe('The proposals of the achievement year find this title not eligible (or withdrawn): the decision stands, flagged'),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'StoredDecision' });
export type StoredDecisionView = z.infer<typeof storedDecisionSchema>;

export const decisionSheetSchema = z
  .object({ year: yearPeriodSchema, finalised: z.boolean(), rows: z.array(storedDecisionSchema) })
  .meta({ id: 'DecisionSheet' });
export type DecisionSheet = z.infer<typeof decisionSheetSchema>;
export type DecisionSheetState = Omit<DecisionSheet, 'rows'>;

export const decisionPushResponseSchema = decisionSheetSchema
  .extend({ results: z.array(rowResultSchema), counts: pushCounts })
  .meta({ id: 'DecisionPushResponse' });
export const decisionPushMinimalSchema = decisionSheetSchema
  .omit({ rows: true })
  .extend({ results: z.array(rowResultSchema), counts: pushCounts })
  .meta({ id: 'DecisionPushMinimal', description: 'The answer to a decisions push under `Prefer: return=minimal`: no stored rows' });

export type VotePushResponse = z.infer<typeof votePushResponseSchema>;
export type VotePushMinimal = z.infer<typeof votePushMinimalSchema>;
export type DecisionPushResponse = z.infer<typeof decisionPushResponseSchema>;
export type DecisionPushMinimal = z.infer<typeof decisionPushMinimalSchema>;
