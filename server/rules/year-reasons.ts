import { LEVEL_LABELS } from '../contract/levels.ts';
import { formatNumber } from './reasons.ts';

// The Vietnamese sentences of the yearly explanation column (RULES.md §5), one per step that applied.

export const NO_YEAR_SCORE_REASON = 'Chưa có điểm đánh giá tháng nào trong năm';

function monthsText(counted: number, maternity: number): string {
  return maternity > 0 ? `${counted} tháng công tác, trong đó ${maternity} tháng nghỉ thai sản` : `${counted} tháng công tác`;
}

/** Opens every classified year: how the annual score was made. */
export function annualScoreReason(score: number, scoredMonths: number, counted: number, maternity: number): string {
  return `Điểm năm ${formatNumber(score)}: trung bình ${scoredMonths} tháng có điểm, làm tròn 2 chữ số thập phân (${monthsText(counted, maternity)})`;
}

export function unitAnnualScoreReason(score: number, scoredMonths: number): string {
  return `Điểm năm ${formatNumber(score)}: trung bình ${scoredMonths} tháng có điểm, làm tròn 2 chữ số thập phân`;
}

export function tooFewMonthsReason(counted: number, maternity: number, min: number, ruleSetName: string): string {
  return `Chưa đủ ${min} tháng công tác (${monthsText(counted, maternity)}; tối thiểu ${min} tháng theo «${ruleSetName}», NĐ 90 Điều 2): ${LEVEL_LABELS.NONE}`;
}

export function absentCapReason(absent: number, from: number, to: number, ruleSetName: string): string {
  return `Nghỉ ${absent} tháng trong năm (từ ${from} đến ${to} tháng theo «${ruleSetName}», NĐ 90 Điều 2): tối đa ${LEVEL_LABELS.HT}`;
}

export function yearDisciplineReason(discipline: string, month: number | null): string {
  const when = month === null ? 'trong năm (bảng xếp loại năm)' : `tháng ${month}`;
  return `Bị kỷ luật (${discipline}) ${when}: ${LEVEL_LABELS.KHT} cả năm (NĐ 90 Điều 2)`;
}

export function yearMemberDisciplinedReason(): string {
  return `Có thành viên bị kỷ luật trong năm, đơn vị không được xếp xuất sắc: ${LEVEL_LABELS.HTT}`;
}
