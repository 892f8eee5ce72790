import { describe, expect, it } from 'vitest';
import { DEFAULT_DOSSIER_SETTINGS, type RegistrationGate } from '../../../../server/contract/dossier-settings.ts';
import { DEFAULT_RULE_SET } from '../../../../server/contract/rule-set.ts';
import { proposePersonTitles } from '../../../../server/rules/index.ts';
import { applyRegistrationGate, isRegisteredFor } from '../../../../server/rules/registration/gate.ts';
import { Y, person, registration } from './helpers.ts';

const NAME = DEFAULT_RULE_SET.name;
const ldttOf = (gate: RegistrationGate, reg = null as ReturnType<typeof registration> | null, awards = false) => {
  const proposals = proposePersonTitles(Y, person(), DEFAULT_RULE_SET).proposals;
  const gated = applyRegistrationGate('person', proposals, reg, { ...DEFAULT_DOSSIER_SETTINGS, registrationGate: gate, registrationGateAwards: awards }, NAME);
  return { ldtt: gated.find((p) => p.title === 'LDTT')!, giayKhen: gated.find((p) => p.title === 'GIAY_KHEN')!, before: proposals };
};

describe('registrationGate: the organisation’s own rule, never the Law’s (REG-4)', () => {
  it('leaves an unregistered eligible LĐTT unchanged when off (the default)', () => {
    const { ldtt, before } = ldttOf(DEFAULT_DOSSIER_SETTINGS.registrationGate);
    expect(ldtt).toEqual(before.find((p) => p.title === 'LDTT'));
  });

  it('keeps it eligible with a warning naming the setting under warn (REG-7.3)', () => {
    const { ldtt } = ldttOf('warn');
    expect(ldtt.eligible).toBe(true);
    expect(ldtt.reasons.at(-1)).toBe(`Không đăng ký thi đua (theo quy chế đơn vị: registrationGate = warn, «${NAME}»; Luật TĐKT 2022 không yêu cầu)`);
  });

  it('makes it Chưa đủ under require, saying it is the unit’s rule and not Luật TĐKT 2022 (REG-7.3)', () => {
    const { ldtt } = ldttOf('require');
    expect(ldtt.eligible).toBe(false);
    expect(ldtt.reasons.at(-1)).toBe(
      `Không đạt: Không đăng ký thi đua — điều kiện của quy chế đơn vị (registrationGate = require, «${NAME}»), không phải của Luật TĐKT 2022`,
    );
  });

  it('lets a registration of a higher title of the track cover the lower one', () => {
    expect(ldttOf('require', registration('CSTDCS')).ldtt.eligible).toBe(true);
    expect(isRegisteredFor('person', 'CSTDCS', registration('LDTT'))).toBe(false);
    expect(isRegisteredFor('person', 'LDTT', registration('CSTD_TINH'))).toBe(true);
  });

  it('gates Giấy khen only with registrationGateAwards', () => {
    expect(ldttOf('require').giayKhen.eligible).toBe(true);
    expect(ldttOf('require', registration('LDTT'), true).giayKhen.eligible).toBe(false);
    expect(ldttOf('require', registration('LDTT', { awardRegistered: 'GIAY_KHEN' }), true).giayKhen.eligible).toBe(true);
  });

  it('never makes a proposal eligible, and leaves ineligible ones as they were', () => {
    const proposals = proposePersonTitles(Y, person({ level: 'HT' }), DEFAULT_RULE_SET).proposals;
    const gated = applyRegistrationGate('person', proposals, registration('CSTD_TINH'), { ...DEFAULT_DOSSIER_SETTINGS, registrationGate: 'require' }, NAME);
    expect(gated).toEqual(proposals);
  });
});
