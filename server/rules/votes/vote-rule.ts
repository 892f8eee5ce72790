import type { DossierSettings, VoteDenominator, VotedTitle } from '../../contract/dossier-settings.ts';
import { formatNumber } from '../reasons.ts';
import { divideHalfUp } from '../year-score.ts';

/** One council vote on one holder's title (the sheet "Kết quả bình xét", DOC-2). */
export interface VoteInput {
  /** Số thành viên Hội đồng, N ≥ 1. */
  members: number;
  /** Số thành viên dự họp; null when not recorded. */
  present: number | null;
  /** Số phiếu đồng ý, 0 ≤ A ≤ N. */
  agree: number;
  /** Staff of the collective voted on, for `voteDenominator = staff-of-unit` (from the roster); null when unknown. */
  unitStaff?: number | null;
}

export interface VoteOutcome {
  /** Whether the rule set asks a vote for this title. */
  required: boolean;
  threshold: number | null;
  denominator: number | null;
  /** Agreeing share in per cent, half up to one decimal (Tỷ lệ đồng ý); null without a denominator. */
  agreePct: number | null;
  /** Kết quả: true Đạt, false Không đạt; null when the title needs no vote or the denominator is missing. */
  passed: boolean | null;
  reasons: string[];
  /** Never a refusal: the quorum is a provincial rule. */
  warnings: string[];
}

export const VOTE_SOURCE_NOTE =
  'nguồn: NĐ 98/2023 Điều 30 khoản 7, đã hết hiệu lực từ 01/7/2025; quy định tương ứng của NĐ 152/2025 chưa xác nhận';

const DENOMINATOR_TEXT: Record<VoteDenominator, string> = {
  'council-members': 'tổng số thành viên Hội đồng',
  present: 'số thành viên dự họp',
  'staff-of-unit': 'số cán bộ của tập thể',
};

export function voteThreshold(title: string, settings: Pick<DossierSettings, 'voteThresholds'>): number | null {
  return settings.voteThresholds[title as VotedTitle] ?? null;
}

function denominatorOf(vote: VoteInput, mode: VoteDenominator): number | null {
  if (mode === 'council-members') return vote.members;
  if (mode === 'present') return vote.present;
  return vote.unitStaff ?? null;
}

/**
 * DOC-2: a vote passes iff 100 × A ≥ threshold(title) × denominator, in whole numbers. The threshold comes
 * from `voteThresholds` (a title absent there needs no vote) and the denominator from `voteDenominator`. The
 * explanation names both settings and says that their source was repealed. A quorum below `voteQuorumPct`
 * of the council is a warning only.
 */
export function voteOutcome(
  title: string,
  vote: VoteInput,
  settings: Pick<DossierSettings, 'voteThresholds' | 'voteDenominator' | 'voteQuorumPct'>,
  ruleSetName: string,
): VoteOutcome {
  const { members, present, agree } = vote;
  if (!Number.isInteger(members) || members < 1 || !Number.isInteger(agree) || agree < 0 || agree > members) {
    throw new RangeError(`a council vote needs 0 ≤ agree ≤ members and members ≥ 1, got ${agree}/${members}`);
  }
  if (present !== null && (!Number.isInteger(present) || present < 0 || present > members)) {
    throw new RangeError(`members present must be 0…${members}, got ${present}`);
  }
  const threshold = voteThreshold(title, settings);
  const mode = settings.voteDenominator;
  const denominator = denominatorOf(vote, mode);
  const agreePct = denominator === null || denominator < 1 ? null : divideHalfUp(1000 * agree, denominator) / 10;
  const warnings: string[] = [];
  const quorum = settings.voteQuorumPct;
  if (quorum !== null && present !== null && 100 * present < quorum * members) {
    warnings.push(
      `Phiên họp xét khen thưởng cần ít nhất ${quorum}% thành viên dự (có ${present}/${members}; quy định tỉnh Bắc Ninh, ` +
        'voteQuorumPct; kiểm tra quy định của tỉnh)',
    );
  }
  const tally = `${agree}/${denominator ?? '?'} phiếu đồng ý${agreePct === null ? '' : ` (${formatNumber(agreePct)}%)`}`;
  if (threshold === null) {
    const reason = `Hội đồng biểu quyết ${tally}; danh hiệu này không cần biểu quyết theo voteThresholds «${ruleSetName}»`;
    return { required: false, threshold, denominator, agreePct, passed: null, reasons: [reason], warnings };
  }
  const rule = `cần ≥ ${threshold}% ${DENOMINATOR_TEXT[mode]} (voteThresholds, voteDenominator = ${mode}, «${ruleSetName}»; ${VOTE_SOURCE_NOTE})`;
  if (denominator === null || denominator < 1) {
    const reason = `Chưa tính được kết quả biểu quyết: thiếu ${DENOMINATOR_TEXT[mode]} (${rule})`;
    return { required: true, threshold, denominator, agreePct, passed: null, reasons: [reason], warnings };
  }
  const passed = 100 * agree >= threshold * denominator;
  const reason = `${passed ? 'Đạt' : 'Không đạt'}: Hội đồng biểu quyết ${tally}, ${rule}`;
  return { required: true, threshold, denominator, agreePct, passed, reasons: [reason], warnings };
}
