import type { YearProposals } from '../contract/year-results.ts';
import type { Db } from '../db/database.ts';
import { loadInitiativesBetween } from './initiative-repository.ts';
import { estimateRewards, rewardClaimsFromProposals } from '../rules/index.ts';
import { finishYearTitles } from './titles-dossier.ts';
import { titleHistory } from './titles-history.ts';
import { recordsByPerson } from './titles-inputs.ts';
import { computeYear } from './year-results.ts';

/**
 * The proposal list of RULES.md §6 for a year: every person's and unit's titles with the reasons that
 * qualify or block, and the reward estimate (NĐ 152) at the rule set's base salary or `baseSalary`.
 * Proposals are for the council, never final; nothing here is stored.
 */
export async function yearProposals(db: Db, orgId: number, year: string, baseSalary?: number): Promise<YearProposals> {
  const y = Number(year);
  const [computed, initiatives] = await Promise.all([computeYear(db, orgId, year), loadInitiativesBetween(db, orgId, y - 2, y)]);
  const records = recordsByPerson(initiatives, y);
  const history = await titleHistory(db, orgId, computed, records);
  const { inputs, titles, finished } = await finishYearTitles(db, orgId, computed, records, (code) => history.get(code)?.history ?? []);
  const { ruleSet } = computed;
  const rewardRules = baseSalary === undefined ? ruleSet : { ...ruleSet, rewards: { ...ruleSet.rewards, baseSalary } };
  // Money only for what stays eligible after the council's vote (a title pending its vote is still estimated).
  const voted = {
    people: titles.people.map((p, i) => ({ ...p, proposals: p.proposals.map((t, j) => ({ ...t, eligible: finished.people[i]!.proposals[j]!.eligible })) })),
    units: titles.units.map((u, i) => ({ ...u, proposals: u.proposals.map((t, j) => ({ ...t, eligible: finished.units[i]!.proposals[j]!.eligible })) })),
  };
  const rewards = estimateRewards(rewardClaimsFromProposals(y, voted), rewardRules);
  return {
    year,
    finalised: computed.context.state.finalised,
    ruleSetVersion: computed.ruleSetVersion,
    people: finished.people.map((t, i) => {
      const p = computed.data.people[i]!;
      const h = history.get(p.code);
      return {
        code: p.code,
        name: p.name,
        unit: p.unit,
        level: inputs.people[i]!.level,
        history: (h?.history ?? []).map((e) => ({
          year: e.year,
          level: e.level,
          titles: [...e.titles],
          titleSources: e.titleSources,
          decisions: e.decisions.map((d) => ({ title: d.title, decisionNo: d.decisionNo, decidedOn: d.decidedOn, issuer: d.issuer })),
        })),
        historyNotes: h?.notes ?? [],
        proposals: t.proposals,
        registration: t.registration,
      };
    }),
    units: titles.units.map((t, i) => ({
      unit: t.key,
      proposals: finished.units[i]!.proposals,
      registration: finished.units[i]!.registration,
      level: inputs.units[i]!.level,
      members: t.members,
      countedMembers: t.countedMembers,
      ldttMembers: t.ldttMembers,
    })),
    rewards: { baseSalary: rewardRules.rewards.baseSalary, ...rewards },
  };
}
