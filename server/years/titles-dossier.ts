import type { Db } from '../db/database.ts';
import { finishProposals, type DossierInputs } from '../rules/dossier/finish-proposals.ts';
import { proposeTitles, type TitleHistoryYear } from '../rules/index.ts';
import { loadVotes, type StoredVote } from './council-vote-repository.ts';
import { loadRegistrations } from './registration-repository.ts';
import { titleInputs, type PersonRecords } from './titles-inputs.ts';
import type { ComputedYear } from './year-results.ts';

/**
 * The council's votes of a year as the dossier reads them (RULES.md §11.2): the vote sheet's rows, and the
 * yearly sheet's Phiếu đồng ý / Tổng số phiếu as the CSTĐCS vote of a person the vote sheet has no CSTĐCS row for.
 */
export function yearVotes(computed: ComputedYear, stored: readonly StoredVote[]): DossierInputs['votes'] {
  const votes: DossierInputs['votes'][number][] = stored.map((v) => ({
    holder: v.holder,
    key: v.holder === 'person' ? v.code! : v.unit!,
    title: v.title,
    members: v.members,
    present: v.present,
    agree: v.agree,
    unitStaff: v.unitStaff,
  }));
  const votedCstdcs = new Set(stored.filter((v) => v.holder === 'person' && v.title === 'CSTDCS').map((v) => v.code));
  for (const p of computed.data.people) {
    const y = p.yearly;
    if (!y || y.voteAgree === null || y.voteTotal === null || votedCstdcs.has(p.code)) continue;
    votes.push({ holder: 'person', key: p.code, title: 'CSTDCS', members: y.voteTotal, present: null, agree: y.voteAgree });
  }
  return votes;
}

/**
 * A computed year's titles as the dossier uses them: RULES.md §6 without votes, then the comparison with
 * that year's registrations and the registration gate (REG-3, REG-4), then the council's votes of that year
 * (finishProposals, RULES.md §11).
 */
export async function finishYearTitles(
  db: Db,
  orgId: number,
  computed: ComputedYear,
  records: Map<string, PersonRecords>,
  historyOf: (code: string) => readonly TitleHistoryYear[],
) {
  const year = Number(computed.data.year);
  const [stored, registered] = await Promise.all([loadVotes(db, orgId, computed.data.year), loadRegistrations(db, orgId, computed.data.year)]);
  const inputs = titleInputs(computed, records, historyOf);
  const titles = proposeTitles(year, inputs.people, inputs.units, computed.ruleSet);
  const registrations = registered.map((r) => ({
    holder: r.holder,
    key: r.holder === 'person' ? r.code! : r.unit!,
    titleRegistered: r.titleRegistered,
    awardRegistered: r.awardRegistered,
    registeredOn: r.registeredOn,
  }));
  const finished = finishProposals(titles, { registrations, votes: yearVotes(computed, stored) }, computed.ruleSet);
  return { inputs, titles, finished };
}
