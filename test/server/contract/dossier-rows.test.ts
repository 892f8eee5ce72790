import { describe, expect, it } from 'vitest';
import { parseDong } from '../../../server/contract/amount-field.ts';
import { contributionRowSchema } from '../../../server/contract/contribution-row.ts';
import { decisionRowSchema } from '../../../server/contract/decision-row.ts';
import { DEFAULT_DOSSIER_SETTINGS, dossierSettingsSchema } from '../../../server/contract/dossier-settings.ts';
import { movementRowSchema } from '../../../server/contract/movement-row.ts';
import { pledgeRowSchema } from '../../../server/contract/pledge-row.ts';
import { registrationRowSchema } from '../../../server/contract/registration-row.ts';
import { checkRow } from '../../../server/contract/row-validation.ts';
import { DEFAULT_RULE_SET, ruleSetSchema } from '../../../server/contract/rule-set.ts';
import { voteRowSchema } from '../../../server/contract/vote-row.ts';

const errorsOf = (result: ReturnType<typeof checkRow>) => (result.ok ? [] : result.errors);

describe('registration rows (REG-1)', () => {
  it('reads the usual spellings of titles and commendations', () => {
    for (const [typed, id] of [
      ['Lao động tiên tiến', 'LDTT'],
      ['LĐTT', 'LDTT'],
      ['CSTĐ cơ sở', 'CSTDCS'],
      ['Chiến sĩ thi đua cơ sở', 'CSTDCS'],
      ['CSTĐ cấp tỉnh', 'CSTD_TINH'],
    ] as const) {
      const r = checkRow(registrationRowSchema, { code: 'CB01', name: 'Lò Văn A', unit: 'Khoa A', titleRegistered: typed });
      expect(r.ok && r.value.titleRegistered).toBe(id);
    }
    const unit = checkRow(registrationRowSchema, { unit: 'Khoa A', holder: 'Tập thể', titleRegistered: 'TTLĐXS', awardRegistered: 'Bằng khen UBND tỉnh' });
    expect(unit.ok && [unit.value.titleRegistered, unit.value.awardRegistered]).toEqual(['TT_LDXS', 'BANG_KHEN_TINH']);
  });

  it('refuses a collective title on a person row and a person title on a collective row, naming the title', () => {
    const person = checkRow(registrationRowSchema, { code: 'CB01', name: 'Lò Văn A', unit: 'Khoa A', titleRegistered: 'Tập thể LĐXS' });
    expect(errorsOf(person)).toEqual([{ field: 'titleRegistered', message: '"Tập thể LĐXS" chỉ đăng ký cho tập thể' }]);
    const unit = checkRow(registrationRowSchema, { unit: 'Khoa A', holder: 'Tập thể', titleRegistered: 'CSTĐCS' });
    expect(errorsOf(unit)).toEqual([{ field: 'titleRegistered', message: '"CSTĐCS" chỉ đăng ký cho cá nhân' }]);
  });

  it('takes a collective’s title under "Tên tập thể" as the collective’s, but never a staff member’s', () => {
    const r = checkRow(registrationRowSchema, { name: 'Khoa Xây dựng Đảng', unit: 'Khoa Xây dựng Đảng', titleRegistered: 'Tập thể LĐTT' });
    expect(r.ok && r.value.titleRegistered).toBe('TT_LDTT');
    expect(checkRow(registrationRowSchema, { code: 'CB01', name: 'A', unit: 'Khoa A', titleRegistered: 'Tập thể LĐTT' }).ok).toBe(false);
  });

  it('takes a row naming nobody as the unit’s, accepts a pledge-only row, and wants a name on a person row', () => {
    const pledgeOnly = checkRow(registrationRowSchema, { unit: 'Khoa A', pledge: 'Hoàn thành 100% kế hoạch giảng dạy' });
    expect(pledgeOnly.ok).toBe(true);
    const noName = checkRow(registrationRowSchema, { unit: 'Khoa A', holder: 'Cá nhân', titleRegistered: 'LĐTT' });
    expect(errorsOf(noName)).toEqual([{ field: 'name', message: 'Thiếu Họ và tên (dòng cá nhân)' }]);
    expect(errorsOf(checkRow(registrationRowSchema, { code: 'CB01', name: 'A', unit: 'Khoa A', titleRegistered: 'Huân chương' }))[0]?.message).toBe(
      'Danh hiệu đăng ký phải là một trong: LĐTT, CSTĐCS, CSTĐ cấp tỉnh, Tập thể LĐTT, Tập thể LĐXS',
    );
  });

  it('reads the date as dd/mm/yyyy', () => {
    const r = checkRow(registrationRowSchema, { code: 'CB01', name: 'A', unit: 'Khoa A', registeredOn: '15/01/2026' });
    expect(r.ok && r.value.registeredOn).toBe('2026-01-15');
  });
});

describe('pledge rows (REG-5)', () => {
  it('reads plan and result as Vietnamese numbers and refuses a negative one', () => {
    const r = checkRow(pledgeRowSchema, { unit: 'Khoa A', content: 'Bài báo khoa học', plan: '12', result: '13,5' });
    expect(r.ok && [r.value.plan, r.value.result]).toEqual([12, 13.5]);
    expect(errorsOf(checkRow(pledgeRowSchema, { unit: 'Khoa A', content: 'X', plan: -1 }))).toEqual([{ field: 'plan', message: 'Kế hoạch không được âm' }]);
  });
});

describe('vote rows (DOC-2, DOC-8)', () => {
  const base = { code: 'CB01', name: 'Lò Văn A', unit: 'Khoa A', title: 'CSTĐCS', members: 9, agree: 8 };

  it('accepts a vote and reads its counts', () => {
    const r = checkRow(voteRowSchema, { ...base, present: '8' });
    expect(r.ok && [r.value.title, r.value.members, r.value.present, r.value.agree]).toEqual(['CSTDCS', 9, 8, 8]);
  });

  it('rejects more agreeing votes than members, naming both (DOC-8.3)', () => {
    expect(errorsOf(checkRow(voteRowSchema, { ...base, agree: 10 }))).toEqual([
      { field: 'agree', message: 'Số phiếu đồng ý (10) lớn hơn Số thành viên Hội đồng (9)' },
    ]);
  });

  it('rejects a council of no members (DOC-8.4), and members present above the council', () => {
    expect(errorsOf(checkRow(voteRowSchema, { ...base, members: 0, agree: 0 }))).toEqual([
      { field: 'members', message: 'Số thành viên Hội đồng phải từ 1 trở lên' },
    ]);
    expect(errorsOf(checkRow(voteRowSchema, { ...base, present: 12 }))).toEqual([
      { field: 'present', message: 'Số thành viên dự họp (12) lớn hơn Số thành viên Hội đồng (9)' },
    ]);
  });

  it('votes a collective title for the unit, which must then be named', () => {
    expect(checkRow(voteRowSchema, { unit: 'Khoa A', title: 'Tập thể LĐXS', members: 9, agree: 9 }).ok).toBe(true);
    expect(errorsOf(checkRow(voteRowSchema, { title: 'Tập thể LĐXS', members: 9, agree: 9 }))).toEqual([
      { field: 'code', message: 'Thiếu Đơn vị (tập thể được biểu quyết)' },
    ]);
  });
});

describe('decision rows (DOC-5)', () => {
  const base = { decisionNo: '125/QĐ-TCT', decidedOn: '20/01/2027', issuer: 'Trường Chính trị tỉnh Sơn La', code: 'CB01', name: 'A', unit: 'Khoa A', title: 'Chiến sĩ thi đua cơ sở', achievementYear: '2026' };

  it('keys a decision by holder, title and the year of the achievement', () => {
    const r = checkRow(decisionRowSchema, base);
    expect(r.ok && [r.value.title, r.value.achievementYear, r.value.decidedOn]).toEqual(['CSTDCS', 2026, '2027-01-20']);
  });

  it('needs the number, the date, the title, the year and who', () => {
    expect(errorsOf(checkRow(decisionRowSchema, { title: 'LĐTT' })).map((e) => e.field)).toEqual(['decisionNo']);
    const r = checkRow(decisionRowSchema, { decisionNo: '125/QĐ-TCT', title: 'LĐTT' });
    expect(errorsOf(r).map((e) => e.field).sort()).toEqual(['achievementYear', 'code', 'decidedOn']);
  });

  it('refuses a collective title for a person', () => {
    expect(errorsOf(checkRow(decisionRowSchema, { ...base, holder: 'Cá nhân', title: 'Tập thể LĐTT' }))).toEqual([
      { field: 'title', message: '"Tập thể LĐTT" chỉ tặng cho tập thể' },
    ]);
  });
});

describe('movement rows (DRV-1)', () => {
  it('reads the kind and level words and refuses an end before the start', () => {
    const r = checkRow(movementRowSchema, { code: 'VNN2026', name: 'Ngày vì người nghèo', kind: 'Cuộc vận động', level: 'Trung ương', from: '17/10/2026', to: '18/11/2026' });
    expect(r.ok && [r.value.kind, r.value.level]).toEqual(['Cuộc vận động, quyên góp', 'Trung ương']);
    expect(errorsOf(checkRow(movementRowSchema, { code: 'X', name: 'Y', from: '18/11/2026', to: '17/10/2026' }))).toEqual([
      { field: 'to', message: 'Đến ngày phải từ Từ ngày trở đi' },
    ]);
  });

  it('limits the code to 20 characters', () => {
    expect(errorsOf(checkRow(movementRowSchema, { code: 'A'.repeat(21), name: 'Y' }))).toEqual([{ field: 'code', message: 'Mã dài quá 20 ký tự' }]);
  });
});

describe('contribution rows and amounts in đồng (DRV-2, DRV-6)', () => {
  it('reads "1.500.000", "1,500,000", "1 500 000" and "1500000" as 1,500,000 đồng', () => {
    for (const typed of ['1.500.000', '1,500,000', '1 500 000', '1500000', 1_500_000]) expect(parseDong(typed)).toBe(1_500_000);
    expect(parseDong('500')).toBe(500);
  });

  it('refuses "1,5 triệu", "1,5", "1.50.000" and mixed separators', () => {
    for (const typed of ['1,5 triệu', '1,5', '1.5', '1.50.000', '1.500,000', '1tr5', 1.5]) expect(parseDong(typed)).toBeUndefined();
    const r = checkRow(contributionRowSchema, { driveCode: 'VNN2026', unit: 'Khoa A', amount: '1,5 triệu' });
    expect(errorsOf(r)).toEqual([
      { field: 'amount', message: 'Số tiền (đồng) phải là số tiền nguyên (đồng), chỉ gồm chữ số và dấu phân cách hàng nghìn, ví dụ 1.500.000' },
    ]);
  });

  it('refuses a negative amount: a refund is a correction of the row (DRV-6.3)', () => {
    expect(errorsOf(checkRow(contributionRowSchema, { driveCode: 'VNN2026', unit: 'Khoa A', amount: '-200.000' }))).toEqual([
      { field: 'amount', message: 'Số tiền (đồng) không được âm (khoản hoàn trả thì sửa lại dòng đóng góp)' },
    ]);
  });

  it('needs an amount for money and the goods for in-kind; the person is optional', () => {
    expect(errorsOf(checkRow(contributionRowSchema, { driveCode: 'VNN2026', unit: 'Khoa A', form: 'Tiền' }))).toEqual([
      { field: 'amount', message: 'Thiếu Số tiền (đồng) (đóng góp bằng tiền)' },
    ]);
    expect(errorsOf(checkRow(contributionRowSchema, { driveCode: 'SMT', unit: 'Khoa A', form: 'Hiện vật' }))[0]?.field).toBe('inKind');
    const goods = checkRow(contributionRowSchema, { driveCode: 'SMT', unit: 'Khoa A', inKind: '2 máy tính' });
    expect(goods.ok && goods.value.inKindValue).toBeUndefined();
    const person = checkRow(contributionRowSchema, { driveCode: 'VNN2026', unit: 'Khoa A', code: 'CB01', amount: 300000 });
    expect(person.ok).toBe(true);
  });
});

describe('dossier settings in the rule set', () => {
  it('defaults to no registration gate, CSTĐCS 80 and CSTĐ cấp tỉnh 90 of all council members, quorum 80', () => {
    expect(DEFAULT_RULE_SET.dossier).toEqual({
      registrationGate: 'off',
      registrationGateAwards: false,
      registrationDeadline: null,
      voteThresholds: { CSTDCS: 80, CSTD_TINH: 90 },
      voteDenominator: 'council-members',
      voteQuorumPct: 80,
      movementsInUnitYear: 'off',
    });
    expect(DEFAULT_DOSSIER_SETTINGS).toEqual(DEFAULT_RULE_SET.dossier);
  });

  it('fills the settings into a rule set stored before they existed', () => {
    const { dossier: _, ...stored } = DEFAULT_RULE_SET;
    expect(ruleSetSchema.parse(JSON.parse(JSON.stringify(stored))).dossier).toEqual(DEFAULT_DOSSIER_SETTINGS);
  });

  it('refuses a deadline that is not MM-DD', () => {
    expect(dossierSettingsSchema.safeParse({ registrationDeadline: '31/03' }).success).toBe(false);
    expect(dossierSettingsSchema.parse({ registrationDeadline: '03-31' }).registrationDeadline).toBe('03-31');
  });
});
