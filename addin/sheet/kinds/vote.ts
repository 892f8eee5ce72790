import type { DossierTitle, Holder } from '../../../server/contract/dossier-titles.ts';
import type { StoredVoteView, VotePushMinimal, VotePushResponse, VoteSheet } from '../../../server/contract/dossier-sheets.ts';
import { VOTE_FIELD_LABELS, voteHolder, voteRowCrossField, voteRowSchema } from '../../../server/contract/vote-row.ts';
import { lowerKey } from '../cell-text.ts';
import { has, note, personName, rule, staffCode, unit, type AliasRule } from './alias-parts.ts';
import { holderMatch, holderRowKey, holderWords, parsedOr } from './holder-keys.ts';
import { textOf } from './keys.ts';
import { EXPLANATION, SYNC_STATUS } from './shared.ts';
import { apiPath, rowsAsAnswered, type KindSpec } from './spec.ts';

/**
 * "Kết quả bình xét <YYYY>" (research/next-capabilities.md DOC-2): the council's vote on each holder's title.
 * Written back: Tỷ lệ đồng ý, Kết quả (Đạt / Không đạt by the rule set's thresholds and denominator) and
 * the quorum warning, never a refusal.
 */

type Input = Record<string, unknown>;

export const VOTE_ALIASES: readonly AliasRule[] = [
  note,
  staffCode,
  rule('present', has('duhop', 'comat', 'thamdu')),
  rule('agree', has('dongy', 'tanthanh', 'phieuthuan')),
  rule('members', has('thanhvien', 'tongso')),
  rule('title', has('danhhieu', 'hinhthuc')),
  personName,
  rule('unit', (k) => has('tentapthe')(k) || unit.test(k)),
];

/** The title as the contract reads it, or the cell's own text (a title it does not know keys the row as typed). */
export function titleWord(value: unknown): DossierTitle | string | null {
  const parsed = parsedOr(voteRowSchema.shape.title, value);
  if (parsed !== undefined) return parsed;
  const t = textOf(value);
  return t.trim() ? lowerKey(t) : null;
}

function voteRowHolder(input: Input): Holder {
  const title = parsedOr(voteRowSchema.shape.title, input.title);
  const code = textOf(input.code).trim();
  const name = textOf(input.name).trim();
  if (title === undefined) return code || name ? 'person' : 'unit';
  return voteHolder({ title, ...(code ? { code } : {}), ...(name ? { name } : {}) });
}

const titleSuffix = (input: Input) => {
  const t = titleWord(input.title);
  return t === null ? null : `|${t}`;
};

export const vote: KindSpec<StoredVoteView, VoteSheet, VotePushResponse, VotePushMinimal> = {
  title: { vi: 'Kết quả bình xét của Hội đồng (năm)', en: 'Council votes (year)' },
  schema: voteRowSchema,
  labels: VOTE_FIELD_LABELS,
  fields: ['code', 'name', 'unit', 'title', 'members', 'present', 'agree', 'note'],
  required: [{ field: 'title' }, { field: 'members' }, { field: 'agree' }],
  aliases: VOTE_ALIASES,
  computed: [{ column: 'voteRate', header: 'Tỷ lệ đồng ý' }, { column: 'voteResult', header: 'Kết quả' }, EXPLANATION, SYNC_STATUS],
  period: 'year',
  dataRow: { any: [['title', 'code'], ['title', 'name'], ['title', 'unit']] },
  key: holderRowKey(voteRowHolder, titleSuffix),
  duplicate: (input, others) => {
    const { words } = holderWords(voteRowHolder(input), input);
    return { field: 'title', message: `${words} có hai dòng biểu quyết cùng danh hiệu "${textOf(input.title)}" (dòng ${others})` };
  },
  crossField: voteRowCrossField,
  rosterCodes: false,
  match: holderMatch<StoredVoteView>(voteRowHolder, titleSuffix, (c) => `|${c.title}`, {
    values: (c) => ({
      voteRate: c.agreePct === null ? '' : `${String(c.agreePct).replace('.', ',')}%`,
      voteResult: c.passed === null ? '' : c.passed ? 'Đạt' : 'Không đạt',
      explanation: [...c.reasons, ...c.warnings].join('; '),
    }),
    version: (c) => c.version,
  }),
  endpoint: { path: apiPath('years', 'votes'), answer: rowsAsAnswered },
};
