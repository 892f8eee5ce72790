/**
 * The placeholders an organisation may put in its own Word template (research/next-capabilities.md DOC-6):
 * «NAM» for a value, «#DANH_SACH» … «/DANH_SACH» around a table row (or paragraphs) repeated for every item of
 * a list. Bình Xét ships no template text: the tờ trình, biên bản and quyết định are the organisation's own.
 */
export interface TextPlaceholder {
  name: string;
  description: string;
}

export interface ListPlaceholder extends TextPlaceholder {
  fields: readonly TextPlaceholder[];
  /** Lists repeated inside each item (a block's rows). */
  lists?: readonly ListPlaceholder[];
}

const text = (name: string, description: string): TextPlaceholder => ({ name, description });

/** Values of the year and of the day the document is made. */
export const DOCX_TEXTS: readonly TextPlaceholder[] = [
  text('NAM', 'Năm xét thi đua, khen thưởng (YYYY)'),
  text('TEN_CO_QUAN', 'Tên cơ quan, đơn vị (như khai trong Bình Xét)'),
  text('TEN_CO_QUAN_IN_HOA', 'Tên cơ quan, đơn vị viết in hoa'),
  text('NGAY_LAP', 'Ngày lập văn bản, dd/mm/yyyy'),
  text('NGAY', 'Ngày lập văn bản: ngày (hai chữ số)'),
  text('THANG', 'Ngày lập văn bản: tháng (hai chữ số)'),
  text('NAM_LAP', 'Ngày lập văn bản: năm'),
  text('TINH_TRANG_NAM', '"đã chốt" hoặc "chưa chốt"'),
  text('LUONG_CO_SO', 'Mức lương cơ sở dùng tính tiền thưởng (đồng)'),
  text('SO_CA_NHAN_DE_NGHI', 'Số lượt cá nhân trong danh sách đề nghị'),
  text('SO_TAP_THE_DE_NGHI', 'Số lượt tập thể trong danh sách đề nghị'),
  text('SO_QUYET_DINH', 'Số các quyết định khen thưởng thành tích năm đó (trong sổ quyết định), cách nhau bởi dấu phẩy'),
  text('TONG_TIEN_THUONG', 'Tổng tiền thưởng của danh sách kèm theo quyết định (đồng)'),
];

/** Values only the user knows, given with --set TEN=giá trị; left as dots when not given. */
export const DOCX_USER_TEXTS: readonly TextPlaceholder[] = [
  text('SO_TO_TRINH', 'Số tờ trình, ví dụ 15/TTr-TCT (--set SO_TO_TRINH=…)'),
  text('NGAY_TO_TRINH', 'Ngày tờ trình (--set NGAY_TO_TRINH=…)'),
  text('DIA_DANH', 'Địa danh ghi trước ngày tháng, ví dụ Sơn La (--set DIA_DANH=…)'),
  text('NGUOI_KY', 'Họ tên người ký (--set NGUOI_KY=…)'),
  text('CHUC_VU_NGUOI_KY', 'Chức vụ người ký (--set CHUC_VU_NGUOI_KY=…)'),
];

const listRowFields: readonly TextPlaceholder[] = [
  text('STT', 'Số thứ tự'),
  text('DOI_TUONG', '"Cá nhân" hoặc "Tập thể"'),
  text('HO_TEN', 'Họ và tên, hoặc tên tập thể'),
  text('GIOI_TINH', 'Giới tính'),
  text('CHUC_VU', 'Chức vụ'),
  text('DON_VI', 'Đơn vị công tác'),
  text('DANH_HIEU', 'Danh hiệu/Hình thức đề nghị'),
  text('THANH_TICH', 'Thành tích chính (các điều kiện đã đạt)'),
  text('GHI_CHU', 'Ghi chú'),
];

/** Lists, each written as «#TÊN» … «/TÊN» around what repeats (a table row, paragraphs). */
export const DOCX_LISTS: readonly ListPlaceholder[] = [
  {
    name: 'DANH_SACH',
    description: 'Danh sách đề nghị khen thưởng (DOC-1), mọi khối liền nhau: tập thể trước, cá nhân sau, danh hiệu cao trước',
    fields: [
      ...listRowFields,
      text('STT_KHOI', 'Số thứ tự trong khối danh hiệu'),
      text('NHOM', '"TẬP THỂ" hoặc "CÁ NHÂN"'),
      text('KHOI', 'Tên khối danh hiệu, ví dụ 1. Danh hiệu "Lao động tiên tiến" (12 cá nhân)'),
    ],
  },
  {
    name: 'KHOI',
    description: 'Danh sách đề nghị theo khối danh hiệu; mỗi khối có danh sách DONG của mình',
    fields: [
      text('SO_NHOM', 'Số La Mã của nhóm (I, II)'),
      text('NHOM', '"TẬP THỂ" hoặc "CÁ NHÂN"'),
      text('TIEU_DE', 'Tên khối danh hiệu'),
      text('TONG', 'Dòng tổng của khối, ví dụ Tổng số: 12 cá nhân'),
    ],
    lists: [{ name: 'DONG', description: 'Các dòng của khối', fields: listRowFields }],
  },
  {
    name: 'BANG_PHIEU',
    description: 'Kết quả biểu quyết của Hội đồng (DOC-2), cho biên bản',
    fields: [
      text('STT', 'Số thứ tự'),
      text('MA_CB', 'Mã CB (trống với tập thể)'),
      text('HO_TEN', 'Họ và tên, hoặc tên tập thể'),
      text('DON_VI', 'Đơn vị'),
      text('DANH_HIEU', 'Danh hiệu biểu quyết'),
      text('SO_THANH_VIEN', 'Số thành viên Hội đồng'),
      text('SO_DU_HOP', 'Số thành viên dự họp'),
      text('SO_DONG_Y', 'Số phiếu đồng ý'),
      text('TY_LE', 'Tỷ lệ đồng ý, ví dụ 88,9%'),
      text('KET_QUA', '"Đạt", "Không đạt", hoặc trống khi danh hiệu không cần biểu quyết'),
      text('GHI_CHU', 'Ghi chú'),
    ],
  },
  {
    name: 'DANH_SACH_KHEN_THUONG',
    description: 'Danh sách kèm theo quyết định (DOC-4): các quyết định trong sổ cho thành tích năm đó, kèm mức thưởng',
    fields: [
      text('STT', 'Số thứ tự'),
      text('HO_TEN', 'Họ và tên, hoặc tên tập thể'),
      text('CHUC_VU_DON_VI', 'Chức vụ, đơn vị'),
      text('DANH_HIEU', 'Danh hiệu/Hình thức'),
      text('MUC_THUONG', 'Mức thưởng (đồng); 0 khi người đó đã nhận mức cao hơn cùng năm, trống khi không có hệ số'),
      text('SO_QUYET_DINH', 'Số quyết định'),
      text('NGAY_QUYET_DINH', 'Ngày quyết định, dd/mm/yyyy'),
      text('GHI_CHU', 'Ghi chú'),
    ],
  },
];

/** "SO_TO_TRINH": what --set accepts as a name. */
export const USER_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;

/** The catalogue, as the command line prints it. */
export function placeholderCatalogue(): string[] {
  const lines = ['Giá trị:'];
  for (const p of DOCX_TEXTS) lines.push(`  «${p.name}»  ${p.description}`);
  lines.push('Giá trị do người dùng ghi (--set TÊN=giá trị; tên khác cũng được, viết hoa không dấu):');
  for (const p of DOCX_USER_TEXTS) lines.push(`  «${p.name}»  ${p.description}`);
  lines.push('Danh sách (đặt «#TÊN» ở đầu và «/TÊN» ở cuối phần lặp lại, ví dụ trong một dòng của bảng):');
  const list = (l: ListPlaceholder, indent: string) => {
    lines.push(`${indent}«#${l.name}» … «/${l.name}»  ${l.description}`);
    for (const f of l.fields) lines.push(`${indent}    «${f.name}»  ${f.description}`);
    for (const inner of l.lists ?? []) list(inner, `${indent}    `);
  };
  for (const l of DOCX_LISTS) list(l, '  ');
  return lines;
}

/** A placeholder as a template uses it: its name, whether it opens a list, and the lists it sits in. */
export interface TemplateTag {
  name: string;
  list: boolean;
  /** The enclosing lists, outermost first. */
  within: readonly string[];
  /** Where it is: "thân văn bản", "đầu trang", "chân trang"… */
  part: string;
}

function findList(path: readonly string[]): ListPlaceholder | null {
  let lists: readonly ListPlaceholder[] = DOCX_LISTS;
  let found: ListPlaceholder | null = null;
  for (const name of path) {
    found = lists.find((l) => l.name === name) ?? null;
    if (!found) return null;
    lists = found.lists ?? [];
  }
  return found;
}

/**
 * Whether a tag names something Bình Xét fills where it stands. A list's fields are known inside it only; a
 * value of the year is known everywhere (inside a list too, as in the template libraries' scopes).
 */
export function isKnownTag(tag: TemplateTag, userNames: ReadonlySet<string>): boolean {
  const outer = tag.within.length === 0 ? null : findList(tag.within);
  if (tag.within.length > 0 && !outer) return true; // the enclosing list is reported already
  if (tag.list) return (outer ? (outer.lists ?? []) : DOCX_LISTS).some((l) => l.name === tag.name);
  if (outer?.fields.some((f) => f.name === tag.name)) return true;
  return DOCX_TEXTS.some((p) => p.name === tag.name) || DOCX_USER_TEXTS.some((p) => p.name === tag.name) || userNames.has(tag.name);
}

/** «HO_TEN» (trong «#DANH_SACH», thân văn bản) chưa có trong danh sách… — with the nearest known name when one is close. */
export function unknownTagMessage(tag: TemplateTag): string {
  const where = [...tag.within.map((l) => `trong «#${l}»`), tag.part].join(', ');
  const shown = tag.list ? `«#${tag.name}»` : `«${tag.name}»`;
  if (tag.name.startsWith('@')) return `${shown} (${where}): Bình Xét không chèn XML thô vào văn bản; viết «${tag.name.slice(1)}» để điền giá trị dạng chữ`;
  const near = nearestName(tag);
  return `${shown} (${where}) không phải chỗ trống Bình Xét biết điền${near ? `; có phải «${tag.list ? '#' : ''}${near}»?` : ''}`;
}

function candidates(tag: TemplateTag): string[] {
  const outer = tag.within.length === 0 ? null : findList(tag.within);
  if (tag.list) return (outer ? (outer.lists ?? []) : DOCX_LISTS).map((l) => l.name);
  return [...(outer?.fields ?? []).map((f) => f.name), ...DOCX_TEXTS.map((p) => p.name), ...DOCX_USER_TEXTS.map((p) => p.name)];
}

function nearestName(tag: TemplateTag): string | null {
  const wanted = tag.name.toUpperCase();
  let best: { name: string; distance: number } | null = null;
  for (const name of candidates(tag)) {
    const distance = editDistance(wanted, name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(wanted.length / 4)) ? best.name : null;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}
