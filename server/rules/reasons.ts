import { LEVEL_LABELS } from '../contract/levels.ts';
import type { Band } from './bands.ts';
import { WHOLE_ORG_LABEL } from './quota-groups.ts';

// The Vietnamese sentences of the explanation column, one per step that changed a level.

export const NO_SCORE_REASON = 'Chưa có điểm đánh giá';
export const TIE_AT_QUOTA_REASON = 'Đồng điểm tại ngưỡng tỷ lệ — Hội đồng quyết định';

/** Vietnamese decimal comma: 89.9 → "89,9". */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100).replace('.', ',');
}

const OP_TEXT = { '>=': '≥', '>': '>' } as const;
const BELOW_TEXT = { '>=': '<', '>': '≤' } as const;

export function bandReason(score: number, band: Band | null, lowest: Band | undefined, ruleSetName: string): string {
  const setting = `khung điểm «${ruleSetName}»`;
  if (band) {
    return `Điểm ${formatNumber(score)} (${OP_TEXT[band.op]} ${formatNumber(band.value)}, ${setting}): ${LEVEL_LABELS[band.level]}`;
  }
  const below = lowest ? `${BELOW_TEXT[lowest.op]} ${formatNumber(lowest.value)}, ` : '';
  return `Điểm ${formatNumber(score)} (${below}${setting}): ${LEVEL_LABELS.KHT}`;
}

export function htxsGateReason(
  tasksNotDone: boolean,
  exceeded: { pct: number; min: number } | null,
  ruleSetName: string,
): string {
  const why: string[] = [];
  if (tasksNotDone) why.push('chưa hoàn thành 100% nhiệm vụ');
  if (exceeded) {
    why.push(
      `tỷ lệ nhiệm vụ vượt mức ${formatNumber(exceeded.pct)}% < ${formatNumber(exceeded.min)}% (mức tối thiểu của «${ruleSetName}»)`,
    );
  }
  return `Chưa đủ điều kiện xuất sắc (${why.join('; ')}): ${LEVEL_LABELS.HTT}`;
}

export function httGateReason(): string {
  return `Chưa hoàn thành 100% nhiệm vụ: ${LEVEL_LABELS.HT}`;
}

export function lateGateReason(latePct: number, max: number, ruleSetName: string): string {
  return `Tỷ lệ nhiệm vụ chậm tiến độ ${formatNumber(latePct)}% > ${formatNumber(max)}% (mức tối đa của «${ruleSetName}»): ${LEVEL_LABELS.KHT}`;
}

export function memberDisciplinedReason(): string {
  return `Có thành viên bị kỷ luật trong tháng, đơn vị không được xếp xuất sắc: ${LEVEL_LABELS.HTT}`;
}

export function disciplineReason(discipline: string): string {
  return `Bị kỷ luật (${discipline}) trong tháng: ${LEVEL_LABELS.KHT}`;
}

/** Who a quota group is, in a sentence: "nhóm Lãnh đạo", or the whole organisation. */
function groupText(group: string): string {
  return group === WHOLE_ORG_LABEL ? 'toàn cơ quan' : `nhóm ${group}`;
}

/** The walk's cut (RULES.md §3), ending with the level it leaves and why, in words a rater reads. */
export function overQuotaReason(group: string, allowed: number, candidates: number, noun: string): string {
  return (
    `Vượt tỷ lệ HTXS (${allowed}/${candidates}) → ${LEVEL_LABELS.HTT}: ${groupText(group)} chỉ được ${allowed} HTXS ` +
    `trên ${candidates} ${noun}, ${noun} có điểm cao hơn được xếp trước`
  );
}

/** A tie run the limit falls inside: nobody of it keeps HTXS until the council decides (RULES.md §3, §7). */
export function tieAtQuotaReason(group: string, left: number, runSize: number, noun: string): string {
  return (
    `${TIE_AT_QUOTA_REASON} → ${LEVEL_LABELS.HTT} cho đến khi Hội đồng xét: ${groupText(group)} còn ${left} suất HTXS ` +
    `cho ${runSize} ${noun} cùng điểm`
  );
}

export function raisedRateReason(rate: number, reason: string): string {
  return `Tỷ lệ HTXS nâng lên ${rate}%: ${reason}`;
}

export function awardReason(reason: string): string {
  return `Hội đồng quyết định xếp HTXS: ${reason} → ${LEVEL_LABELS.HTXS}`;
}

export function awardOverQuotaReason(allowed: number, candidates: number): string {
  return `Quyết định xếp HTXS của Hội đồng không được áp dụng: nhóm đã đủ tỷ lệ HTXS (${allowed}/${candidates}) → ${LEVEL_LABELS.HTT}`;
}

export function awardNotCutReason(): string {
  return 'Quyết định xếp HTXS của Hội đồng không được áp dụng: chỉ xét người bị loại khỏi HTXS do tỷ lệ';
}
