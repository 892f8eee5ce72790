import type { DossierTitle, Holder } from '../../contract/dossier-titles.ts';

/** A stored registration as the rules see it: plain data, dates as 'YYYY-MM-DD'. */
export interface RegistrationInput {
  holder: Holder;
  /** Staff code for a person, unit name for a collective: the registration follows the code, not the unit. */
  key: string;
  titleRegistered: DossierTitle | null;
  awardRegistered: DossierTitle | null;
  registeredOn: string | null;
}

/** The title registered on a track's ladder: the emulation title, or the commendation. */
export function registeredTitle(registration: RegistrationInput | null | undefined, track: 'person-title' | 'unit-title' | 'award'): DossierTitle | null {
  if (!registration) return null;
  return track === 'award' ? registration.awardRegistered : registration.titleRegistered;
}
