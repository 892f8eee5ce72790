import { CONTRIBUTION_FIELD_LABELS, contributionRowCrossField, contributionRowSchema } from '../../../server/contract/contribution-row.ts';
import {
  contributionEntryKey,
  contributionKey,
  contributionPersonKey,
  type ContributionSheet,
  type ContributionPushMinimal,
  type ContributionPushResponse,
} from '../../../server/contract/drive-sheets.ts';
import { comments, has, note, oneOf, personName, rule, staffCode, unit, type AliasRule } from './alias-parts.ts';
import { textOf } from './keys.ts';
import { EXPLANATION, SYNC_STATUS } from './shared.ts';
import { apiPath, rowsAsAnswered, type KindSpec } from './spec.ts';

/**
 * "Đóng góp <YYYY>" (DRV-2): a unit's (or a person's) money or goods for a drive of the register. The service
 * shows a person's amount only to the admin, the council and the rater of that person's unit (DRV-4).
 */

export type ContributionView = ContributionSheet['rows'][number];

const CONTRIBUTION_ALIASES: readonly AliasRule[] = [
  note,
  comments,
  rule('driveCode', (k) => has('maphongtrao', 'macuocvandong', 'maquy', 'mapt')(k)),
  rule('receiptNo', has('chungtu', 'phieuthu', 'bienlai')),
  rule('inKindValue', has('quydoi', 'giatri')),
  rule('inKind', has('hienvat')),
  rule('amount', (k) => has('sotien', 'tiendonggop', 'tienungho')(k) || k === 'tien'),
  rule('form', oneOf('hinhthuc', 'hinhthucdonggop', 'hinhthucungho')),
  rule('date', (k) => k === 'ngay' || has('ngaydonggop', 'ngaynop', 'ngayungho')(k)),
  staffCode,
  personName,
  unit,
];

const parsedDate = (value: unknown): string | null => {
  const parsed = contributionRowSchema.shape.date.safeParse(value);
  return parsed.success ? (parsed.data ?? null) : null;
};

/** A contribution: drive, unit, person (code, else name; none for a unit's row), Số chứng từ else the date. */
export function contributionRowKey(input: Record<string, unknown>): string | null {
  const driveCode = textOf(input.driveCode);
  const unitName = textOf(input.unit);
  if (!driveCode.trim() || !unitName.trim()) return null;
  const personKey = contributionPersonKey({ code: textOf(input.code) || null, name: textOf(input.name) || null });
  const entryKey = contributionEntryKey({ receiptNo: textOf(input.receiptNo) || null, date: parsedDate(input.date) });
  return contributionKey({ driveCode, unit: unitName, personKey, entryKey });
}

export const contribution: KindSpec<ContributionView, ContributionSheet, ContributionPushResponse, ContributionPushMinimal> = {
  title: { vi: 'Đóng góp phong trào', en: 'Drive contributions' },
  schema: contributionRowSchema,
  labels: CONTRIBUTION_FIELD_LABELS,
  fields: ['driveCode', 'unit', 'code', 'name', 'form', 'amount', 'inKind', 'inKindValue', 'date', 'receiptNo', 'note'],
  required: [{ field: 'driveCode' }, { field: 'unit' }],
  aliases: CONTRIBUTION_ALIASES,
  computed: [EXPLANATION, SYNC_STATUS],
  period: 'year',
  dataRow: { any: [['driveCode', 'unit']] },
  key: contributionRowKey,
  duplicate: (_input, others) => ({
    field: 'receiptNo',
    message: `Trùng đóng góp với dòng ${others} (cùng phong trào, đơn vị, người và Số chứng từ/Ngày); ghi Số chứng từ để phân biệt`,
  }),
  crossField: contributionRowCrossField,
  rosterCodes: false,
  match: {
    key: (c) => c.key,
    altKey: () => null,
    rowKey: contributionRowKey,
    resultKey: (_input, key) => key,
    rowAltKey: () => null,
    values: (c) => ({ explanation: c.warnings.join('; ') }),
    version: (c) => c.version,
  },
  endpoint: { path: apiPath('years', 'contributions'), answer: rowsAsAnswered },
};
