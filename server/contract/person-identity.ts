import { z } from 'zod';
import { dateField, requiredTextField, textField } from './fields.ts';

/** Labels of the columns that say who a row is about, on every sheet of people (months, years). */
export const PERSON_IDENTITY_LABELS = {
  code: 'Mã CB',
  name: 'Họ và tên',
  unit: 'Đơn vị',
  dutyGroup: 'Nhóm chức danh',
  title: 'Chức vụ',
  sex: 'Giới tính',
  recruitedOn: 'Ngày tuyển dụng',
} as const;

const L = PERSON_IDENTITY_LABELS;

export const STAFF_CODE_PATTERN = /^[\p{L}\p{N}._\-/]+$/u;

export const staffCodeField = textField(L.code, 32).refine(
  (c) => c === undefined || STAFF_CODE_PATTERN.test(c),
  `${L.code} chỉ gồm chữ, số và các dấu . _ - /`,
);

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

/** Who the row is about; a person is found by staff code, else by name within the unit. */
export const personIdentityFields = {
  code: staffCodeField,
  name: requiredTextField(L.name, 200),
  unit: requiredTextField(L.unit, 200),
  dutyGroup: textField(L.dutyGroup, 100),
  title: textField(L.title, 200),
  sex: sexField,
  recruitedOn: dateField(L.recruitedOn),
};
