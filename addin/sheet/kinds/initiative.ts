import type { InitiativePushMinimal, InitiativePushResponse, InitiativeSheet, StoredInitiative } from '../../../server/contract/year-sheets.ts';
import { INITIATIVE_FIELD_LABELS, initiativeRowCrossField, initiativeRowSchema } from '../../../server/contract/year-initiative-row.ts';
import { lowerKey } from '../cell-text.ts';
import { has, note, rule, staffCode, unit, type AliasRule } from './alias-parts.ts';
import { nameUnitKey, personKey, textOf } from './keys.ts';
import { SYNC_STATUS, codeOf } from './shared.ts';
import { apiPath, rowsAsAnswered, type KindSpec } from './spec.ts';

/** The year's initiatives and research topics: whose (code, or name and unit), which kind, its title, level and date. */

const INITIATIVE_ALIASES: readonly AliasRule[] = [
  note,
  staffCode,
  // "Mã sáng kiến" is a register number, not the initiative's title.
  rule(null, (k) => k.startsWith('ma') && has('sangkien', 'detai')(k)),
  rule('name', (k) => has('hovaten', 'hoten', 'tacgia', 'chunhiem')(k) || k === 'tencanbo'),
  rule('kind', (k) => k.startsWith('loai') || has('phanloai', 'hinhthuc')(k)),
  rule('level', (k) => k.startsWith('cap')),
  rule('recognisedOn', (k) => k.startsWith('ngay') || has('thoigiancongnhan', 'namcongnhan')(k)),
  rule('title', has('sangkien', 'detai', 'noidung', 'congtrinh', 'giaiphap')),
  unit,
];

/** The kind as the contract reads it ("SK", "Sáng kiến" → "sáng kiến"), so two spellings are one row. */
export function initiativeKind(value: unknown): string {
  const parsed = initiativeRowSchema.shape.kind.safeParse(value);
  return parsed.success ? parsed.data : lowerKey(textOf(value));
}

/** "|sáng kiến|tên sáng kiến": what follows the person in an initiative's key. */
function initiativeSuffix(kind: unknown, title: unknown): string | null {
  const t = textOf(title);
  return t ? `|${initiativeKind(kind)}|${lowerKey(t)}` : null;
}

const withSuffix = (who: string | null, input: Record<string, unknown>) => {
  const suffix = initiativeSuffix(input.kind, input.title);
  return who && suffix ? who + suffix : null;
};

/** An initiative: its person (code, or name and unit), its kind and its title, as the service keys it. */
export function initiativeKey(input: Record<string, unknown>): string | null {
  return withSuffix(personKey(input), input);
}

export const initiative: KindSpec<StoredInitiative, InitiativeSheet, InitiativePushResponse, InitiativePushMinimal> = {
  title: { vi: 'Sáng kiến, đề tài', en: 'Initiatives, research' },
  schema: initiativeRowSchema,
  labels: INITIATIVE_FIELD_LABELS,
  fields: ['code', 'name', 'unit', 'kind', 'title', 'level', 'recognisedOn', 'note'],
  required: [{ field: 'code', or: ['name', 'unit'] }, { field: 'kind' }, { field: 'title' }, { field: 'recognisedOn' }],
  aliases: INITIATIVE_ALIASES,
  computed: [SYNC_STATUS],
  period: 'year',
  dataRow: { any: [['title', 'code'], ['title', 'name']] },
  key: initiativeKey,
  duplicate: (input, others) => ({
    field: 'title',
    message: `Cùng người, cùng loại và cùng tên «${textOf(input.title)}» với dòng ${others}`,
  }),
  crossField: initiativeRowCrossField,
  rosterCodes: false,
  match: {
    key: (c) => `${c.code}|${c.kind}|${lowerKey(c.title)}`,
    altKey: (c) => {
      const who = nameUnitKey(c.name, c.unit);
      return who && `${who}|${c.kind}|${lowerKey(c.title)}`;
    },
    rowKey: (input) => withSuffix(codeOf(input), input),
    resultKey: (input, key) => withSuffix(key, input),
    rowAltKey: (input) => withSuffix(nameUnitKey(input.name, input.unit), input),
    values: () => ({}),
    version: (c) => c.version,
  },
  endpoint: { path: apiPath('years', 'initiatives'), answer: rowsAsAnswered },
};
