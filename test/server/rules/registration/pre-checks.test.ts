import { describe, expect, it } from 'vitest';
import { DEFAULT_DOSSIER_SETTINGS } from '../../../../server/contract/dossier-settings.ts';
import { duplicateMessage, duplicateRegistrations } from '../../../../server/rules/registration/duplicates.ts';
import { pledgeRate } from '../../../../server/rules/registration/pledge-rate.ts';
import { lateRegistration, registrationDateIssue, registrationWarnings } from '../../../../server/rules/registration/pre-checks.ts';
import { Y, registration } from './helpers.ts';

const cstdcs = (year: number) => ({ year, level: 'HTXS' as const, titles: ['LDTT' as const, 'CSTDCS' as const] });
const provincial = { title: 'Quy trình mới', level: 'tinh' as const, recognisedOn: `${Y - 1}-03-01` };
const settings = DEFAULT_DOSSIER_SETTINGS;

describe('pre-checks written back on a registration (REG-2)', () => {
  it('warns a CSTĐ cấp tỉnh registration without CSTĐCS in both years before, and without a provincial initiative', () => {
    const warnings = registrationWarnings(Y, { registration: registration('CSTD_TINH'), history: [cstdcs(Y - 1)], initiatives: [], recruitedOn: null }, settings);
    expect(warnings).toEqual([
      'Chưa có CSTĐCS liên tục 2 năm liền trước (2024, 2025; năm 2026 phải là năm thứ 3) (Luật TĐKT Điều 22)',
      'Cần sáng kiến cấp tỉnh trong năm (chưa có sáng kiến được công nhận cấp tỉnh từ 2024 đến nay; Luật TĐKT Điều 22)',
    ]);
  });

  it('has nothing to say when both years and the initiative are known', () => {
    const input = { registration: registration('CSTD_TINH'), history: [cstdcs(Y - 2), cstdcs(Y - 1)], initiatives: [provincial], recruitedOn: null };
    expect(registrationWarnings(Y, input, settings)).toEqual([]);
  });

  it('warns a Bằng khen registration whose year before has neither CSTĐCS nor HTXS', () => {
    const reg = registration(null, { awardRegistered: 'BANG_KHEN_TINH' });
    const warnings = registrationWarnings(Y, { registration: reg, history: [{ year: Y - 1, level: 'HTT', titles: ['LDTT'] }], initiatives: [provincial], recruitedOn: null }, settings);
    expect(warnings[0]).toBe('Năm 2025 chưa CSTĐCS/HTXS (cần 2 năm liên tục 2025, 2026; Luật TĐKT Điều 74 khoản 1 điểm d)');
    expect(warnings[1]).toBe('Cần 2 sáng kiến được công nhận trong các năm 2025, 2026 (hiện có 1; Luật TĐKT Điều 74 khoản 1 điểm d)');
    const htxs = registrationWarnings(Y, { registration: reg, history: [{ year: Y - 1, level: 'HTXS', titles: [] }], initiatives: [provincial, provincial], recruitedOn: null }, settings);
    expect(htxs).toEqual([]);
  });

  it('flags a registration after the deadline for someone recruited before it', () => {
    expect(lateRegistration(Y, `${Y}-04-02`, '2010-01-01', '03-31')).toBe('Đăng ký muộn (hạn 31/03; registrationDeadline, quy chế đơn vị)');
    expect(lateRegistration(Y, `${Y}-03-31`, '2010-01-01', '03-31')).toBeNull();
  });

  it('never calls someone recruited in May late for a March deadline (REG-7.4)', () => {
    expect(lateRegistration(Y, `${Y}-05-15`, `${Y}-05-04`, '03-31')).toBeNull();
    const reg = registration('LDTT', { registeredOn: `${Y}-05-15` });
    expect(registrationWarnings(Y, { registration: reg, history: [], initiatives: [], recruitedOn: `${Y}-05-04` }, { registrationDeadline: '03-31' })).toEqual([]);
  });

  it('has no deadline by default (no source gives one)', () => {
    expect(lateRegistration(Y, `${Y}-11-30`, null, settings.registrationDeadline)).toBeNull();
  });

  it('wants the date in the year or in December of the year before', () => {
    expect(registrationDateIssue(Y, `${Y - 1}-12-20`)).toBeNull();
    expect(registrationDateIssue(Y, `${Y}-12-31`)).toBeNull();
    expect(registrationDateIssue(Y, `${Y - 1}-11-30`)).toBe('Ngày đăng ký 30/11/2025 phải trong năm 2026 hoặc tháng 12/2025');
    expect(registrationDateIssue(Y, null)).toBeNull();
  });
});

describe('one registration per holder and year (REG-7.9)', () => {
  it('reports both rows of one person registered twice, by staff code across units', () => {
    const rows = [
      { ref: 5, holder: 'person' as const, code: 'CB01', name: 'Lò Văn A', unit: 'Khoa A' },
      { ref: 6, holder: 'person' as const, code: 'CB02', name: 'Lò Văn B', unit: 'Khoa A' },
      { ref: 9, holder: 'person' as const, code: 'cb01', name: 'Lò Văn A', unit: 'Khoa B' },
      { ref: 10, holder: 'unit' as const, unit: 'Khoa A' },
    ];
    const groups = duplicateRegistrations(rows);
    expect(groups).toEqual([[5, 9]]);
    expect(duplicateMessage(groups[0]!)).toBe('Trùng đăng ký: một người (hoặc tập thể) chỉ đăng ký một dòng mỗi năm (các dòng 5, 9)');
  });

  it('keys a person without a code by name within the unit, and a collective by its unit', () => {
    const rows = [
      { ref: 1, holder: 'person' as const, name: 'Lò Văn A', unit: 'Khoa A' },
      { ref: 2, holder: 'person' as const, name: 'lò văn a', unit: 'Khoa B' },
      { ref: 3, holder: 'unit' as const, unit: 'Khoa A' },
      { ref: 4, holder: 'unit' as const, unit: ' khoa a ' },
    ];
    expect(duplicateRegistrations(rows)).toEqual([[3, 4]]);
  });
});

describe('Tỷ lệ đạt of a pledge (REG-5)', () => {
  it('is Kết quả / Kế hoạch in per cent, half up to one decimal', () => {
    expect(pledgeRate(12, 13)).toBe(108.3);
    expect(pledgeRate(3, 2)).toBe(66.7);
    expect(pledgeRate(8, 1)).toBe(12.5);
    expect(pledgeRate(2.5, 2.5)).toBe(100);
  });

  it('is blank, not ∞ and not 0, when Kế hoạch is 0 or either is blank (REG-7.10)', () => {
    expect(pledgeRate(0, 5)).toBeNull();
    expect(pledgeRate(0, 0)).toBeNull();
    expect(pledgeRate(null, 5)).toBeNull();
    expect(pledgeRate(10, null)).toBeNull();
  });
});
