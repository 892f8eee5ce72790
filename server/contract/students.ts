import { z } from 'zod';
import { baseVersionField, refField, requiredTextField, textField } from './fields.ts';
import { rowResultSchema } from './push.ts';
import { STAFF_CODE_PATTERN } from './person-identity.ts';
import { foldDiacritics, isStorableText, parseVnNumber, unstorableIssue } from './text.ts';

export const STUDENT_FIELD_LABELS = {
  class: 'Lớp',
  name: 'Họ và tên',
  code: 'Mã HV',
  gpa: 'Điểm trung bình',
  conduct: 'Rèn luyện',
  discipline: 'Kỷ luật',
  note: 'Ghi chú',
} as const;

const L = STUDENT_FIELD_LABELS;

export const CONDUCTS = ['Tốt', 'Khá', 'Trung bình', 'Yếu'] as const;
const CONDUCT_WORDS: Record<string, (typeof CONDUCTS)[number]> = {
  tot: 'Tốt',
  kha: 'Khá',
  'trung binh': 'Trung bình',
  tb: 'Trung bình',
  yeu: 'Yếu',
};
const NO_DISCIPLINE = new Set(['khong', 'khong co', '-', 'k']);
const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

const gpaField = z.preprocess(
  (value) => (blank(value) ? undefined : (parseVnNumber(value) ?? value)),
  z
    .number({ error: `${L.gpa} phải là số` })
    .min(0, `${L.gpa} phải từ 0 đến 10`)
    .max(10, `${L.gpa} phải từ 0 đến 10`)
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, `${L.gpa} chỉ được có hai chữ số thập phân`)
    .optional(),
);

/** One student of a class sheet (RULES.md §8); the class is the sheet's, a Lớp cell must name the same class. */
export const studentRowSchema = z
  .object({
    ref: refField.describe('Where the row came from (e.g. the sheet row number); echoed back in the result'),
    class: textField(L.class, 200),
    name: requiredTextField(L.name, 200),
    code: textField(L.code, 32).refine((c) => c === undefined || STAFF_CODE_PATTERN.test(c), `${L.code} chỉ gồm chữ, số và các dấu . _ - /`),
    gpa: gpaField,
    conduct: z.preprocess(
      (value) => (blank(value) ? undefined : typeof value === 'string' ? (CONDUCT_WORDS[foldDiacritics(value)] ?? value) : value),
      z.enum(CONDUCTS, { error: `${L.conduct} phải là Tốt, Khá, Trung bình hoặc Yếu` }).optional(),
    ),
    discipline: z.preprocess(
      (value) => (typeof value === 'string' && NO_DISCIPLINE.has(foldDiacritics(value)) ? undefined : value),
      textField(L.discipline, 200),
    ),
    note: textField(L.note, 2000),
    baseVersion: baseVersionField.describe('The version of the stored row this row was last synced with'),
  })
  .meta({ id: 'StudentRow' });
/** No rule of `studentRowSchema` spans fields (see row-checker.ts). */
export const studentRowCrossField = () => false;
export type StudentRowInput = z.input<typeof studentRowSchema>;
export type StudentRow = z.output<typeof studentRowSchema>;

export const studentBandSchema = z.enum(['Xuất sắc', 'Giỏi', 'Khá', 'Trung bình', 'Không đạt']);

export const computedStudentSchema = z
  .object({
    key: z.string().describe('Mã HV, or the name in lower case when the sheet has no code'),
    code: z.string().nullable(),
    name: z.string(),
    gpa: z.number().nullable(),
    conduct: z.enum(CONDUCTS).nullable(),
    discipline: z.string().nullable(),
    note: z.string().nullable(),
    band: studentBandSchema.nullable(),
    commended: z.boolean(),
    tieAtLimit: z.boolean().describe('In the tie run the class limit falls inside: for the council'),
    reasons: z.array(z.string()),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ComputedStudent' });

export const classCommendationSchema = z
  .object({
    class: z.string(),
    size: z.number().int().describe('All students of the class'),
    limit: z.number().int().describe('floor(maxCommendPct% × size)'),
    candidates: z.number().int(),
    commended: z.number().int(),
    tieKeys: z.array(z.string()),
  })
  .meta({ id: 'ClassCommendation' });

export const classStudentsSchema = classCommendationSchema
  .extend({ ruleSetVersion: z.number().int(), students: z.array(computedStudentSchema) })
  .meta({ id: 'ClassStudents' });
export type ClassStudents = z.infer<typeof classStudentsSchema>;

export const classStudentsPushResponseSchema = classStudentsSchema
  .extend({
    results: z.array(rowResultSchema),
    counts: z.object({ accepted: z.number(), unchanged: z.number(), rejected: z.number(), conflict: z.number() }),
  })
  .meta({ id: 'ClassStudentsPushResponse' });
export type ClassStudentsPushResponse = z.infer<typeof classStudentsPushResponseSchema>;

export const classStudentsPushMinimalSchema = classStudentsPushResponseSchema
  .pick({ class: true, ruleSetVersion: true, results: true, counts: true })
  .meta({
    id: 'ClassStudentsPushMinimal',
    description: 'The answer to a class push under `Prefer: return=minimal`: the class and rule set, no students, no commendation counts',
  });
export type ClassStudentsPushMinimal = z.infer<typeof classStudentsPushMinimalSchema>;

const listedStudent = computedStudentSchema.pick({ key: true, code: true, name: true, gpa: true, band: true, reasons: true });

export const classCommendationsSchema = classCommendationSchema
  .extend({
    ruleSetVersion: z.number().int(),
    commendedStudents: z.array(listedStudent).describe('Proposed for commendation, gpa descending'),
    tieStudents: z.array(listedStudent).describe('The tie run at the limit, for the council'),
  })
  .meta({ id: 'ClassCommendations' });
export type ClassCommendations = z.infer<typeof classCommendationsSchema>;

export const classListSchema = z
  .object({
    classes: z.array(
      z.object({
        class: z.string(),
        students: z.number().int(),
        updatedAt: z.string(),
        year: z.number().int().nullable().describe('The year its commended students count in (PUT /classes/{class}/year); null until tied'),
      }),
    ),
  })
  .meta({ id: 'ClassList' });
export type ClassList = z.infer<typeof classListSchema>;

export const classParamSchema = z.object({
  class: z
    .string()
    .trim()
    .min(1, 'Thiếu tên lớp')
    .max(200, 'Tên lớp dài quá 200 ký tự')
    .refine(isStorableText, unstorableIssue('Tên lớp'))
    .meta({ description: 'The class name, URL-encoded (e.g. TC%20K45)' }),
});
