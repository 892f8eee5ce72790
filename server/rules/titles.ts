import type { RuleSet } from '../contract/rule-set.ts';
import { matchKey } from '../contract/text.ts';
import { proposePersonTitles } from './titles-person.ts';
import { proposeUnitTitles, type UnitMember } from './titles-unit.ts';
import type { TitlePersonInput, TitleUnitInput, TitlesOutcome } from './year-types.ts';

/**
 * The proposal list (danh sách đề nghị) of RULES.md §6 for year Y: every person's titles, then every
 * unit's collective titles from the people whose unit matches its name (as the contract's matchKey does).
 * Proposals are for the council and never final. People and units come back in input order.
 */
export function proposeTitles(
  year: number,
  people: readonly TitlePersonInput[],
  units: readonly TitleUnitInput[],
  ruleSet: RuleSet,
): TitlesOutcome {
  const personTitles = people.map((person) => proposePersonTitles(year, person, ruleSet));
  const byUnit = new Map<string, UnitMember[]>();
  people.forEach((person, i) => {
    const key = matchKey(person.unit);
    const members = byUnit.get(key) ?? [];
    members.push({ person, titles: personTitles[i]! });
    byUnit.set(key, members);
  });
  const unitTitles = units.map((unit) => proposeUnitTitles(year, unit, byUnit.get(matchKey(unit.key)) ?? [], ruleSet));
  return { people: personTitles, units: unitTitles };
}
