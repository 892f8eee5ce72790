import type { TaskQuarter } from '../../server/contract/task-sheet.ts';
import type { CellValue } from '../sheet/types.ts';

/** The quarter's report sheet: "Nhiệm vụ Q4-2026". */
export function quarterSheetName(quarter: string): string {
  return `Nhiệm vụ Q${quarter.slice(6)}-${quarter.slice(0, 4)}`;
}

export const QUARTER_HEADER = [
  'Mã CB', 'Họ và tên', 'Đơn vị', 'Số lượng (%)', 'Chất lượng (%)', 'Tiến độ (%)', 'Điểm kết quả tính từ nhiệm vụ',
  'Điểm kết quả dùng', 'Điểm đánh giá', 'Xếp loại quý', 'Giải thích',
] as const;

/**
 * The quarter as a sheet (RULES.md §10, quarterly mode): a title, the months it sums, then one row per person
 * with the three axes of the summed months, the results, the score and the level, and every reason.
 */
export function taskQuarterSheet(quarter: TaskQuarter): { values: CellValue[][]; headerRows: number[] } {
  const [, n] = quarter.quarter.split('-Q');
  const months = quarter.months.map((m) => `${m.slice(5)}/${m.slice(0, 4)}`).join(', ');
  const values: CellValue[][] = [
    [`KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ ${n}/${quarter.quarter.slice(0, 4)}`],
    [`Cộng các tháng ${months} rồi mới tính (NĐ 335 Điều 14 k1); xếp loại theo bảng đánh giá tháng ${quarter.months[2]!.slice(5)}/${quarter.months[2]!.slice(0, 4)}`],
    [...QUARTER_HEADER],
  ];
  for (const p of quarter.people) {
    values.push([
      p.code, p.name, p.unit, p.quantityPct, p.qualityPct, p.progressPct, p.results, p.resultsUsed, p.score, p.label ?? '', p.reasons.join('; '),
    ]);
  }
  return { values, headerRows: [0, 2] };
}
