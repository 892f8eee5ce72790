import type { DossierSettings } from '../../contract/dossier-settings.ts';
import type { TitleProposal } from '../year-types.ts';
import { VOTE_SOURCE_NOTE, voteOutcome, voteThreshold, type VoteInput } from './vote-rule.ts';

/** A proposal with where it stands with the council's vote. */
export interface VotedProposal<T extends string = string> extends TitleProposal<T> {
  /** none: no vote needed; pending: needed and not recorded yet (or not computable); passed; failed. */
  vote: 'none' | 'pending' | 'passed' | 'failed';
  warnings: string[];
}

/**
 * RULES.md §6 as clarified: a title needing a vote (one with a threshold in `voteThresholds`) and lacking it
 * stays proposed, pending the vote: still eligible, marked `pending`, and left off the list sent with the tờ
 * trình until the vote is recorded (DOC-1). A recorded vote that fails makes the title not eligible. A vote on
 * a title that needs none is shown and changes nothing.
 */
export function applyVote<T extends string>(
  proposal: TitleProposal<T>,
  vote: VoteInput | null | undefined,
  settings: Pick<DossierSettings, 'voteThresholds' | 'voteDenominator' | 'voteQuorumPct'>,
  ruleSetName: string,
): VotedProposal<T> {
  const threshold = voteThreshold(proposal.title, settings);
  if (!vote) {
    if (threshold === null) return { ...proposal, vote: 'none', warnings: [] };
    const reason =
      `Chưa có kết quả biểu quyết của Hội đồng (cần ≥ ${threshold}%, voteThresholds «${ruleSetName}»; ${VOTE_SOURCE_NOTE}): ` +
      'danh hiệu vẫn ở trạng thái đề nghị, chờ Hội đồng biểu quyết';
    return { ...proposal, reasons: [...proposal.reasons, reason], vote: 'pending', warnings: [] };
  }
  const outcome = voteOutcome(proposal.title, vote, settings, ruleSetName);
  const reasons = [...proposal.reasons, ...outcome.reasons];
  if (!outcome.required) return { ...proposal, reasons, vote: 'none', warnings: outcome.warnings };
  if (outcome.passed === null) return { ...proposal, reasons, vote: 'pending', warnings: outcome.warnings };
  return {
    ...proposal,
    eligible: proposal.eligible && outcome.passed,
    reasons,
    vote: outcome.passed ? 'passed' : 'failed',
    warnings: outcome.warnings,
  };
}
