import type { DossierSettings } from '../../contract/dossier-settings.ts';
import type { DossierTitle, Holder } from '../../contract/dossier-titles.ts';
import type { TitleProposal } from '../year-types.ts';
import { gateOf } from './compare.ts';
import { registeredTitle, type RegistrationInput } from './registration-input.ts';
import { rankOn, trackOf } from './tracks.ts';

/** Registering a title registers the lower ones of its track too (CSTĐCS needs LĐTT first). */
export function isRegisteredFor(holder: Holder, title: DossierTitle, registration: RegistrationInput | null): boolean {
  const track = trackOf(title, holder);
  if (!track) return false;
  return rankOn(track, registeredTitle(registration, track)) >= rankOn(track, title);
}

/**
 * REG-4: the organisation's own rule on registration, applied to a holder's proposals. Since Luật TĐKT 2022
 * Điều 7 registration is no legal condition (research §0.1), so the reasons say whose rule it is. `off`
 * changes nothing; `warn` keeps an eligible unregistered title eligible with a warning; `require` makes it
 * not eligible. Commendations (Giấy khen, Bằng khen) are gated only with `registrationGateAwards`. Returns
 * new proposals; the inputs are not changed.
 */
export function applyRegistrationGate<T extends string>(
  holder: Holder,
  proposals: readonly TitleProposal<T>[],
  registration: RegistrationInput | null,
  settings: Pick<DossierSettings, 'registrationGate' | 'registrationGateAwards'>,
  ruleSetName: string,
): TitleProposal<T>[] {
  return proposals.map((proposal) => {
    const title = proposal.title as unknown as DossierTitle;
    const track = trackOf(title, holder);
    if (!track || !proposal.eligible) return proposal;
    const gate = gateOf(track, settings);
    if (gate === 'off' || isRegisteredFor(holder, title, registration)) return proposal;
    if (gate === 'warn') {
      const reason = `Không đăng ký thi đua (theo quy chế đơn vị: registrationGate = warn, «${ruleSetName}»; Luật TĐKT 2022 không yêu cầu)`;
      return { ...proposal, reasons: [...proposal.reasons, reason] };
    }
    const reason =
      `Không đạt: Không đăng ký thi đua — điều kiện của quy chế đơn vị (registrationGate = require, «${ruleSetName}»), ` +
      'không phải của Luật TĐKT 2022';
    return { ...proposal, eligible: false, reasons: [...proposal.reasons, reason] };
  });
}
