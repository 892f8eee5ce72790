import type { InputField } from './types.ts';

/**
 * What a header means, by kind of sheet, as ordered rules over the folded header key ("Số phiếu đồng ý" →
 * "sophieudongy", see `headerKey`). The first rule whose test passes names the field, so the specific come
 * before the generic ("Đang xem xét kỷ luật" before "Kỷ luật"); `field: null` means "known not to be input".
 */
export interface AliasRule {
  field: InputField | null;
  test(key: string): boolean;
}

const has = (...parts: string[]) => (key: string) => parts.some((p) => key.includes(p));
const oneOf = (...keys: string[]) => {
  const set = new Set(keys);
  return (key: string) => set.has(key);
};
const codeWith = (rests: ReadonlySet<string>, ...whole: string[]) => (k: string) =>
  whole.includes(k) || (k.startsWith('ma') && rests.has(k.slice(2)));

const STAFF_CODE_RESTS = new Set([
  'cb', 'canbo', 'so', 'socanbo', 'socb', 'nv', 'nhanvien', 'sonhanvien', 'cc', 'vc', 'ccvc', 'cbcc', 'cbvc',
  'cbccvc', 'congchuc', 'vienchuc', 'dinhdanh', 'nhansu', 'ns',
]);

const STUDENT_CODE_RESTS = new Set(['hv', 'hocvien', 'sohocvien', 'sohv', 'sv', 'sinhvien', 'so', 'dinhdanh']);

const UNIT_KEYS = new Set([
  'khoaphong', 'phongkhoa', 'khoaphongban', 'bophan', 'phongban', 'khoa', 'phong', 'tenkhoaphong', 'bophancongtac',
]);

const rule = (field: InputField | null, test: (key: string) => boolean): AliasRule => ({ field, test });

// Shared by several kinds.
const staffCode = rule('code', codeWith(STAFF_CODE_RESTS, 'mscb', 'msnv'));
const personName = rule('name', (k) => has('hovaten', 'hoten')(k) || k === 'ten' || k === 'tencanbo');
const dutyGroup = rule('dutyGroup', (k) => k.startsWith('nhom'));
const unit = rule('unit', (k) => (k.includes('donvi') && !k.startsWith('ma')) || UNIT_KEYS.has(k));
const jobTitle = rule('title', (k) => k.includes('chucvu') || k === 'chucdanh');
const sex = rule('sex', oneOf('gioitinh', 'gioi', 'namnu', 'phai'));
const recruitedOn = rule('recruitedOn', has('tuyendung', 'ngayvaocoquan', 'ngayvaonganh'));
const allTasksDone = rule('allTasksDone', has('hoanthanh100', 'hoanthanhtatca', 'hoanthanhtoanbo', 'hoanthanhdu', '100nhiemvu'));
const exceededPct = rule('exceededPct', has('vuot'));
const latePct = rule('latePct', (k) => k === 'cham' || has('chamtiendo', 'nhiemvucham', 'tylecham', 'chamtre', 'quahan')(k));
const discipline = rule('discipline', has('kyluat'));
const note = rule('note', has('ghichu'));
// Comments ("Nhận xét, đánh giá") are not a score even though they say "đánh giá".
const comments = rule(null, has('nhanxet'));

/** Monthly sheets of people and of units: the unit sheet reads the subset its contract has. */
export const MONTH_ALIASES: readonly AliasRule[] = [
  rule('selfScore', (k) => has('tucham', 'tudanhgia')(k) || (k.includes('canhan') && has('diem', 'cham')(k))),
  rule('general', has('tieuchichung')),
  // A leader's axes of NĐ 335 Điều 15 (RULES.md §10, leaderAxes).
  rule('leaderOrganisePct', has('nangluctochuc')),
  rule('leaderOtherPct', (k) => has('tieuchikhac')(k) && has('lanhdao')(k)),
  rule('results', has('ketquathuchien', 'thuchiennhiemvu', 'ketquanhiemvu')),
  allTasksDone,
  exceededPct,
  latePct,
  discipline,
  note,
  rule('period', oneOf('thang', 'thangnam', 'thangdanhgia', 'kydanhgia')),
  staffCode,
  personName,
  dutyGroup,
  unit,
  jobTitle,
  sex,
  recruitedOn,
  rule('leave', (k) => k.startsWith('nghi') || k.includes('thaisan')),
  comments,
  rule('score', has('diem', 'danhgia', 'hoidong', 'thutruong', 'thamquyen')),
];

/** The yearly sheet: who, the year's gates, discipline and pending case, the council's vote, earlier titles. */
export const YEAR_ALIASES: readonly AliasRule[] = [
  rule('pendingDisciplineCase', has('xemxet', 'dangxuly', 'chokyluat')),
  allTasksDone,
  exceededPct,
  latePct,
  discipline,
  rule('voteAgree', has('dongy', 'tanthanh', 'phieuthuan')),
  rule('voteTotal', has('phieu', 'thanhvien')),
  rule('priorTitles', has('danhhieu', 'namtruoc')),
  note,
  staffCode,
  personName,
  dutyGroup,
  unit,
  jobTitle,
  sex,
  recruitedOn,
  comments,
];

/** The initiatives sheet: whose (code, or name and unit), which kind, its title, level and date. */
export const INITIATIVE_ALIASES: readonly AliasRule[] = [
  note,
  staffCode,
  // "Mã sáng kiến" is a register number, not the initiative's title.
  rule(null, (k) => k.startsWith('ma') && has('sangkien', 'detai')(k)),
  rule('name', (k) => has('hovaten', 'hoten', 'tacgia', 'chunhiem')(k) || k === 'tencanbo'),
  rule('kind', (k) => k.startsWith('loai') || has('phanloai', 'hinhthuc')(k)),
  rule('level', (k) => k.startsWith('cap')),
  rule('recognisedOn', (k) => k.startsWith('ngay') || has('thoigiancongnhan', 'namcongnhan')(k)),
  rule('title', has('sangkien', 'detai', 'noidung', 'congtrinh', 'giaiphap')),
  unit,
];

/**
 * The tasks sheet of a month (research §3.3 TASK-1): whose, the task (Mã nhiệm vụ or Số, ký hiệu; Tên or
 * Trích yếu), its quantities, dates, failed checks and delays, and an objective cause with who confirmed it.
 */
export const TASK_ALIASES: readonly AliasRule[] = [
  note,
  rule('confirmedBy', has('nguoixacnhan', 'xacnhan')),
  rule('objective', has('khachquan')),
  rule('qFails', has('chatluong', 'loicl')),
  rule('dFails', has('chamtiendo', 'loitd')),
  rule('exceeded', (k) => k === 'vuot' || has('vuotmuc')(k)),
  rule('doneOn', has('ngayhoanthanh', 'ngayxulyxong', 'ngayxong')),
  rule('dueOn', (k) => k.startsWith('han') || has('thoihan')(k)),
  rule('g', has('soluonggiao', 'slgiao')),
  rule('h', has('soluonghoanthanh', 'slhoanthanh', 'soluongdat')),
  rule('k', has('heso')),
  rule('source', has('nguongiao')),
  rule('role', has('vaitro')),
  rule('taskRef', (k) => has('manhiemvu', 'sokyhieu', 'masanpham')(k)),
  rule('taskName', has('tennhiemvu', 'trichyeu', 'noidungcongviec', 'tensanpham', 'nhiemvu', 'sanpham', 'congviec')),
  rule('period', oneOf('thang', 'thangnam', 'thangdanhgia', 'kydanhgia')),
  staffCode,
  personName,
  unit,
  comments,
];

/** A class sheet: the class, the student (Mã HV or name), the average, conduct and discipline. */
export const STUDENT_ALIASES: readonly AliasRule[] = [
  note,
  discipline,
  rule('class', oneOf('lop', 'tenlop', 'lophoc', 'malop')),
  rule('code', codeWith(STUDENT_CODE_RESTS, 'mshv', 'mssv')),
  rule('name', (k) => has('hovaten', 'hoten')(k) || k === 'ten' || k === 'tenhocvien'),
  rule('conduct', has('renluyen', 'hanhkiem')),
  comments,
  rule('gpa', has('diem', 'dtb', 'trungbinh', 'tongket')),
];
