import type { YearProposals } from '../contract/year-results.ts';
import type { Db } from '../db/database.ts';
import { loadInitiativesBetween } from './initiative-repository.ts';
import { listDecisions } from '../council/period-repository.ts';
import { estimateRewards, rewardAmount, rewardClaimsFromProposals } from '../rules/index.ts';
import { REWARD_TITLES } from '../rules/rewards.ts';
import { withdrawalLookup, withdrawalsInForce } from './year-withdrawals.ts';
import { finishYearTitles } from './titles-dossier.ts';
import { titleHistory } from './titles-history.ts';
import { recordsByPerson } from './titles-inputs.ts';
import { computeYear } from './year-results.ts';
import { unitMovementLine } from '../rules/drives/unit-movements.ts';
import { yearDriveTotals } from './drive-view.ts';

/**
 * The proposal list of RULES.md §6 for a year: every person's and unit's titles with the reasons that
 * qualify or block, and the reward estimate (NĐ 152) at the rule set's base salary or `baseSalary`.
 * Proposals are for the council, never final; nothing here is stored.
 */
export async function yearProposals(db: Db, orgId: number, year: string, baseSalary?: number): Promise<YearProposals> {
  const y = Number(year);
  const [computed, initiatives, decisions] = await Promise.all([
    computeYear(db, orgId, year),
    loadInitiativesBetween(db, orgId, y - 2, y),
    listDecisions(db, orgId, year),
  ]);
  const withdrawals = withdrawalsInForce(decisions);
  const withdrawn = withdrawalLookup(withdrawals);
  const records = recordsByPerson(initiatives, y);
  const history = await titleHistory(db, orgId, computed, records);
  const { inputs, titles, finished } = await finishYearTitles(db, orgId, computed, records, (code) => history.get(code)?.history ?? []);
  const { ruleSet } = computed;
  const rewardRules = baseSalary === undefined ? ruleSet : { ...ruleSet, rewards: { ...ruleSet.rewards, baseSalary } };
  // Money only for what stays eligible after the council's vote and is not withdrawn (a title pending its vote is still estimated).
  const listed = (holder: 'person' | 'unit', key: string, t: { title: string }, eligible: boolean) => eligible && withdrawn(holder, key, t.title) === null;
  const voted = {
    people: titles.people.map((p, i) => ({
      ...p,
      proposals: p.proposals.map((t, j) => ({ ...t, eligible: listed('person', p.key, t, finished.people[i]!.proposals[j]!.eligible) })),
    })),
    units: titles.units.map((u, i) => ({
      ...u,
      proposals: u.proposals.map((t, j) => ({ ...t, eligible: listed('unit', u.key, t, finished.units[i]!.proposals[j]!.eligible) })),
    })),
  };
  const withWithdrawal = (holder: 'person' | 'unit', key: string) => <T extends { title: string }>(t: T) => {
    const w = withdrawn(holder, key, t.title);
    return { ...t, withdrawn: w && { reason: w.reason, decidedBy: w.decidedBy, decidedAt: w.decidedAt } };
  };
  const rewards = estimateRewards(rewardClaimsFromProposals(y, voted), rewardRules);
  // DRV-5: the drives as information beside each unit, only under the organisation's setting; read after the
  // titles are decided, so they can never feed them.
  const drives = ruleSet.dossier.movementsInUnitYear === 'show' ? await yearDriveTotals(db, orgId, year) : null;
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
        proposals: t.proposals.map(withWithdrawal('person', p.code)),
        registration: t.registration,
      };
    }),
    units: titles.units.map((t, i) => ({
      unit: t.key,
      proposals: finished.units[i]!.proposals.map(withWithdrawal('unit', t.key)),
      registration: finished.units[i]!.registration,
      level: inputs.units[i]!.level,
      members: t.members,
      countedMembers: t.countedMembers,
      ldttMembers: t.ldttMembers,
      movements: drives ? unitMovementLine(drives, t.key) : null,
    })),
    withdrawals,
    rewards: {
      baseSalary: rewardRules.rewards.baseSalary,
      // Every title's coefficient and amount, so "Mức mỗi suất" shows for titles nobody got.
      coefficients: Object.fromEntries(REWARD_TITLES.map((t) => [t, rewardRules.rewards.coefficients[t]])) as Record<(typeof REWARD_TITLES)[number], number>,
      perAward: Object.fromEntries(REWARD_TITLES.map((t) => [t, rewardAmount(t, rewardRules.rewards)])) as Record<(typeof REWARD_TITLES)[number], number>,
      ...rewards,
    },
  };
}
