import type { ComputedPerson } from '../../../server/contract/results.ts';
import type { MonthPushMinimal, PersonMonth, PersonPushResponse } from '../../../server/contract/push.ts';
import { PERSON_FIELD_LABELS, personRowCrossField, personRowSchema } from '../../../server/contract/person-row.ts';
import {
  allTasksDone, comments, discipline, exceededPct, has, latePct, note, oneOf, PERSON_IDENTITY, rule, type AliasRule,
} from './alias-parts.ts';
import { nameUnitKey, personKey } from './keys.ts';
import { IDENTITY_FIELDS, PEOPLE_COMPUTED, PEOPLE_ROWS, RATING_FIELDS, SCORE, codeOf, personDuplicate, reasonsText } from './shared.ts';
import { apiPath, rowsAsAnswered, type ComputedMatch, type KindSpec } from './spec.ts';

/** A month of people: each rated by score (or its parts), gates and discipline; ranked within unit and school. */

/** Monthly sheets of people and of units: the unit sheet reads the subset its contract has. */
export const MONTH_ALIASES: readonly AliasRule[] = [
  // Self-assessment and approval (research §3.3 TASK-5): before the scores, which "Điểm trưởng đơn vị" and
  // "Trạng thái đánh giá" would otherwise read as.
  rule('headScore', (k) => has('truongdonvi', 'quanlytructiep')(k) && k.startsWith('diem')),
  rule('assessmentStatus', has('trangthaidanhgia', 'buocdanhgia')),
  rule('generalI1', oneOf('tci1', 'tieuchii1')),
  rule('generalI2', oneOf('tci2', 'tieuchii2')),
  rule('generalII1', oneOf('tcii1', 'tieuchiii1')),
  rule('generalII2', oneOf('tcii2', 'tieuchiii2')),
  rule('generalII3', oneOf('tcii3', 'tieuchiii3')),
  rule('generalII4', oneOf('tcii4', 'tieuchiii4')),
  rule('generalIII', oneOf('tciii', 'tieuchiiii')),
  rule('selfScore', (k) => has('tucham', 'tudanhgia')(k) || (k.includes('canhan') && has('diem', 'cham')(k))),
  rule('general', has('tieuchichung')),
  // A leader's axes of NĐ 335 Điều 15 (RULES.md §10, leaderAxes).
  rule('leaderOrganisePct', has('nangluctochuc')),
  rule('leaderOtherPct', (k) => has('tieuchikhac')(k) && has('lanhdao')(k)),
  rule('results', has('ketquathuchien', 'thuchiennhiemvu', 'ketquanhiemvu')),
  allTasksDone,
  exceededPct,
  latePct,
  discipline,
  note,
  rule('period', oneOf('thang', 'thangnam', 'thangdanhgia', 'kydanhgia')),
  ...PERSON_IDENTITY,
  rule('leave', (k) => k.startsWith('nghi') || k.includes('thaisan')),
  comments,
  rule('score', has('diem', 'danhgia', 'hoidong', 'thutruong', 'thamquyen')),
];

/** A person's answer: by staff code, else by the key the push gave, else by name and unit. */
export const personMatch: ComputedMatch<ComputedPerson> = {
  key: (c) => c.code,
  altKey: (c) => nameUnitKey(c.name, c.unit),
  rowKey: codeOf,
  resultKey: (_input, key) => key,
  rowAltKey: (input) => nameUnitKey(input.name, input.unit),
  values: (c) => ({ classification: c.label, rankInUnit: c.rankInUnit ?? '', rankInOrg: c.rankInOrg ?? '', explanation: reasonsText(c) }),
  version: (c) => c.version,
};

export const person: KindSpec<ComputedPerson, PersonMonth, PersonPushResponse, MonthPushMinimal> = {
  title: { vi: 'Cán bộ', en: 'Staff' },
  schema: personRowSchema,
  labels: PERSON_FIELD_LABELS,
  fields: [
    ...IDENTITY_FIELDS, 'leave', ...RATING_FIELDS, 'leaderOrganisePct', 'leaderOtherPct',
    'headScore', 'generalI1', 'generalI2', 'generalII1', 'generalII2', 'generalII3', 'generalII4', 'generalIII', 'assessmentStatus',
  ],
  required: [{ field: 'name' }, { field: 'unit' }, SCORE],
  aliases: MONTH_ALIASES,
  computed: PEOPLE_COMPUTED,
  period: 'month',
  dataRow: PEOPLE_ROWS,
  key: personKey,
  duplicate: personDuplicate,
  crossField: personRowCrossField,
  rosterCodes: true,
  match: personMatch,
  endpoint: { path: apiPath('months', 'people'), answer: rowsAsAnswered },
};
