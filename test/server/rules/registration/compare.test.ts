import { describe, expect, it } from 'vitest';
import { DEFAULT_DOSSIER_SETTINGS } from '../../../../server/contract/dossier-settings.ts';
import { DEFAULT_RULE_SET } from '../../../../server/contract/rule-set.ts';
import { proposePersonTitles, proposeTitles } from '../../../../server/rules/index.ts';
import { compareRegistration, summariseComparisons } from '../../../../server/rules/registration/compare.ts';
import { Y, person, registration } from './helpers.ts';

const off = DEFAULT_DOSSIER_SETTINGS;
const proposalsOf = (input: ReturnType<typeof person>) => proposePersonTitles(Y, input, DEFAULT_RULE_SET).proposals;
const titleTrack = (comparisons: ReturnType<typeof compareRegistration>) => comparisons.find((c) => c.track === 'person-title')!;

describe('the year-end comparison of a registration with the proposals (REG-3)', () => {
  const initiative = { title: 'Số hoá hồ sơ học viên', level: 'co-so' as const, recognisedOn: `${Y}-05-12` };

  it('finds a person registered LĐTT, rated HTXS, with an initiative, above the registration: top CSTĐCS (REG-7.1)', () => {
    const c = titleTrack(compareRegistration('person', registration('LDTT'), proposalsOf(person({ level: 'HTXS', initiatives: [initiative] })), off));
    expect(c).toEqual({ track: 'person-title', registered: 'LDTT', top: 'CSTDCS', outcome: 'Vượt đăng ký', reasons: ['Đủ điều kiện CSTĐCS (đăng ký LĐTT)'] });
  });

  it('names the failing conditions of a CSTĐCS registration rated HTT with no initiative: top LĐTT (REG-7.2)', () => {
    const c = titleTrack(compareRegistration('person', registration('CSTDCS'), proposalsOf(person()), off));
    expect(c.outcome).toBe('Chưa đạt');
    expect(c.top).toBe('LDTT');
    expect(c.reasons).toHaveLength(1);
    expect(c.reasons[0]).toMatch(/^Chưa đủ CSTĐCS: không có HTXS, sáng kiến được công nhận hay đề tài được nghiệm thu trong năm 2026 \(Luật TĐKT Điều 23\); đủ điều kiện LĐTT$/);
  });

  it('says Đạt when the top title is the one registered', () => {
    expect(titleTrack(compareRegistration('person', registration('LDTT'), proposalsOf(person()), off)).outcome).toBe('Đạt');
  });

  it('gives a pending discipline case as the reason a registration was not reached (REG-7.6)', () => {
    const c = titleTrack(compareRegistration('person', registration('LDTT'), proposalsOf(person({ pendingDisciplineCase: true })), off));
    expect(c.outcome).toBe('Chưa đạt');
    expect(c.top).toBeNull();
    expect(c.reasons).toEqual(['Chưa đủ LĐTT: đang bị xem xét kỷ luật trong năm 2026']);
  });

  it('says Không đăng ký for an eligible holder who did not register, in words that depend on the gate (REG-7.3)', () => {
    const proposals = proposalsOf(person());
    const texts = (['off', 'warn', 'require'] as const).map((gate) => {
      const c = titleTrack(compareRegistration('person', null, proposals, { ...off, registrationGate: gate }));
      expect(c.outcome).toBe('Không đăng ký');
      return c.reasons[0];
    });
    expect(texts[0]).toBe('Đủ điều kiện LĐTT; Luật TĐKT 2022 Điều 7 không yêu cầu đăng ký');
    expect(texts[1]).toMatch(/registrationGate = warn/);
    expect(texts[2]).toMatch(/registrationGate = require\), không phải của Luật TĐKT 2022$/);
  });

  it('leaves the cell blank for a holder neither registered nor eligible, and says when the year has no data', () => {
    expect(titleTrack(compareRegistration('person', null, proposalsOf(person({ level: 'HT' })), off)).outcome).toBeNull();
    expect(titleTrack(compareRegistration('person', registration('LDTT'), null, off)).outcome).toBe('Không có dữ liệu năm');
    expect(titleTrack(compareRegistration('person', null, null, off)).outcome).toBeNull();
  });

  it('follows the staff code, not the unit, for a person who moved in the year (REG-7.5)', () => {
    const moved = person({ unit: 'Khoa B' });
    const registered = registration('LDTT', { key: moved.key });
    const out = proposeTitles(Y, [moved], [], DEFAULT_RULE_SET).people[0]!;
    expect(out.key).toBe(registered.key);
    expect(titleTrack(compareRegistration('person', registered, out.proposals, off)).outcome).toBe('Đạt');
  });

  it('gives the unit rule as the reason a collective registered Tập thể LĐXS with no CSTĐCS member missed it (REG-7.7)', () => {
    const members = Array.from({ length: 5 }, (_, i) => person({ key: `M${i}`, level: 'HTT' }));
    const unit = proposeTitles(Y, members, [{ key: 'Khoa A', level: 'HTXS' }], DEFAULT_RULE_SET).units[0]!;
    const c = compareRegistration('unit', registration('TT_LDXS', { holder: 'unit', key: 'Khoa A' }), unit.proposals, off).find((x) => x.track === 'unit-title')!;
    expect(c.outcome).toBe('Chưa đạt');
    expect(c.top).toBe('TT_LDTT');
    expect(c.reasons[0]).toBe('Chưa đủ Tập thể LĐXS: không có thành viên nào đủ điều kiện Chiến sĩ thi đua cơ sở; đủ điều kiện Tập thể LĐTT');
  });

  it('compares the commendation on its own track', () => {
    const reg = registration(null, { awardRegistered: 'GIAY_KHEN' });
    const c = compareRegistration('person', reg, proposalsOf(person()), off).find((x) => x.track === 'award')!;
    expect(c).toMatchObject({ registered: 'GIAY_KHEN', top: 'GIAY_KHEN', outcome: 'Đạt' });
  });

  it('counts the outcomes per track for the "Đối chiếu đăng ký" table', () => {
    const rows = [
      ...compareRegistration('person', registration('LDTT'), proposalsOf(person()), off),
      ...compareRegistration('person', registration('CSTDCS'), proposalsOf(person()), off),
      ...compareRegistration('person', null, proposalsOf(person()), off),
    ];
    const counts = summariseComparisons(rows);
    expect(counts['person-title']).toEqual({ Đạt: 1, 'Vượt đăng ký': 0, 'Chưa đạt': 1, 'Không đăng ký': 1 });
    expect(counts.award).toEqual({ Đạt: 0, 'Vượt đăng ký': 0, 'Chưa đạt': 0, 'Không đăng ký': 3 });
  });
});
