import { DOSSIER_TITLE_SHORT } from '../contract/dossier-titles.ts';
import type { VoteSheet, VoteSheetState } from '../contract/dossier-sheets.ts';
import { VOTE_FIELD_LABELS, voteHolder, voteRowSchema, type VoteRow } from '../contract/vote-row.ts';
import { periodState } from '../council/period-repository.ts';
import type { Db } from '../db/database.ts';
import type { PushKind } from '../push/push-pipeline.ts';
import { loadRuleSet } from '../rule-set/rule-sets.ts';
import { voteOutcome } from '../rules/votes/vote-rule.ts';
import { COUNCIL_VOTE, loadVotes, type CouncilVoteKey, type CouncilVoteRecord } from './council-vote-repository.ts';
import { resolveHolders, screenHolderRows, type HolderCandidate } from './dossier-holders.ts';

const duplicate = (row: VoteRow, where?: string) => ({
  field: 'title',
  message: `Biểu quyết ${DOSSIER_TITLE_SHORT[row.title!]} của cùng một ${voteHolder({ ...row, title: row.title! }) === 'unit' ? 'tập thể' : 'người'} ` +
    (where ? `đã có ở ${where}` : 'xuất hiện nhiều lần trong lần gửi này'),
});

/** The vote sheet of a year: each stored vote with Tỷ lệ đồng ý and Kết quả under the rule set now in force. */
export async function voteSheet(db: Db, orgId: number, year: string): Promise<VoteSheet> {
  const [rows, state, { version, ruleSet }] = await Promise.all([loadVotes(db, orgId, year), periodState(db, orgId, year), loadRuleSet(db, orgId)]);
  return {
    year,
    finalised: state.finalised,
    ruleSetVersion: version,
    rows: rows.map(({ unitStaff, ...v }) => {
      const outcome = voteOutcome(v.title, { members: v.members, present: v.present, agree: v.agree, unitStaff }, ruleSet.dossier, ruleSet.name);
      return { ...v, agreePct: outcome.agreePct, passed: outcome.passed, reasons: outcome.reasons, warnings: outcome.warnings };
    }),
  };
}

export async function voteSheetState(db: Db, orgId: number, year: string): Promise<VoteSheetState> {
  const [state, { version }] = await Promise.all([periodState(db, orgId, year), loadRuleSet(db, orgId)]);
  return { year, finalised: state.finalised, ruleSetVersion: version };
}

/**
 * "Kết quả bình xét <YYYY>" (DOC-2): the council's vote on each holder's title, written by the council or an
 * admin, one row per holder and title, refused when the year is finalised. A person is found as on the other
 * sheets (never created), a collective by its unit's name.
 */
export const votePush: PushKind<string, HolderCandidate<VoteRow>, CouncilVoteKey, CouncilVoteRecord, VoteSheet, VoteSheetState> = {
  name: 'vote',
  table: COUNCIL_VOTE,
  scope: (year) => year,
  screen: (caller, _year, rows) =>
    screenHolderRows(caller, rows, voteRowSchema, {
      holderOf: (row) => voteHolder({ ...row, title: row.title! }),
      rowKey: (row) => row.title!,
      duplicateMessage: (row) => duplicate(row),
    }),
  prepare: async (db, caller, _year, candidates, results, pushKey) => {
    const found = await resolveHolders(db, caller, candidates, results, pushKey, (row) => row.title!, duplicate);
    return found.map((c) => ({
      candidate: c,
      write: {
        keys: { holder: c.holder, holderId: c.holderId!, title: c.row.title! },
        label: `${c.holderKey}: ${VOTE_FIELD_LABELS.title} ${DOSSIER_TITLE_SHORT[c.row.title!]}`,
        resultKey: c.holderKey!,
        record: { members: c.row.members!, present: c.row.present ?? null, agree: c.row.agree!, note: c.row.note ?? null },
        baseVersion: c.row.baseVersion ?? null,
      },
    }));
  },
  representation: voteSheet,
  minimal: voteSheetState,
};
