import type { MovementPushMinimal, MovementPushResponse, MovementSheet } from '../../../server/contract/drive-sheets.ts';
import { MOVEMENT_FIELD_LABELS, movementRowCrossField, movementRowSchema } from '../../../server/contract/movement-row.ts';
import { matchKey } from '../../../server/contract/text.ts';
import { has, note, oneOf, rule, type AliasRule } from './alias-parts.ts';
import { textOf } from './keys.ts';
import { SYNC_STATUS } from './shared.ts';
import { apiPath, rowsAsAnswered, type KindSpec } from './spec.ts';

/** "Phong trào <YYYY>" (DRV-1): the year's register of movements and drives, one row per Mã. */

export type MovementView = MovementSheet['rows'][number];

const MOVEMENT_ALIASES: readonly AliasRule[] = [
  note,
  rule('code', oneOf('ma', 'maphongtrao', 'macuocvandong', 'mapt', 'maso')),
  rule('kind', (k) => k.startsWith('loai') || k === 'phanloai'),
  rule('level', (k) => k === 'cap' || has('capphatdong', 'capto')(k)),
  rule('docRef', has('vanban', 'sokyhieu', 'kehoach')),
  rule('from', has('tungay', 'batdau', 'ngayphatdong')),
  rule('to', has('denngay', 'ketthuc', 'ngaytongket')),
  rule('ask', has('mucvandong', 'mucung', 'mucdonggop')),
  rule('target', has('muctieu', 'chitieu')),
  rule('name', (k) => !k.startsWith('ma') && has('phongtrao', 'cuocvandong', 'tenquy', 'noidung')(k)),
];

/** A drive of the register: its Mã, as the service keys it (case and spacing folded). */
export function movementKey(input: Record<string, unknown>): string | null {
  const code = textOf(input.code);
  return code.trim() ? matchKey(code) : null;
}

export const movement: KindSpec<MovementView, MovementSheet, MovementPushResponse, MovementPushMinimal> = {
  title: { vi: 'Phong trào, cuộc vận động', en: 'Movements, drives' },
  schema: movementRowSchema,
  labels: MOVEMENT_FIELD_LABELS,
  fields: ['code', 'name', 'kind', 'level', 'docRef', 'from', 'to', 'ask', 'target', 'note'],
  required: [{ field: 'code' }, { field: 'name' }],
  aliases: MOVEMENT_ALIASES,
  computed: [SYNC_STATUS],
  period: 'year',
  dataRow: { any: [['code', 'name']] },
  key: movementKey,
  duplicate: (input, others) => ({ field: 'code', message: `Mã phong trào «${textOf(input.code)}» trùng với dòng ${others}; mỗi phong trào một mã trong năm` }),
  crossField: movementRowCrossField,
  rosterCodes: false,
  match: {
    key: (c) => matchKey(c.code),
    altKey: () => null,
    rowKey: movementKey,
    resultKey: (_input, key) => matchKey(key),
    rowAltKey: () => null,
    values: () => ({}),
    version: (c) => c.version,
  },
  endpoint: { path: apiPath('years', 'movements'), answer: rowsAsAnswered },
};
