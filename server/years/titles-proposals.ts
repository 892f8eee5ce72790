import type { YearProposals } from '../contract/year-results.ts';
import type { Db } from '../db/database.ts';
import { loadInitiativesBetween } from './initiative-repository.ts';
import { estimateRewards, proposeTitles, rewardClaimsFromProposals } from '../rules/index.ts';
import { titleHistory } from './titles-history.ts';
import { recordsByPerson, titleInputs } from './titles-inputs.ts';
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
  const inputs = titleInputs(computed, records, (code) => history.get(code) ?? []);
  const { ruleSet } = computed;
  const titles = proposeTitles(y, inputs.people, inputs.units, ruleSet);
  const rewardRules = baseSalary === undefined ? ruleSet : { ...ruleSet, rewards: { ...ruleSet.rewards, baseSalary } };
  const rewards = estimateRewards(rewardClaimsFromProposals(y, titles), rewardRules);
  return {
    year,
    finalised: computed.context.state.finalised,
    ruleSetVersion: computed.ruleSetVersion,
    people: titles.people.map((t, i) => {
      const p = computed.data.people[i]!;
      return {
        code: p.code,
        name: p.name,
        unit: p.unit,
        level: inputs.people[i]!.level,
        history: history.get(p.code) ?? [],
        proposals: t.proposals,
      };
    }),
    units: titles.units.map((t, i) => ({
      unit: t.key,
      level: inputs.units[i]!.level,
      members: t.members,
      countedMembers: t.countedMembers,
      ldttMembers: t.ldttMembers,
      proposals: t.proposals,
    })),
    rewards: { baseSalary: rewardRules.rewards.baseSalary, ...rewards },
  };
}
