import { z } from 'zod';
import { amountField } from './amount-field.ts';
import { baseVersionField, dateField, refField, requiredTextField, textField } from './fields.ts';
import { PERSON_IDENTITY_LABELS, staffCodeField } from './person-identity.ts';
import { foldDiacritics } from './text.ts';

export const CONTRIBUTION_FIELD_LABELS = {
  driveCode: 'Mã phong trào',
  unit: PERSON_IDENTITY_LABELS.unit,
  code: PERSON_IDENTITY_LABELS.code,
  name: PERSON_IDENTITY_LABELS.name,
  form: 'Hình thức',
  amount: 'Số tiền (đồng)',
  inKind: 'Hiện vật',
  inKindValue: 'Giá trị quy đổi (đồng)',
  date: 'Ngày',
  receiptNo: 'Số chứng từ',
  note: 'Ghi chú',
} as const;

const L = CONTRIBUTION_FIELD_LABELS;

export const CONTRIBUTION_FORMS = ['money', 'in-kind'] as const;
const FORM_WORDS: Record<string, (typeof CONTRIBUTION_FORMS)[number]> = {
  tien: 'money',
  'tien mat': 'money',
  'chuyen khoan': 'money',
  'hien vat': 'in-kind',
};

/**
 * One contribution of "Đóng góp <YYYY>" (research/next-capabilities.md DRV-2): a unit's, or (optionally) a
 * person's, money or goods for a drive of the year's register. Money is whole đồng. Whether the drive exists
 * and the date falls inside it is checked against the register (server/rules/drives/check-contributions.ts).
 * Amounts are never an input to levels or titles (DRV-4, DRV-5).
 */
export const contributionRowSchema = z
  .object({
    ref: refField.describe('Where the row came from (e.g. the sheet row number); echoed back in the result'),
    driveCode: requiredTextField(L.driveCode, 20),
    unit: requiredTextField(L.unit, 200),
    code: staffCodeField,
    name: textField(L.name, 200),
    form: z.preprocess(
      (value) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : typeof value === 'string' ? (FORM_WORDS[foldDiacritics(value)] ?? value) : value),
      z.enum(CONTRIBUTION_FORMS, { error: `${L.form} phải là "Tiền" hoặc "Hiện vật"` }).optional(),
    ),
    amount: amountField(L.amount),
    inKind: textField(L.inKind, 500),
    inKindValue: amountField(L.inKindValue),
    date: dateField(L.date),
    receiptNo: textField(L.receiptNo, 50),
    note: textField(L.note, 2000),
    baseVersion: baseVersionField.describe('The version of the stored row this row was last synced with'),
  })
  .superRefine((row, ctx) => {
    const form = contributionForm(row);
    if (form === 'money' && row.amount === undefined) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: `Thiếu ${L.amount} (đóng góp bằng tiền)` });
    }
    if (form === 'in-kind' && !row.inKind) {
      ctx.addIssue({ code: 'custom', path: ['inKind'], message: `Thiếu ${L.inKind}: ghi hiện vật đã đóng góp` });
    }
  })
  .meta({ id: 'ContributionRow' });

/** As the row says; a blank Hình thức is money unless only goods are written. */
export function contributionForm(row: { form?: (typeof CONTRIBUTION_FORMS)[number] | undefined; amount?: number | undefined; inKind?: string | undefined }) {
  return row.form ?? (row.amount === undefined && row.inKind ? 'in-kind' : 'money');
}

export type ContributionRowInput = z.input<typeof contributionRowSchema>;
export type ContributionRow = z.output<typeof contributionRowSchema>;

/** The form decides which of the amount and the goods is required: every row is checked whole. */
export const contributionRowCrossField = () => true;
