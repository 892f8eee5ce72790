import { z } from 'zod';
import { baseVersionField, refField, requiredTextField, textField } from './fields.ts';
import { parseVnNumber } from './text.ts';

export const PLEDGE_FIELD_LABELS = {
  unit: 'Đơn vị',
  content: 'Nội dung giao ước',
  target: 'Chỉ tiêu',
  measure: 'Đơn vị tính',
  plan: 'Kế hoạch',
  result: 'Kết quả',
  note: 'Ghi chú',
} as const;

const L = PLEDGE_FIELD_LABELS;

function quantityField(label: string) {
  return z.preprocess(
    (value) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : (parseVnNumber(value) ?? value)),
    z
      .number({ error: `${label} phải là số (ví dụ 12 hoặc 85,5)` })
      .min(0, `${label} không được âm`)
      .max(1_000_000_000_000, `${label} quá lớn`)
      .optional(),
  );
}

/**
 * One collective target of "Giao ước thi đua <YYYY>" (research/next-capabilities.md REG-5). Kết quả is filled
 * at year end; Tỷ lệ đạt is computed (server/rules/registration/pledge-rate.ts) and changes no level or title.
 */
export const pledgeRowSchema = z
  .object({
    ref: refField.describe('Where the row came from (e.g. the sheet row number); echoed back in the result'),
    unit: requiredTextField(L.unit, 200),
    content: requiredTextField(L.content, 2000),
    target: textField(L.target, 500),
    measure: textField(L.measure, 100),
    plan: quantityField(L.plan),
    result: quantityField(L.result),
    note: textField(L.note, 2000),
    baseVersion: baseVersionField.describe('The version of the stored row this row was last synced with'),
  })
  .meta({ id: 'PledgeRow' });

export type PledgeRowInput = z.input<typeof pledgeRowSchema>;
export type PledgeRow = z.output<typeof pledgeRowSchema>;

/** No rule across fields. */
export const pledgeRowCrossField = () => false;
