import { describe, expect, it } from 'vitest';
import type { RegistrationGate } from '../../../../server/contract/dossier-settings.ts';
import { DEFAULT_RULE_SET, type RuleSet } from '../../../../server/contract/rule-set.ts';
import { finishProposals } from '../../../../server/rules/dossier/finish-proposals.ts';
import { buildProposalLists } from '../../../../server/rules/dossier/proposal-list.ts';
import { proposeTitles } from '../../../../server/rules/index.ts';
import { Y, person, registration } from '../registration/helpers.ts';

const withGate = (gate: RegistrationGate): RuleSet => ({ ...DEFAULT_RULE_SET, dossier: { ...DEFAULT_RULE_SET.dossier, registrationGate: gate } });

describe('the proposals as the dossier uses them: comparison, gate, then votes', () => {
  const people = [person({ key: 'GV01' }), person({ key: 'GV02', level: 'HTXS' })];
  const titles = proposeTitles(Y, people, [{ key: 'Khoa A', level: 'HTT' }], DEFAULT_RULE_SET);

  it('reads Không đăng ký under every gate while the LĐTT proposal goes Đủ / Đủ + warning / Chưa đủ (REG-7.3)', () => {
    const out = (['off', 'warn', 'require'] as const).map((gate) => finishProposals(titles, { registrations: [], votes: [] }, withGate(gate)).people[0]!);
    expect(out.map((p) => p.registration.find((c) => c.track === 'person-title')!.outcome)).toEqual(['Không đăng ký', 'Không đăng ký', 'Không đăng ký']);
    const ldtt = out.map((p) => p.proposals.find((x) => x.title === 'LDTT')!);
    expect(ldtt.map((p) => p.eligible)).toEqual([true, true, false]);
    expect(ldtt[0]!.reasons.some((r) => r.includes('registrationGate'))).toBe(false);
    expect(ldtt[1]!.reasons.at(-1)).toMatch(/registrationGate = warn/);
  });

  it('keeps a registered CSTĐCS pending until the vote, then lists it once the vote passes', () => {
    const inputs = { registrations: [registration('CSTDCS', { key: 'GV02' })], votes: [] as Parameters<typeof finishProposals>[1]['votes'] };
    const pending = finishProposals(titles, inputs, withGate('require')).people[1]!;
    const cstdcs = pending.proposals.find((p) => p.title === 'CSTDCS')!;
    expect([cstdcs.eligible, cstdcs.vote]).toEqual([true, 'pending']);
    expect(pending.registration.find((c) => c.track === 'person-title')!.outcome).toBe('Đạt');

    const voted = finishProposals(titles, { ...inputs, votes: [{ holder: 'person', key: 'gv02', title: 'CSTDCS', members: 9, present: 9, agree: 8 }] }, withGate('require'));
    const list = buildProposalLists({
      year: Y,
      organisation: 'Trường',
      units: ['Khoa A'],
      people: voted.people.map((p, i) => ({ key: p.key, name: `Lò Văn ${i}`, sex: null, position: null, unit: 'Khoa A', proposals: p.proposals })),
      collectives: [],
      withdrawals: [],
    })[0]!;
    // GV01 registered nothing under `require`: off the list; GV02 under CSTĐCS (and Giấy khen is ungated).
    expect(list.groups[0]!.blocks.map((b) => [b.title, b.rows.map((r) => r.key)])).toEqual([
      ['CSTDCS', ['GV02']],
      ['GIAY_KHEN', ['GV01', 'GV02']],
    ]);
  });

  it('matches a collective’s registration by its unit name as the sheet spells it', () => {
    const units = finishProposals(titles, { registrations: [registration('TT_LDTT', { holder: 'unit', key: 'khoa  a' })], votes: [] }, withGate('require')).units;
    expect(units[0]!.registration.find((c) => c.track === 'unit-title')!.outcome).toBe('Đạt');
    expect(units[0]!.proposals.find((p) => p.title === 'TT_LDTT')!.eligible).toBe(true);
  });
});
