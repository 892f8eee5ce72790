import type { PersonYearPushMinimal, PersonYearPushResponse, PersonYearSheet } from '../../../server/contract/year-sheets.ts';
import { PERSON_YEAR_FIELD_LABELS, personYearRowCrossField, personYearRowSchema } from '../../../server/contract/year-person-row.ts';
import {
  allTasksDone, comments, discipline, exceededPct, has, latePct, note, PERSON_IDENTITY, rule, type AliasRule,
} from './alias-parts.ts';
import { personKey } from './keys.ts';
import { personMatch } from './person.ts';
import { EXPLANATION, IDENTITY_FIELDS, PEOPLE_ROWS, SYNC_STATUS, personDuplicate, reasonsText } from './shared.ts';
import { apiPath, rowsAsAnswered, type ComputedMatch, type KindSpec } from './spec.ts';

/** The yearly sheet of people: the year's gates, discipline and pending case, the council's vote, earlier titles. */

export type PersonYearView = PersonYearSheet['rows'][number];

export const YEAR_ALIASES: readonly AliasRule[] = [
  rule('pendingDisciplineCase', has('xemxet', 'dangxuly', 'chokyluat')),
  allTasksDone,
  exceededPct,
  latePct,
  discipline,
  rule('voteAgree', has('dongy', 'tanthanh', 'phieuthuan')),
  rule('voteTotal', has('phieu', 'thanhvien')),
  rule('priorTitles', has('danhhieu', 'namtruoc')),
  note,
  ...PERSON_IDENTITY,
  comments,
];

export const year: KindSpec<PersonYearView, PersonYearSheet, PersonYearPushResponse, PersonYearPushMinimal> = {
  title: { vi: 'Năm (xếp loại năm)', en: 'Year (yearly sheet)' },
  schema: personYearRowSchema,
  labels: PERSON_YEAR_FIELD_LABELS,
  fields: [
    ...IDENTITY_FIELDS, 'allTasksDone', 'exceededPct', 'latePct', 'discipline', 'pendingDisciplineCase',
    'voteAgree', 'voteTotal', 'priorTitles', 'note',
  ],
  required: [{ field: 'name' }, { field: 'unit' }],
  aliases: YEAR_ALIASES,
  computed: [{ column: 'classification', header: 'Xếp loại năm' }, EXPLANATION, SYNC_STATUS],
  period: 'year',
  dataRow: PEOPLE_ROWS,
  key: personKey,
  duplicate: personDuplicate,
  crossField: personYearRowCrossField,
  rosterCodes: true,
  match: {
    ...(personMatch as unknown as ComputedMatch<PersonYearView>),
    values: (c) => ({ classification: c.label, explanation: reasonsText(c) }),
    version: (c) => c.version,
  },
  endpoint: { path: apiPath('years', 'people'), answer: rowsAsAnswered },
};
