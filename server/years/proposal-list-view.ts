import { getOrganisation } from '../admin/organisation-repository.ts';
import type { DossierTitle } from '../contract/dossier-titles.ts';
import type { ProposalLists } from '../contract/proposal-list.ts';
import type { Db } from '../db/database.ts';
import { listPeople, listUnits } from '../people/roster-repository.ts';
import { buildProposalLists } from '../rules/dossier/proposal-list.ts';
import { yearProposals } from './titles-proposals.ts';

/**
 * DOC-1 from what is stored now: the year's proposals after the registration gate and the council's votes,
 * less the titles the council withdrew, in the block layout the report sheet writes.
 */
export async function proposalLists(db: Db, orgId: number, year: string, splitByAuthority: boolean): Promise<ProposalLists> {
  const [proposals, organisation, units, roster] = await Promise.all([
    yearProposals(db, orgId, year),
    getOrganisation(db, orgId),
    listUnits(db, orgId),
    listPeople(db, orgId),
  ]);
  const people = new Map(roster.map((p) => [p.code, p]));
  const lists = buildProposalLists(
    {
      year: Number(year),
      organisation: organisation?.name ?? '',
      units: units.map((u) => u.name),
      people: proposals.people.map((p) => {
        const person = people.get(p.code);
        const sex = person?.sex === 'nữ' ? 'nu' : person?.sex === 'nam' ? 'nam' : null;
        return { key: p.code, name: p.name, sex, position: person?.title ?? null, unit: p.unit, proposals: p.proposals };
      }),
      collectives: proposals.units.map((u) => ({ key: u.unit, proposals: u.proposals })),
      withdrawals: proposals.withdrawals.map((w) => ({ holder: w.holder, key: w.key, title: w.title as DossierTitle, reason: w.reason })),
    },
    { splitByAuthority },
  );
  return { year, finalised: proposals.finalised, lists };
}
