import type { DossierTitle, Holder } from '../../../../server/contract/dossier-titles.ts';
import type { TitlePersonInput } from '../../../../server/rules/index.ts';
import type { RegistrationInput } from '../../../../server/rules/registration/registration-input.ts';

export const Y = 2026;

export function person(extra: Partial<TitlePersonInput> = {}): TitlePersonInput {
  return {
    key: 'GV01',
    unit: 'Khoa A',
    sex: 'nu',
    recruitedOn: '2015-09-01',
    level: 'HTT',
    disciplines: [],
    pendingDisciplineCase: false,
    initiatives: [],
    researchTopics: [],
    history: [],
    ...extra,
  };
}

export function registration(
  titleRegistered: DossierTitle | null,
  extra: Partial<RegistrationInput> & { holder?: Holder } = {},
): RegistrationInput {
  return { holder: 'person', key: 'GV01', titleRegistered, awardRegistered: null, registeredOn: null, ...extra };
}
