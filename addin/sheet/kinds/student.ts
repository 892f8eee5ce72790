import type {
  ClassStudents,
  ClassStudentsPushMinimal,
  ClassStudentsPushResponse,
} from '../../../server/contract/students.ts';
import { STUDENT_FIELD_LABELS, studentRowCrossField, studentRowSchema } from '../../../server/contract/students.ts';
import { lowerKey, tidyText } from '../cell-text.ts';
import { codeWith, comments, discipline, has, note, oneOf, rule, type AliasRule } from './alias-parts.ts';
import { textOf } from './keys.ts';
import { EXPLANATION, SYNC_STATUS, reasonsText } from './shared.ts';
import { apiPath, type KindSpec } from './spec.ts';

/** The students of one class: the class, the student (Mã HV or name), the average, conduct and discipline. */

export type ComputedStudent = ClassStudents['students'][number];

const STUDENT_CODE_RESTS = new Set(['hv', 'hocvien', 'sohocvien', 'sohv', 'sv', 'sinhvien', 'so', 'dinhdanh']);
const STUDENT_ALIASES: readonly AliasRule[] = [
  note,
  discipline,
  rule('class', oneOf('lop', 'tenlop', 'lophoc', 'malop')),
  rule('code', codeWith(STUDENT_CODE_RESTS, 'mshv', 'mssv')),
  rule('name', (k) => has('hovaten', 'hoten')(k) || k === 'ten' || k === 'tenhocvien'),
  rule('conduct', has('renluyen', 'hanhkiem')),
  comments,
  rule('gpa', has('diem', 'dtb', 'trungbinh', 'tongket')),
];

/** A student of the class: Mã HV, else the name (the service keys the same way). */
export function studentKey(input: Record<string, unknown>): string | null {
  const code = textOf(input.code);
  if (code) return tidyText(code);
  const name = textOf(input.name);
  return name ? lowerKey(name) : null;
}

export const COMMENDED = 'Có';
export const NOT_COMMENDED = 'Không';
export const TIE_AT_LIMIT = 'Đồng điểm — Hội đồng quyết định';

export const student: KindSpec<ComputedStudent, ClassStudents, ClassStudentsPushResponse, ClassStudentsPushMinimal> = {
  title: { vi: 'Học viên', en: 'Students' },
  schema: studentRowSchema,
  labels: STUDENT_FIELD_LABELS,
  fields: ['class', 'code', 'name', 'gpa', 'conduct', 'discipline', 'note'],
  required: [{ field: 'name' }, { field: 'gpa' }],
  aliases: STUDENT_ALIASES,
  computed: [
    { column: 'band', header: 'Xếp loại học tập' },
    { column: 'commended', header: 'Khen thưởng' },
    EXPLANATION,
    SYNC_STATUS,
  ],
  period: 'class',
  dataRow: { any: [['name']], notFooter: 'name' },
  key: studentKey,
  duplicate: (input, others) => {
    const code = textOf(input.code);
    return code
      ? { field: 'code', message: `Mã HV "${code}" bị trùng với dòng ${others}` }
      : { field: 'name', message: `Trùng họ tên với dòng ${others}, cần thêm cột Mã HV để phân biệt` };
  },
  crossField: studentRowCrossField,
  rosterCodes: false,
  // A student without Mã HV is keyed by the name, on the sheet as in the service: that key is the row's own.
  match: {
    key: (c) => c.key,
    altKey: () => null,
    rowKey: studentKey,
    resultKey: (_input, key) => key,
    rowAltKey: () => null,
    values: (c) => ({
      band: c.band ?? '',
      commended: c.commended ? COMMENDED : c.tieAtLimit ? TIE_AT_LIMIT : NOT_COMMENDED,
      explanation: reasonsText(c),
    }),
    version: (c) => c.version,
  },
  endpoint: { path: apiPath('classes', 'students'), answer: (body) => ({ rows: body.students }) },
};
