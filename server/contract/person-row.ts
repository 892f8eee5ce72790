import { z } from 'zod';
import { baseVersionField, dateField, refField, requiredTextField, textField } from './fields.ts';
import { RATING_FIELD_LABELS, ratingFields, reconcileParts } from './rating-fields.ts';

export const PERSON_FIELD_LABELS = {
  ...RATING_FIELD_LABELS,
  code: 'Mã CB',
  name: 'Họ và tên',
  unit: 'Đơn vị',
  dutyGroup: 'Nhóm chức danh',
  title: 'Chức vụ',
  sex: 'Giới tính',
  recruitedOn: 'Ngày tuyển dụng',
  leave: 'Nghỉ',
} as const;

const L = PERSON_FIELD_LABELS;

export const STAFF_CODE_PATTERN = /^[\p{L}\p{N}._\-/]+$/u;

export const sexField = z.preprocess(
  (value) => {
    if (typeof value !== 'string' || value.trim() === '') return value === '' || value === null ? undefined : value;
    const v = value.normalize('NFC').trim().toLocaleLowerCase('vi');
    if (v === 'nam' || v === 'm' || v === 'male') return 'nam';
    if (v === 'nữ' || v === 'nu' || v === 'f' || v === 'female') return 'nữ';
    return value;
  },
  z.enum(['nam', 'nữ'], { error: `${L.sex} phải là "Nam" hoặc "Nữ"` }).optional(),
);

/** Marks for a month not worked (RULES.md §5): maternity leave counts as worked, plain absence does not. */
export const leaveField = z.preprocess(
  (value) => {
    if (typeof value !== 'string') return value === null || value === '' ? undefined : value;
    const v = value.normalize('NFC').trim().toLocaleLowerCase('vi');
    if (v === '') return undefined;
    if (v.includes('thai sản') || v === 'maternity') return 'maternity';
    if (v.startsWith('nghỉ') || v === 'absent') return 'absent';
    return value;
  },
  z.enum(['maternity', 'absent'], { error: `${L.leave} phải là "Thai sản" hoặc "Nghỉ"` }).optional(),
);

/** One person's month as a sheet row carries it. */
export const personRowSchema = z
  .object({
    ref: refField.describe('Where the row came from (e.g. the sheet row number); echoed back in the result'),
    code: textField(L.code, 32).refine(
      (c) => c === undefined || STAFF_CODE_PATTERN.test(c),
      `${L.code} chỉ gồm chữ, số và các dấu . _ - /`,
    ),
    name: requiredTextField(L.name, 200),
    unit: requiredTextField(L.unit, 200),
    dutyGroup: textField(L.dutyGroup, 100),
    title: textField(L.title, 200),
    sex: sexField,
    recruitedOn: dateField(L.recruitedOn),
    leave: leaveField,
    ...ratingFields,
    baseVersion: baseVersionField.describe('The version of the stored record this row was last synced with'),
  })
  .transform(reconcileParts)
  .meta({ id: 'PersonRow' });

export type PersonRowInput = z.input<typeof personRowSchema>;
export type PersonRow = z.output<typeof personRowSchema>;
