import { z } from 'zod';
import { DOSSIER_TITLES, HOLDERS } from './dossier-titles.ts';
import { yearPeriodSchema } from './period.ts';

const listRowSchema = z.object({
  stt: z.number().int(),
  holder: z.enum(HOLDERS),
  key: z.string(),
  name: z.string().describe('Họ và tên, or Tên tập thể'),
  sex: z.string(),
  position: z.string(),
  unit: z.string(),
  titleLabel: z.string(),
  achievements: z.string().describe('Thành tích chính: the conditions the proposal met'),
  note: z.string(),
});

/** "Danh sách đề nghị khen thưởng <YYYY>" in the block layout of DOC-1, as data for the report sheet. */
export const proposalListSchema = z
  .object({
    authority: z.enum(['unit-head', 'upward', 'all']),
    titleRows: z.array(z.string()),
    groups: z.array(
      z.object({
        numeral: z.string(),
        holder: z.enum(HOLDERS),
        label: z.string(),
        blocks: z.array(z.object({ number: z.number().int(), title: z.enum(DOSSIER_TITLES), heading: z.string(), rows: z.array(listRowSchema), footer: z.string() })),
      }),
    ),
    signatures: z.array(z.string()),
  })
  .meta({ id: 'ProposalList' });

export const proposalListsSchema = z
  .object({ year: yearPeriodSchema, finalised: z.boolean(), lists: z.array(proposalListSchema) })
  .meta({ id: 'ProposalLists' });
export type ProposalLists = z.infer<typeof proposalListsSchema>;

export const proposalListQuerySchema = z.object({
  splitByAuthority: z
    .enum(['true', 'false'], { error: 'splitByAuthority phải là true hoặc false' })
    .optional()
    .transform((v) => v === 'true')
    .describe('Two lists: titles the head of unit decides, and those proposed upward (Luật TĐKT Điều 80)'),
});
