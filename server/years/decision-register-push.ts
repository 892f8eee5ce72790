import { DECISION_FIELD_LABELS, decisionHolder, decisionRowSchema, type DecisionRow } from '../contract/decision-row.ts';
import { DOSSIER_TITLE_SHORT } from '../contract/dossier-titles.ts';
import type { DecisionSheet, DecisionSheetState } from '../contract/dossier-sheets.ts';
import { periodState } from '../council/period-repository.ts';
import { matchKey } from '../contract/text.ts';
import { yearProposals } from './titles-proposals.ts';
import type { Db } from '../db/database.ts';
import type { PushKind } from '../push/push-pipeline.ts';
import { decisionWarnings } from '../rules/dossier/decided-history.ts';
import { DECISION_REGISTER, loadRegister, type StoredRegisterRow, type DecisionRegisterKey, type DecisionRegisterRecord } from './decision-register-repository.ts';
import { resolveHolders, screenHolderRows, type HolderCandidate } from './dossier-holders.ts';

const rowKey = (row: DecisionRow) => `${row.title}\u0000${row.achievementYear}`;
const duplicate = (row: DecisionRow, where?: string) => ({
  field: 'title',
  message: `${DOSSIER_TITLE_SHORT[row.title!]} năm thành tích ${row.achievementYear} của cùng một ${decisionHolder(row) === 'unit' ? 'tập thể' : 'người'} ` +
    (where ? `đã có ở ${where}` : 'xuất hiện nhiều lần trong lần gửi này'),
});

type Proposals = Awaited<ReturnType<typeof yearProposals>>;

/** The holder's proposal of this title in its achievement year's proposals; null when that year holds no data on them. */
function proposalOf(proposals: Proposals, r: StoredRegisterRow): { eligible: boolean; reasons: string[] } | null {
  const holder =
    r.holder === 'person'
      ? proposals.people.find((p) => p.code === r.code)
      : proposals.units.find((u) => r.unit !== null && matchKey(u.unit) === matchKey(r.unit));
  const t = holder?.proposals.find((p) => p.title === r.title);
  if (!t) return null;
  return t.withdrawn ? { eligible: false, reasons: [...t.reasons, `Không đạt: Hội đồng đã rút khỏi danh sách đề nghị (${t.withdrawn.reason})`] } : t;
}

/**
 * The register of a year with each decision's warnings (DOC-5, DOC-8.5): «Năm chưa chốt» while its year is open,
 * and «Quyết định khác kết quả xét của Bình Xét» with the failing conditions when that year's proposals find the
 * title Chưa đủ. The decision is never overridden.
 */
export async function decisionSheet(db: Db, orgId: number, year: string): Promise<DecisionSheet> {
  const [rows, state] = await Promise.all([loadRegister(db, orgId, year), periodState(db, orgId, year)]);
  const years = [...new Set(rows.map((r) => r.achievementYear))];
  const computed = new Map(await Promise.all(years.map(async (y) => [y, await yearProposals(db, orgId, String(y))] as const)));
  return {
    year,
    finalised: state.finalised,
    rows: rows.map((r) => {
      const proposals = computed.get(r.achievementYear)!;
      const proposal = proposalOf(proposals, r);
      return { ...r, warnings: decisionWarnings(proposals.finalised, proposal), differsFromProposal: proposal !== null && !proposal.eligible };
    }),
  };
}

export async function decisionSheetState(db: Db, orgId: number, year: string): Promise<DecisionSheetState> {
  return { year, finalised: (await periodState(db, orgId, year)).finalised };
}

/**
 * "Quyết định khen thưởng <YYYY>" (DOC-5): the awarded titles, keyed by holder, title and Năm thành tích,
 * written by the council or an admin, refused when the sheet's year is finalised. Later years look back on
 * these instead of the typed "Danh hiệu các năm trước" (titles-history.ts).
 */
export const decisionRegisterPush: PushKind<string, HolderCandidate<DecisionRow>, DecisionRegisterKey, DecisionRegisterRecord, DecisionSheet, DecisionSheetState> = {
  name: 'decision-register',
  table: DECISION_REGISTER,
  scope: (year) => year,
  screen: (caller, _year, rows) =>
    screenHolderRows(caller, rows, decisionRowSchema, { holderOf: decisionHolder, rowKey, duplicateMessage: (row) => duplicate(row) }),
  prepare: async (db, caller, _year, candidates, results, pushKey) => {
    const found = await resolveHolders(db, caller, candidates, results, pushKey, rowKey, duplicate);
    return found.map((c) => ({
      candidate: c,
      write: {
        keys: { holder: c.holder, holderId: c.holderId!, title: c.row.title!, achievementYear: c.row.achievementYear! },
        label: `${c.holderKey}: ${DECISION_FIELD_LABELS.title} ${DOSSIER_TITLE_SHORT[c.row.title!]} ${c.row.achievementYear}`,
        resultKey: c.holderKey!,
        record: {
          decisionNo: c.row.decisionNo,
          decidedOn: c.row.decidedOn!,
          issuer: c.row.issuer ?? null,
          goldBookNo: c.row.goldBookNo ?? null,
          note: c.row.note ?? null,
        },
        baseVersion: c.row.baseVersion ?? null,
      },
    }));
  },
  representation: decisionSheet,
  minimal: decisionSheetState,
};
