import type { DossierTitle, Holder } from '../../contract/dossier-titles.ts';
import type { RuleSet } from '../../contract/rule-set.ts';
import { matchKey } from '../../contract/text.ts';
import { compareRegistration, type TrackComparison } from '../registration/compare.ts';
import { applyRegistrationGate } from '../registration/gate.ts';
import type { RegistrationInput } from '../registration/registration-input.ts';
import { applyVote, type VotedProposal } from '../votes/apply-votes.ts';
import type { VoteInput } from '../votes/vote-rule.ts';
import type { TitleProposal, TitlesOutcome } from '../year-types.ts';

export interface DossierHolder {
  holder: Holder;
  key: string;
  proposals: VotedProposal[];
  /** The year-end comparison with the registration, per ladder (REG-3). */
  registration: TrackComparison[];
}

export interface DossierInputs {
  registrations: readonly RegistrationInput[];
  /** The council's votes; a holder's title with none is pending where it needs one. */
  votes: readonly (VoteInput & { holder: Holder; key: string; title: DossierTitle })[];
}

const id = (holder: Holder, key: string) => JSON.stringify([holder, matchKey(key)]);

/**
 * The year's proposals as the dossier uses them, in this order: the §6 proposals (computed without votes)
 * are compared with the registrations (REG-3, on the law's proposals), then the organisation's registration
 * gate (REG-4), then the council's votes (DOC-2). People are matched by staff code, collectives by unit name.
 */
export function finishProposals(titles: TitlesOutcome, inputs: DossierInputs, ruleSet: RuleSet): { people: DossierHolder[]; units: DossierHolder[] } {
  const settings = ruleSet.dossier;
  const registrations = new Map(inputs.registrations.map((r) => [id(r.holder, r.key), r]));
  const votes = new Map(inputs.votes.map((v) => [JSON.stringify([v.holder, matchKey(v.key), v.title]), v]));
  const finish = (holder: Holder, key: string, proposals: readonly TitleProposal[]): DossierHolder => {
    const registration = registrations.get(id(holder, key)) ?? null;
    const comparison = compareRegistration(holder, registration, proposals, settings);
    const gated = applyRegistrationGate(holder, proposals, registration, settings, ruleSet.name);
    const voted = gated.map((p) => applyVote(p, votes.get(JSON.stringify([holder, matchKey(key), p.title])) ?? null, settings, ruleSet.name));
    return { holder, key, proposals: voted, registration: comparison };
  };
  return {
    people: titles.people.map((p) => finish('person', p.key, p.proposals)),
    units: titles.units.map((u) => finish('unit', u.key, u.proposals)),
  };
}
