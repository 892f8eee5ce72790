import { foldDiacritics } from '../../server/contract/text.ts';
import { COMPUTED_COLUMNS, COMPUTED_HEADERS, fieldAllowed } from './sheet-fields.ts';
import type { ComputedColumn, HeaderRole, InputField, SheetKind } from './types.ts';

/**
 * Column meaning from header text. Headers are compared folded: case, diacritics, spacing, punctuation and
 * Unicode form do not matter ("HỌ VÀ TÊN", "Ho va ten", "Họ  và tên" decomposed are one key "hovaten").
 * Rules run from the most specific to the most generic, so "Điểm tự chấm" is a self score before "điểm"
 * can make it the assessed score.
 */

const NON_ALNUM = /[^a-z0-9]+/g;
const ETH = /ð/g;

/** Folded words separated by single spaces: "Khoa/phòng" → "khoa phong". */
export function headerWords(text: string): string {
  return foldDiacritics(text).replace(ETH, 'd').replace(NON_ALNUM, ' ').trim();
}

/** The compact folded key: "Khoa/phòng" → "khoaphong". */
export function headerKey(text: string): string {
  return headerWords(text).replace(/ /g, '');
}

const COMPUTED_BY_KEY: ReadonlyMap<string, ComputedColumn> = new Map(
  COMPUTED_COLUMNS.map((c) => [headerKey(COMPUTED_HEADERS[c]), c] as const),
);

const ROW_NUMBER_KEYS = new Set(['stt', 'tt', 'sothutu']);

const CODE_RESTS = new Set([
  'cb', 'canbo', 'so', 'socanbo', 'socb', 'nv', 'nhanvien', 'sonhanvien', 'cc', 'vc', 'ccvc', 'cbcc', 'cbvc',
  'cbccvc', 'congchuc', 'vienchuc', 'dinhdanh', 'nhansu', 'ns',
]);

const UNIT_KEYS = new Set([
  'khoaphong', 'phongkhoa', 'khoaphongban', 'bophan', 'phongban', 'khoa', 'phong', 'tenkhoaphong', 'bophancongtac',
]);

interface Rule {
  field: InputField | null;
  test(key: string): boolean;
}

const has = (...parts: string[]) => (key: string) => parts.some((p) => key.includes(p));
const oneOf = (...keys: string[]) => {
  const set = new Set(keys);
  return (key: string) => set.has(key);
};

/** Ordered: the first rule whose test passes names the field; `field: null` means "known not to be input". */
const RULES: readonly Rule[] = [
  {
    field: 'selfScore',
    test: (k) => has('tucham', 'tudanhgia')(k) || (k.includes('canhan') && has('diem', 'cham')(k)),
  },
  { field: 'general', test: has('tieuchichung') },
  { field: 'results', test: has('ketquathuchien', 'thuchiennhiemvu', 'ketquanhiemvu') },
  {
    field: 'allTasksDone',
    test: has('hoanthanh100', 'hoanthanhtatca', 'hoanthanhtoanbo', 'hoanthanhdu', '100nhiemvu'),
  },
  { field: 'exceededPct', test: has('vuot') },
  {
    field: 'latePct',
    test: (k) => k === 'cham' || has('chamtiendo', 'nhiemvucham', 'tylecham', 'chamtre', 'quahan')(k),
  },
  { field: 'discipline', test: has('kyluat') },
  { field: 'note', test: has('ghichu') },
  { field: 'period', test: oneOf('thang', 'thangnam', 'thangdanhgia', 'kydanhgia') },
  { field: 'code', test: (k) => k === 'mscb' || k === 'msnv' || (k.startsWith('ma') && CODE_RESTS.has(k.slice(2))) },
  { field: 'name', test: (k) => has('hovaten', 'hoten')(k) || k === 'ten' || k === 'tencanbo' },
  { field: 'dutyGroup', test: (k) => k.startsWith('nhom') },
  { field: 'unit', test: (k) => (k.includes('donvi') && !k.startsWith('ma')) || UNIT_KEYS.has(k) },
  { field: 'title', test: (k) => k.includes('chucvu') || k === 'chucdanh' },
  { field: 'sex', test: oneOf('gioitinh', 'gioi', 'namnu', 'phai') },
  { field: 'recruitedOn', test: has('tuyendung', 'ngayvaocoquan', 'ngayvaonganh') },
  { field: 'leave', test: (k) => k.startsWith('nghi') || k.includes('thaisan') },
  // Comments ("Nhận xét, đánh giá") are not a score even though they say "đánh giá".
  { field: null, test: has('nhanxet') },
  { field: 'score', test: has('diem', 'danhgia', 'hoidong', 'thutruong', 'thamquyen') },
];

/**
 * The role of a header column from its candidate texts, most complete first (for a two-row header: the
 * group title with the sub-header, then the sub-header alone). Exact headers (computed columns, STT) must
 * match the complete text; the meaning rules try every candidate before the next rule.
 */
export function matchHeader(candidates: readonly string[], kind: SheetKind): HeaderRole | null {
  const keys = candidates.map(headerKey).filter((k) => k !== '');
  const full = keys[0];
  if (full === undefined) return null;
  const computed = COMPUTED_BY_KEY.get(full);
  if (computed) return { type: 'computed', column: computed };
  if (ROW_NUMBER_KEYS.has(full)) return { type: 'ignore' };
  for (const rule of RULES) {
    if (!keys.some((k) => rule.test(k))) continue;
    if (rule.field === null) return null;
    if (!fieldAllowed(kind, rule.field)) continue;
    return { type: 'field', field: rule.field };
  }
  return null;
}

/** A manual mapping's target: a field name, a computed column name, or "" / "ignore" to leave the column alone. */
export function parseMappingTarget(target: string, kind: SheetKind): HeaderRole | null | undefined {
  const t = target.trim();
  if (t === '' || t === 'ignore') return null;
  if ((COMPUTED_COLUMNS as readonly string[]).includes(t)) return { type: 'computed', column: t as ComputedColumn };
  if (fieldAllowed(kind, t as InputField)) return { type: 'field', field: t as InputField };
  return undefined;
}
