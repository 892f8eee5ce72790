import type { PledgePushMinimal, PledgePushResponse, PledgeSheet } from '../../../server/contract/registration-sheets.ts';
import { PLEDGE_FIELD_LABELS, pledgeRowCrossField, pledgeRowSchema } from '../../../server/contract/pledge-row.ts';
import { lowerKey } from '../cell-text.ts';
import { has, note, oneOf, rule, unit, type AliasRule } from './alias-parts.ts';
import { textOf } from './keys.ts';
import { SYNC_STATUS } from './shared.ts';
import { apiPath, rowsAsAnswered, type KindSpec } from './spec.ts';

/**
 * "Giao ước thi đua <YYYY>" (research/next-capabilities.md REG-5): a collective's targets for the year, one
 * row per unit and Nội dung giao ước; Tỷ lệ đạt is written back and changes no level or title.
 */

export type PledgeView = PledgeSheet['rows'][number];

const PLEDGE_ALIASES: readonly AliasRule[] = [
  note,
  rule('measure', (k) => has('donvitinh')(k) || k === 'dvt'),
  rule('content', has('noidung', 'giaouoc', 'phongtrao')),
  rule('target', has('chitieu')),
  rule('plan', has('kehoach', 'muctieu')),
  rule('result', (k) => has('ketqua', 'thuchien')(k) || k === 'dat'),
  unit,
  rule(null, oneOf('tyle', 'tyledat')),
];

const withContent = (who: unknown, content: unknown) => {
  const u = textOf(who);
  const c = textOf(content);
  return u.trim() && c.trim() ? `${lowerKey(u)}|${lowerKey(c)}` : null;
};

/** "85,5%": the rate as the sheet shows it; blank when Kế hoạch is 0 or blank (REG-7.10). */
export function rateText(rate: number | null): string {
  return rate === null ? '' : `${String(rate).replace('.', ',')}%`;
}

export const pledge: KindSpec<PledgeView, PledgeSheet, PledgePushResponse, PledgePushMinimal> = {
  title: { vi: 'Giao ước thi đua (năm)', en: 'Emulation pledges (year)' },
  schema: pledgeRowSchema,
  labels: PLEDGE_FIELD_LABELS,
  fields: ['unit', 'content', 'target', 'measure', 'plan', 'result', 'note'],
  required: [{ field: 'unit' }, { field: 'content' }],
  aliases: PLEDGE_ALIASES,
  computed: [{ column: 'pledgeRate', header: 'Tỷ lệ đạt' }, SYNC_STATUS],
  period: 'year',
  dataRow: { any: [['unit', 'content']], notFooter: 'unit' },
  key: (input) => withContent(input.unit, input.content),
  duplicate: (input, others) => ({
    field: 'content',
    message: `Đơn vị "${textOf(input.unit)}" đã có ${PLEDGE_FIELD_LABELS.content} «${textOf(input.content)}» ở dòng ${others}`,
  }),
  crossField: pledgeRowCrossField,
  rosterCodes: false,
  match: {
    key: (c) => withContent(c.unit, c.content)!,
    altKey: () => null,
    rowKey: (input) => withContent(input.unit, input.content),
    resultKey: (input, key) => withContent(key, input.content),
    rowAltKey: () => null,
    values: (c) => ({ pledgeRate: rateText(c.rate) }),
    version: (c) => c.version,
  },
  endpoint: { path: apiPath('years', 'pledges'), answer: rowsAsAnswered },
};
