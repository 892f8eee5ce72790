import type { ResultsSource, TaskSettings } from '../../contract/task-settings.ts';
import { formatNumber } from '../reasons.ts';
import type { TaskResult } from './types.ts';

// The Vietnamese sentences task results add to the explanation column, one per step; each names the
// setting (RULES.md §10) that decided it.

export const NO_TASKS_ASSIGNED_REASON = 'Chưa có nhiệm vụ được giao trong kỳ — chưa tính điểm kết quả';
export const NO_GENERAL_REASON = 'Chưa có điểm tiêu chí chung — chưa tính được điểm đánh giá';

function deductionText(settings: TaskSettings): string {
  return settings.deductionMode === 'graduated'
    ? 'deductionMode = graduated: trừ 25% mỗi lần chưa đạt hoặc chậm'
    : 'deductionMode = binary: sản phẩm chưa đạt hoặc chậm không được tính';
}

function weightsText(settings: TaskSettings): string {
  const w = settings.taskAxisWeights;
  return `taskAxisWeights ${w.quantity}:${w.quality}:${w.progress}`;
}

export function computedResultsReason(result: TaskResult, settings: TaskSettings): string {
  const axes = `số lượng ${formatNumber(result.quantityPct)}%, chất lượng ${formatNumber(result.qualityPct)}%, tiến độ ${formatNumber(result.progressPct)}%`;
  const leader = result.leader
    ? `; kết quả đơn vị ${formatNumber(result.leader.unitResultsPct)}%, năng lực tổ chức ${formatNumber(result.leader.organisePct)}%, tiêu chí khác ${formatNumber(result.leader.otherPct)}% (leaderAxes, NĐ 335 Điều 15)`
    : '';
  return `Điểm kết quả tính từ nhiệm vụ: ${formatNumber(result.results)}/${settings.resultsMax} (${axes}${leader}; ${weightsText(settings)}; ${deductionText(settings)})`;
}

export function supportRowsReason(rows: number, factor: number): string {
  return factor === 0
    ? `${rows} nhiệm vụ vai trò phối hợp không được tính (supportRoleFactor = 0: chỉ tính người chủ trì)`
    : `${rows} nhiệm vụ vai trò phối hợp được tính ${formatNumber(factor)} so với chủ trì (supportRoleFactor)`;
}

export function excusedReason(tasks: readonly string[]): string {
  return `Không trừ điểm chất lượng, tiến độ do nguyên nhân khách quan đã được xác nhận: ${tasks.join('; ')}`;
}

export function resultsConflictReason(typed: number, computed: number, source: ResultsSource): string {
  const used = source === 'typed-wins' ? 'dùng điểm nhập tay' : 'dùng điểm tính từ nhiệm vụ';
  return `Điểm kết quả nhập tay ${formatNumber(typed)}; tính từ nhiệm vụ ${formatNumber(computed)}: ${used} (resultsSource = ${source})`;
}

export function scoreSumReason(general: number, results: number, score: number): string {
  return `Điểm đánh giá = tiêu chí chung ${formatNumber(general)} + kết quả ${formatNumber(results)} = ${formatNumber(score)}`;
}

export function typedScoreKeptReason(typed: number, general: number, results: number, sum: number): string {
  return `Điểm đánh giá nhập tay ${formatNumber(typed)} được giữ; tiêu chí chung ${formatNumber(general)} + kết quả tính từ nhiệm vụ ${formatNumber(results)} = ${formatNumber(sum)}`;
}

export function gatesFromTasksReason(gates: { allTasksDone?: boolean; latePct?: number; exceededPct?: number }): string {
  const parts: string[] = [];
  if (gates.allTasksDone !== undefined) parts.push(`hoàn thành 100% nhiệm vụ: ${gates.allTasksDone ? 'có' : 'không'}`);
  if (gates.latePct !== undefined) parts.push(`tỷ lệ chậm tiến độ ${formatNumber(gates.latePct)}%`);
  if (gates.exceededPct !== undefined) parts.push(`tỷ lệ vượt mức ${formatNumber(gates.exceededPct)}%`);
  return `Từ bảng nhiệm vụ: ${parts.join('; ')}`;
}

export function unitResultsReason(pct: 100 | 50, below: number, rated: number): string {
  return pct === 100
    ? `Kết quả đơn vị 100%: cả ${rated} người do lãnh đạo quản lý đạt Hoàn thành nhiệm vụ trở lên (leaderScope)`
    : `Kết quả đơn vị 50%: ${below}/${rated} người do lãnh đạo quản lý dưới mức Hoàn thành nhiệm vụ (leaderScope)`;
}

export const NO_MANAGED_RATED_REASON = 'Chưa có người nào do lãnh đạo quản lý được xếp loại — chưa tính kết quả đơn vị (leaderScope)';

export function organiseDefaultReason(pct: number): string {
  return `Năng lực tổ chức chưa nhập: lấy ${formatNumber(pct)}% (leaderOrganiseDefault)`;
}

export const LEADER_AXIS_MISSING_REASON =
  'Lãnh đạo chưa có đủ điểm các tiêu chí năng lực tổ chức và tiêu chí khác — chưa tính điểm kết quả (leaderAxes)';

export function selfGapReason(gap: number): string {
  return `Điểm tự chấm lệch ${formatNumber(gap)} điểm so với điểm đánh giá (selfGapWarn)`;
}

export const SHARED_LEAD_WARNING = 'Hai người chủ trì cùng nhiệm vụ';
