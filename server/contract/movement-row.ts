import { z } from 'zod';
import { baseVersionField, dateField, refField, requiredTextField, textField } from './fields.ts';
import { foldDiacritics } from './text.ts';

export const MOVEMENT_FIELD_LABELS = {
  code: 'Mã',
  name: 'Tên phong trào, cuộc vận động',
  kind: 'Loại',
  level: 'Cấp phát động',
  docRef: 'Văn bản phát động',
  from: 'Từ ngày',
  to: 'Đến ngày',
  ask: 'Mức vận động',
  target: 'Mục tiêu, chỉ tiêu',
  note: 'Ghi chú',
} as const;

const L = MOVEMENT_FIELD_LABELS;

export const MOVEMENT_KINDS = ['Phong trào thi đua', 'Cuộc vận động, quyên góp'] as const;
export const MOVEMENT_LEVELS = ['Trung ương', 'Tỉnh', 'Trường', 'Công đoàn', 'Đoàn thanh niên', 'Khác'] as const;

const KIND_WORDS: Record<string, (typeof MOVEMENT_KINDS)[number]> = {
  'phong trao thi dua': 'Phong trào thi đua',
  'phong trao': 'Phong trào thi đua',
  'cuoc van dong, quyen gop': 'Cuộc vận động, quyên góp',
  'cuoc van dong': 'Cuộc vận động, quyên góp',
  'van dong': 'Cuộc vận động, quyên góp',
  'quyen gop': 'Cuộc vận động, quyên góp',
  'ung ho': 'Cuộc vận động, quyên góp',
};
const LEVEL_WORDS: Record<string, (typeof MOVEMENT_LEVELS)[number]> = {
  'trung uong': 'Trung ương',
  tw: 'Trung ương',
  tinh: 'Tỉnh',
  'cap tinh': 'Tỉnh',
  truong: 'Trường',
  'nha truong': 'Trường',
  'cong doan': 'Công đoàn',
  'doan thanh nien': 'Đoàn thanh niên',
  doan: 'Đoàn thanh niên',
  khac: 'Khác',
};

const byWord = <T>(words: Record<string, T>) => (value: unknown) => {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  return typeof value === 'string' ? (words[foldDiacritics(value)] ?? value) : value;
};

export const MOVEMENT_CODE_PATTERN = /^[\p{L}\p{N}._\-/]+$/u;

/**
 * One movement or drive of "Phong trào <YYYY>" (research/next-capabilities.md DRV-1, after Luật TĐKT 2022
 * Điều 17's content of a movement). Its code is what contributions name; unique in the year.
 */
export const movementRowSchema = z
  .object({
    ref: refField.describe('Where the row came from (e.g. the sheet row number); echoed back in the result'),
    code: requiredTextField(L.code, 20).refine((c) => MOVEMENT_CODE_PATTERN.test(c), `${L.code} chỉ gồm chữ, số và các dấu . _ - /`),
    name: requiredTextField(L.name, 500),
    kind: z.preprocess(byWord(KIND_WORDS), z.enum(MOVEMENT_KINDS, { error: `${L.kind} phải là "Phong trào thi đua" hoặc "Cuộc vận động, quyên góp"` }).optional()),
    level: z.preprocess(byWord(LEVEL_WORDS), z.enum(MOVEMENT_LEVELS, { error: `${L.level} phải là một trong: ${MOVEMENT_LEVELS.join(', ')}` }).optional()),
    docRef: textField(L.docRef, 200),
    from: dateField(L.from),
    to: dateField(L.to),
    ask: textField(L.ask, 200),
    target: textField(L.target, 2000),
    note: textField(L.note, 2000),
    baseVersion: baseVersionField.describe('The version of the stored row this row was last synced with'),
  })
  .superRefine((row, ctx) => {
    if (row.from !== undefined && row.to !== undefined && row.to < row.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `${L.to} phải từ ${L.from} trở đi` });
    }
  })
  .meta({ id: 'MovementRow' });

export type MovementRowInput = z.input<typeof movementRowSchema>;
export type MovementRow = z.output<typeof movementRowSchema>;

/** The dates are compared when both are given. */
export const movementRowCrossField = (row: Record<string, unknown>) => row.from !== undefined && row.to !== undefined;
