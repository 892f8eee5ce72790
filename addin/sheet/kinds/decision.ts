import type { DecisionPushMinimal, DecisionPushResponse, DecisionSheet, StoredDecisionView } from '../../../server/contract/dossier-sheets.ts';
import type { Holder } from '../../../server/contract/dossier-titles.ts';
import { DECISION_FIELD_LABELS, decisionHolder, decisionRowCrossField, decisionRowSchema } from '../../../server/contract/decision-row.ts';
import { has, note, oneOf, personName, rule, staffCode, unit, type AliasRule } from './alias-parts.ts';
import { holderMatch, holderRowKey, holderWords, parsedOr } from './holder-keys.ts';
import { textOf } from './keys.ts';
import { EXPLANATION, SYNC_STATUS } from './shared.ts';
import { apiPath, rowsAsAnswered, type KindSpec } from './spec.ts';
import { titleWord } from './vote.ts';

/**
 * "Quyết định khen thưởng <YYYY>" (research/next-capabilities.md DOC-5): the titles and commendations a
 * decision awarded, keyed by holder, title and Năm thành tích. Later years look back on them; a decision the
 * proposals did not find eligible, or of a year not finalised, gets a warning and is never overridden.
 */

type Input = Record<string, unknown>;

const DECISION_ALIASES: readonly AliasRule[] = [
  note,
  staffCode,
  rule('goldBookNo', has('sovang')),
  rule('achievementYear', (k) => has('namthanhtich', 'thanhtichnam')(k) || k === 'nam'),
  rule('decidedOn', (k) => k.startsWith('ngay')),
  rule('decisionNo', (k) => has('soquyetdinh', 'soqd', 'sokyhieu')(k) || oneOf('quyetdinh', 'so')(k)),
  rule('issuer', has('coquan', 'banhanh', 'capkhen', 'nguoiky')),
  rule('holder', has('doituong', 'canhantapthe')),
  rule('title', has('danhhieu', 'hinhthuc')),
  personName,
  rule('unit', (k) => has('tentapthe')(k) || unit.test(k)),
];

function decisionRowHolder(input: Input): Holder {
  const shape = decisionRowSchema.shape;
  const code = textOf(input.code).trim();
  const name = textOf(input.name).trim();
  return decisionHolder({
    holder: parsedOr(shape.holder, input.holder),
    title: parsedOr(shape.title, input.title),
    ...(code ? { code } : {}),
    ...(name ? { name } : {}),
  });
}

const titleYear = (input: Input) => {
  const title = titleWord(input.title);
  const year = parsedOr(decisionRowSchema.shape.achievementYear, input.achievementYear);
  return title === null || year === undefined ? null : `|${title}|${year}`;
};

export const decision: KindSpec<StoredDecisionView, DecisionSheet, DecisionPushResponse, DecisionPushMinimal> = {
  title: { vi: 'Quyết định khen thưởng (năm)', en: 'Award decisions (year)' },
  schema: decisionRowSchema,
  labels: DECISION_FIELD_LABELS,
  fields: ['decisionNo', 'decidedOn', 'issuer', 'holder', 'code', 'unit', 'name', 'title', 'achievementYear', 'goldBookNo', 'note'],
  required: [{ field: 'decisionNo' }, { field: 'title' }, { field: 'achievementYear' }],
  aliases: DECISION_ALIASES,
  computed: [EXPLANATION, SYNC_STATUS],
  period: 'year',
  dataRow: { any: [['title', 'code'], ['title', 'name'], ['title', 'unit']] },
  key: holderRowKey(decisionRowHolder, titleYear),
  duplicate: (input, others) => {
    const { words } = holderWords(decisionRowHolder(input), input);
    return {
      field: 'title',
      message: `${words} có hai dòng cùng ${DECISION_FIELD_LABELS.title} "${textOf(input.title)}" năm thành tích ${textOf(input.achievementYear)} (dòng ${others})`,
    };
  },
  crossField: decisionRowCrossField,
  rosterCodes: false,
  match: holderMatch<StoredDecisionView>(decisionRowHolder, titleYear, (c) => `|${c.title}|${c.achievementYear}`, {
    values: (c) => ({ explanation: c.warnings.join('; ') }),
    version: (c) => c.version,
  }),
  endpoint: { path: apiPath('years', 'decisions-register'), answer: rowsAsAnswered },
};
