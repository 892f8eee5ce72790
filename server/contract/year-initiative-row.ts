import { z } from 'zod';
import { baseVersionField, dateField, refField, requiredTextField, textField } from './fields.ts';
import { PERSON_IDENTITY_LABELS, staffCodeField } from './person-identity.ts';
import { foldDiacritics } from './text.ts';

export const INITIATIVE_FIELD_LABELS = {
  code: PERSON_IDENTITY_LABELS.code,
  name: PERSON_IDENTITY_LABELS.name,
  unit: PERSON_IDENTITY_LABELS.unit,
  kind: 'Loại',
  title: 'Tên sáng kiến, đề tài',
  level: 'Cấp công nhận',
  recognisedOn: 'Ngày công nhận',
  note: 'Ghi chú',
} as const;

const L = INITIATIVE_FIELD_LABELS;

export const INITIATIVE_KINDS = ['sáng kiến', 'đề tài'] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];
export const INITIATIVE_LEVELS = ['co-so', 'tinh', 'toan-quoc'] as const;

const KIND_WORDS: Record<string, InitiativeKind> = {
  'sang kien': 'sáng kiến',
  sk: 'sáng kiến',
  'de tai': 'đề tài',
  'de tai khoa hoc': 'đề tài',
  'de tai nckh': 'đề tài',
  dt: 'đề tài',
};

// RULES.md §6: "tỉnh" also stands for bộ, ban, ngành.
const LEVEL_WORDS: Record<string, (typeof INITIATIVE_LEVELS)[number]> = {
  'co so': 'co-so',
  'cap co so': 'co-so',
  'co-so': 'co-so',
  tinh: 'tinh',
  'cap tinh': 'tinh',
  bo: 'tinh',
  nganh: 'tinh',
  'cap bo': 'tinh',
  'cap nganh': 'tinh',
  'bo, nganh': 'tinh',
  'toan quoc': 'toan-quoc',
  'cap toan quoc': 'toan-quoc',
  'toan-quoc': 'toan-quoc',
  'quoc gia': 'toan-quoc',
  'nha nuoc': 'toan-quoc',
  'cap nha nuoc': 'toan-quoc',
};

const byWord = <T>(words: Record<string, T>) => (value: unknown) => {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  return typeof value === 'string' ? (words[foldDiacritics(value)] ?? value) : value;
};

/**
 * One row of the initiatives sheet (RULES.md §6): a recognised initiative (sáng kiến, with its level) or an
 * accepted research topic (đề tài) of a person found by staff code, or by name within the unit. The date
 * must fall in the sheet's year; earlier ones go on that year's sheet.
 */
export const initiativeRowSchema = z
  .object({
    ref: refField.describe('Where the row came from (e.g. the sheet row number); echoed back in the result'),
    code: staffCodeField,
    name: textField(L.name, 200),
    unit: textField(L.unit, 200),
    kind: z.preprocess(byWord(KIND_WORDS), z.enum(INITIATIVE_KINDS, { error: `${L.kind} phải là "Sáng kiến" hoặc "Đề tài"` })),
    title: requiredTextField(L.title, 500),
    level: z.preprocess(
      byWord(LEVEL_WORDS),
      z.enum(INITIATIVE_LEVELS, { error: `${L.level} phải là "Cơ sở", "Tỉnh" hoặc "Toàn quốc"` }).optional(),
    ),
    recognisedOn: dateField(L.recognisedOn),
    note: textField(L.note, 2000),
    baseVersion: baseVersionField.describe('The version of the stored row this row was last synced with'),
  })
  .superRefine((row, ctx) => {
    if (!row.code && !(row.name && row.unit)) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: `Cần ${L.code}, hoặc ${L.name} và ${L.unit}` });
    }
    if (row.kind === 'sáng kiến' && row.level === undefined) {
      ctx.addIssue({ code: 'custom', path: ['level'], message: `Sáng kiến cần ${L.level}: cơ sở, tỉnh hoặc toàn quốc` });
    }
    if (row.recognisedOn === undefined) {
      ctx.addIssue({ code: 'custom', path: ['recognisedOn'], message: `Thiếu ${L.recognisedOn} (ngày công nhận sáng kiến, nghiệm thu đề tài)` });
    }
  })
  .meta({ id: 'InitiativeRow' });

export type InitiativeRowInput = z.input<typeof initiativeRowSchema>;
export type InitiativeRow = z.output<typeof initiativeRowSchema>;

/** Who, the level of a sáng kiến and its date are checked across fields: every row is checked whole (see row-checker.ts). */
export const initiativeRowCrossField = () => true;
