import { z } from 'zod';
import { baseVersionField, dateField, refField, requiredTextField, textField, yesNoField } from './fields.ts';
import { PERSON_IDENTITY_LABELS, staffCodeField } from './person-identity.ts';
import { foldDiacritics, parseVnNumber } from './text.ts';

/** Labels of the tasks sheet (research §3.3 TASK-1), used in messages and by the sheet engine. */
export const TASK_FIELD_LABELS = {
  code: PERSON_IDENTITY_LABELS.code,
  name: PERSON_IDENTITY_LABELS.name,
  unit: PERSON_IDENTITY_LABELS.unit,
  taskRef: 'Mã nhiệm vụ',
  taskName: 'Tên nhiệm vụ/sản phẩm',
  source: 'Nguồn giao',
  role: 'Vai trò',
  k: 'Hệ số quy đổi',
  g: 'Số lượng giao',
  h: 'Số lượng hoàn thành',
  dueOn: 'Hạn hoàn thành',
  doneOn: 'Ngày hoàn thành',
  qFails: 'Số lần chưa đạt chất lượng',
  dFails: 'Số lần chậm tiến độ',
  exceeded: 'Vượt mức',
  objective: 'Nguyên nhân khách quan',
  confirmedBy: 'Người xác nhận',
  note: 'Ghi chú',
} as const;

const L = TASK_FIELD_LABELS;

export const TASK_SOURCES = ['văn bản', 'kế hoạch', 'phát sinh', 'tự đăng ký'] as const;
export const TASK_ROLES = ['chủ trì', 'phối hợp'] as const;

const blank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** A word cell matched without case or diacritics; blank is undefined. */
const byWord = (words: ReadonlyMap<string, string>) => (value: unknown) => {
  if (blank(value)) return undefined;
  return typeof value === 'string' ? (words.get(foldDiacritics(value)) ?? value) : value;
};

const wordsOf = (values: readonly string[]) => new Map(values.map((v) => [foldDiacritics(v), v] as const));

const numberCell = (value: unknown) => {
  if (blank(value)) return undefined;
  return parseVnNumber(value) ?? value;
};

/** A whole count within [min, max]; blank is undefined. */
function countField(label: string, min: number, max: number) {
  const range = `${label} phải là số nguyên từ ${min} đến ${max}`;
  return z.preprocess(numberCell, z.number({ error: range }).int(range).min(min, range).max(max, range).optional());
}

const hasAtMostTwoDecimals = (value: number) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-7;

/** Products a person may be assigned in a month: generous, and small enough for exact sums. */
const MAX_QUANTITY = 100_000;

/**
 * One task or product of a person in a month (research §3.3 TASK-1), found by staff code or by name within
 * the unit. Blank cells stay undefined: what a blank quantity or delay count means is a rule
 * (server/rules/tasks), not a cell value. Checked here: each cell, who the row is about, and that an
 * objective cause names who confirmed it (T7, T8: «cấp có thẩm quyền xác nhận»).
 */
export const taskRowSchema = z
  .object({
    ref: refField.describe('Where the row came from (e.g. the sheet row number); echoed back in the result'),
    code: staffCodeField,
    name: textField(L.name, 200),
    unit: textField(L.unit, 200),
    taskRef: textField(L.taskRef, 100),
    taskName: requiredTextField(L.taskName, 500),
    source: z.preprocess(
      byWord(wordsOf(TASK_SOURCES)),
      z.enum(TASK_SOURCES, { error: `${L.source} phải là "Văn bản", "Kế hoạch", "Phát sinh" hoặc "Tự đăng ký"` }).default('kế hoạch'),
    ),
    role: z.preprocess(
      byWord(wordsOf(TASK_ROLES)),
      z.enum(TASK_ROLES, { error: `${L.role} phải là "Chủ trì" hoặc "Phối hợp"` }).default('chủ trì'),
    ),
    k: z.preprocess(
      numberCell,
      z
        .number({ error: `${L.k} phải là số` })
        .gt(0, `${L.k} phải lớn hơn 0 và không quá 10`)
        .max(10, `${L.k} phải lớn hơn 0 và không quá 10`)
        .refine(hasAtMostTwoDecimals, `${L.k} chỉ được có hai chữ số thập phân`)
        .default(1),
    ),
    g: countField(L.g, 0, MAX_QUANTITY),
    h: countField(L.h, 0, MAX_QUANTITY),
    dueOn: dateField(L.dueOn),
    doneOn: dateField(L.doneOn),
    qFails: countField(L.qFails, 0, 4),
    dFails: countField(L.dFails, 0, 4),
    exceeded: yesNoField(L.exceeded),
    objective: yesNoField(L.objective),
    confirmedBy: textField(L.confirmedBy, 200),
    note: textField(L.note, 2000),
    baseVersion: baseVersionField.describe('The version of the stored row this row was last synced with'),
  })
  .superRefine((row, ctx) => {
    if (!row.code && !(row.name && row.unit)) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: `Cần ${L.code}, hoặc ${L.name} và ${L.unit}` });
    }
    if (row.objective === true && !row.confirmedBy) {
      ctx.addIssue({
        code: 'custom',
        path: ['confirmedBy'],
        message: `Có ${L.objective.toLowerCase()} thì cần ${L.confirmedBy} (cấp có thẩm quyền xác nhận)`,
      });
    }
  })
  .meta({ id: 'TaskRow' });

export type TaskRowInput = z.input<typeof taskRowSchema>;
export type TaskRow = z.output<typeof taskRowSchema>;

/**
 * The rows the checks across fields may refuse (see row-checker.ts): without a staff code (then name and unit
 * are needed), or with an objective cause (then who confirmed it). Others pass on their fields alone.
 */
export const taskRowCrossField = (row: Record<string, unknown>) => !row.code || row.objective === true;
