import type { InputField } from '../types.ts';

/**
 * What a header means, as ordered rules (each kind's list is in its spec) over the folded header key ("Số phiếu đồng ý" →
 * "sophieudongy", see `headerKey`). The first rule whose test passes names the field, so the specific come
 * before the generic ("Đang xem xét kỷ luật" before "Kỷ luật"); `field: null` means "known not to be input".
 */
export interface AliasRule {
  field: InputField | null;
  test(key: string): boolean;
}

export const has = (...parts: string[]) => (key: string) => parts.some((p) => key.includes(p));
export const oneOf = (...keys: string[]) => {
  const set = new Set(keys);
  return (key: string) => set.has(key);
};
export const codeWith = (rests: ReadonlySet<string>, ...whole: string[]) => (k: string) =>
  whole.includes(k) || (k.startsWith('ma') && rests.has(k.slice(2)));

const STAFF_CODE_RESTS = new Set([
  'cb', 'canbo', 'so', 'socanbo', 'socb', 'nv', 'nhanvien', 'sonhanvien', 'cc', 'vc', 'ccvc', 'cbcc', 'cbvc',
  'cbccvc', 'congchuc', 'vienchuc', 'dinhdanh', 'nhansu', 'ns',
]);


const UNIT_KEYS = new Set([
  'khoaphong', 'phongkhoa', 'khoaphongban', 'bophan', 'phongban', 'khoa', 'phong', 'tenkhoaphong', 'bophancongtac',
]);

export const rule = (field: InputField | null, test: (key: string) => boolean): AliasRule => ({ field, test });

// Shared by several kinds.
export const staffCode = rule('code', codeWith(STAFF_CODE_RESTS, 'mscb', 'msnv'));
export const personName = rule('name', (k) => has('hovaten', 'hoten')(k) || k === 'ten' || k === 'tencanbo');
export const dutyGroup = rule('dutyGroup', (k) => k.startsWith('nhom'));
export const unit = rule('unit', (k) => (k.includes('donvi') && !k.startsWith('ma')) || UNIT_KEYS.has(k));
export const jobTitle = rule('title', (k) => k.includes('chucvu') || k === 'chucdanh');
export const sex = rule('sex', oneOf('gioitinh', 'gioi', 'namnu', 'phai'));
export const recruitedOn = rule('recruitedOn', has('tuyendung', 'ngayvaocoquan', 'ngayvaonganh'));
export const allTasksDone = rule('allTasksDone', has('hoanthanh100', 'hoanthanhtatca', 'hoanthanhtoanbo', 'hoanthanhdu', '100nhiemvu'));
export const exceededPct = rule('exceededPct', has('vuot'));
export const latePct = rule('latePct', (k) => k === 'cham' || has('chamtiendo', 'nhiemvucham', 'tylecham', 'chamtre', 'quahan')(k));
export const discipline = rule('discipline', has('kyluat'));
export const note = rule('note', has('ghichu'));
/** Who a person's row is about, in this order on the sheets of people. */
export const PERSON_IDENTITY: readonly AliasRule[] = [staffCode, personName, dutyGroup, unit, jobTitle, sex, recruitedOn];
// Comments ("Nhận xét, đánh giá") are not a score even though they say "đánh giá".
export const comments = rule(null, has('nhanxet'));
