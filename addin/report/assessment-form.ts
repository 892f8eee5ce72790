import type { ComputedTask, TaskPerson } from '../../server/contract/task-sheet.ts';
import { GENERAL_PARTS } from '../../server/rules/tasks/general-parts.ts';
import type { CellValue } from '../sheet/types.ts';

/**
 * "Phiếu theo dõi, đánh giá" of one person and month (research §3.3 TASK-5; NĐ 335 Mẫu 01 [R13], the last two
 * score columns from Hải Phòng Phụ lục 03 [S27]): the header fields, the general criteria with their maxima, the
 * task table of the month, the total and level, and the two signature lines. Seven columns whose widths add up
 * to an A4 page in portrait.
 */

export interface FormPerson {
  code: string;
  name: string;
  unit: string;
  /** Chức vụ, chức danh. */
  title: string | null;
  selfScore: number | null;
  /** Điểm trưởng đơn vị: the direct manager's score (research §3.3 TASK-5). */
  headScore: number | null;
  score: number | null;
  label: string | null;
  reasons: readonly string[];
}

export interface AssessmentForm {
  name: string;
  values: CellValue[][];
  headerRows: number[];
  columnWidths: number[];
}

/** Widths in characters: about 92 in all, the printable width of A4 portrait at 100 %. */
export const FORM_WIDTHS = [5, 36, 10, 11, 11, 11, 10];

/** The sheet's name: "Phiếu T10-2026 CB010", within Excel's 31 characters. */
export function formSheetName(period: string, code: string): string {
  return `Phiếu T${period.slice(5, 7)}-${period.slice(0, 4)} ${code}`.slice(0, 31);
}

const GENERAL_TITLES: Record<string, string> = {
  generalI1: 'Phẩm chất chính trị, đạo đức, văn hóa thực thi công vụ',
  generalI2: 'Ý thức tổ chức kỷ luật, kỷ cương',
  generalII1: 'Năng lực chuyên môn, nghiệp vụ',
  generalII2: 'Khả năng đáp ứng nhiệm vụ thường xuyên, đột xuất',
  generalII3: 'Tinh thần trách nhiệm',
  generalII4: 'Thái độ phục vụ, phối hợp với đồng nghiệp',
  generalIII: 'Đổi mới, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm',
};

const date = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');

export function assessmentForm(period: string, person: FormPerson, figures: TaskPerson | null, tasks: readonly ComputedTask[], generalPartIIIMax: number): AssessmentForm {
  const month = `${period.slice(5, 7)}/${period.slice(0, 4)}`;
  const values: CellValue[][] = [
    ['PHIẾU THEO DÕI, ĐÁNH GIÁ'],
    [`Kỳ theo dõi, đánh giá: tháng ${month}`],
    [],
    [null, `Họ và tên: ${person.name} (${person.code})`],
    [null, `Chức vụ, chức danh: ${person.title ?? ''}`],
    [null, `Đơn vị công tác: ${person.unit}`],
    [],
    ['I. KẾT QUẢ THEO DÕI, ĐÁNH GIÁ THEO TIÊU CHÍ CHUNG'],
  ];
  const headerRows = [0, 7];
  headerRows.push(values.length);
  values.push(['TT', 'Tiêu chí chấm điểm', 'Điểm tối đa', 'Điểm do cá nhân tự chấm', 'Điểm người quản lý trực tiếp', 'Điểm cấp có thẩm quyền']);
  values.push(['(1)', '(2)', '(3)', '(4)', '(5)', '(6)']);
  const group = (tt: string, title: string, max: number) => values.push([tt, title, max]);
  group('I', 'Chính trị, tư tưởng, đạo đức, kỷ luật', 10);
  for (const part of GENERAL_PARTS) {
    if (part.field === 'generalII1') group('II', 'Năng lực, trách nhiệm thực thi nhiệm vụ', 10);
    const max = part.max ?? generalPartIIIMax;
    if (part.field === 'generalIII') values.push(['III', GENERAL_TITLES[part.field]!, max]);
    else values.push([part.label.replace('TC ', '').split('.')[1] ?? '', GENERAL_TITLES[part.field]!, max]);
  }
  values.push([null, 'Cộng tiêu chí chung', 20 + generalPartIIIMax, null, null, figures?.general ?? null]);
  values.push([]);

  headerRows.push(values.length);
  values.push(['II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ TRONG THÁNG']);
  headerRows.push(values.length);
  values.push(['TT', 'Tên nhiệm vụ/sản phẩm', 'Hệ số quy đổi', 'SL hoàn thành/giao', 'Hạn/ngày hoàn thành', 'Lỗi CL/TĐ', 'Quy đổi hoàn thành/giao']);
  tasks.forEach((t, i) => {
    const due = date(t.dueOn);
    const done = date(t.doneOn);
    values.push([
      i + 1,
      t.taskRef ? `${t.taskRef} — ${t.taskName}` : t.taskName,
      t.k,
      `${t.h ?? (t.doneOn ? (t.g ?? 1) : 0)}/${t.g ?? 1}`,
      done ? `${due} / ${done}` : due,
      `${t.qFails ?? 0}/${t.dFails ?? 0}`,
      `${t.done}/${t.assigned}`,
    ]);
  });
  if (tasks.length === 0) values.push([null, 'Không có nhiệm vụ nào được ghi trong tháng']);
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${String(v).replace('.', ',')}%`);
  values.push([null, `Số lượng ${pct(figures?.quantityPct)}; chất lượng ${pct(figures?.qualityPct)}; tiến độ ${pct(figures?.progressPct)}`]);
  values.push([null, 'Điểm kết quả thực hiện nhiệm vụ', null, null, null, figures?.resultsUsed ?? null]);
  values.push([]);

  headerRows.push(values.length);
  values.push(['III. TỔNG ĐIỂM VÀ XẾP LOẠI']);
  values.push([null, 'Điểm do cá nhân tự chấm', null, person.selfScore]);
  values.push([null, 'Điểm người quản lý trực tiếp (trưởng đơn vị)', null, null, person.headScore]);
  values.push([null, 'Tổng điểm đánh giá', null, null, null, person.score]);
  values.push([null, `Xếp loại: ${person.label ?? 'chưa xếp loại'}`]);
  for (const reason of person.reasons) values.push([null, `– ${reason}`]);
  values.push([]);
  const signatures = values.length;
  values.push([null, 'NGƯỜI ĐƯỢC ĐÁNH GIÁ', null, null, 'CẤP CÓ THẨM QUYỀN']);
  values.push([null, '(Ký, ghi rõ họ tên)', null, null, '(Ký, ghi rõ họ tên)']);
  headerRows.push(signatures);
  return { name: formSheetName(period, person.code), values, headerRows, columnWidths: FORM_WIDTHS };
}
