import { decisionRequestSchema, type DecisionRequest } from '../../server/contract/council.ts';
import type { BinhXetClient } from '../api/client.ts';
import type { TieRun } from '../report/tie-runs.ts';
import { checkPeriod } from './summary.ts';

/**
 * The council's decisions from the pane: checked against the contract before they are sent, so a missing reason
 * is named in the pane without a round trip; the service checks again (quota, finalised month, role).
 */
export async function decideMonth(client: BinhXetClient, period: string, request: DecisionRequest): Promise<void> {
  const parsed = decisionRequestSchema.safeParse(request);
  if (!parsed.success) throw new RangeError(parsed.error.issues[0]?.message ?? 'Quyết định không hợp lệ');
  await client.decide(checkPeriod(period), parsed.data);
}

/** Awards HTXS to members of a tie run, refusing locally what the quota cannot take. */
export async function awardTie(client: BinhXetClient, period: string, run: TieRun, codes: readonly string[], reason: string): Promise<void> {
  const members = new Set(run.members.map((m) => m.code));
  const chosen = [...new Set(codes)].filter((code) => members.has(code));
  if (chosen.length === 0) throw new RangeError('Hãy chọn ít nhất một người trong nhóm đồng điểm');
  if (chosen.length > run.left) {
    throw new RangeError(`Nhóm "${run.group}" chỉ còn ${run.left} suất HTXS; đã chọn ${chosen.length} người`);
  }
  await decideMonth(client, period, { kind: 'award', subject: 'person', keys: chosen, reason });
}

/** Chốt tháng: the pane asks a reason for every finalisation, though the service takes one without. */
export function finaliseMonth(client: BinhXetClient, period: string, reason: string): Promise<void> {
  if (reason.trim().length < 3) return Promise.reject(new RangeError('Cần ghi lý do (ít nhất 3 ký tự)'));
  return decideMonth(client, period, { kind: 'finalise', reason });
}

export function reopenMonth(client: BinhXetClient, period: string, reason: string): Promise<void> {
  return decideMonth(client, period, { kind: 'reopen', reason });
}
