import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../../server/contract/rule-set.ts';
import {
  proposePersonTitles,
  recruitmentCutoff,
  type PersonTitle,
  type TitlePersonInput,
} from '../../../../server/rules/index.ts';

const Y = 2025;

function person(extra: Partial<TitlePersonInput> = {}): TitlePersonInput {
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

function proposal(input: TitlePersonInput, title: PersonTitle) {
  return proposePersonTitles(Y, input, DEFAULT_RULE_SET).proposals.find((p) => p.title === title)!;
}

const eligible = (input: TitlePersonInput, title: PersonTitle) => proposal(input, title).eligible;

describe('Lao động tiên tiến', () => {
  it('proposes a person rated HTT, recruited long ago, with no discipline', () => {
    const p = proposal(person(), 'LDTT');
    expect(p).toMatchObject({ label: 'Lao động tiên tiến', eligible: true });
    expect(p.reasons).toEqual([
      'Đạt: năm 2025 xếp loại Hoàn thành tốt nhiệm vụ (cần từ Hoàn thành tốt nhiệm vụ trở lên, Luật TĐKT Điều 24)',
      'Đạt: tuyển dụng ngày 01/09/2015, đủ 6 tháng (tối thiểu 6 tháng đến 31/12/2025 theo «Mặc định (QĐ 366, NĐ 335)», TT 01/2024/TT-BNV)',
      'Đạt: không bị kỷ luật trong năm 2025',
      'Đạt: không đang bị xem xét kỷ luật trong năm 2025',
    ]);
  });

  it('blocks HT and below, and NONE', () => {
    expect(eligible(person({ level: 'HT' }), 'LDTT')).toBe(false);
    expect(proposal(person({ level: 'NONE' }), 'LDTT').reasons[0]).toMatch(/^Không đạt: năm 2025 không xếp loại/);
  });

  it('counts a person recruited on 1 July (July–December is 6 months) but not on 2 July', () => {
    expect(recruitmentCutoff(Y, 6)).toBe('2025-07-01');
    expect(eligible(person({ recruitedOn: '2025-07-01' }), 'LDTT')).toBe(true);
    const late = proposal(person({ recruitedOn: '2025-07-02' }), 'LDTT');
    expect(late.eligible).toBe(false);
    expect(late.reasons[1]).toMatch(/^Không đạt: tuyển dụng ngày 02\/07\/2025, chưa đủ 6 tháng/);
  });

  it('does not block on an unknown recruitment date, and says so', () => {
    const p = proposal(person({ recruitedOn: null }), 'LDTT');
    expect(p.eligible).toBe(true);
    expect(p.reasons[1]).toMatch(/^Đạt: chưa có ngày tuyển dụng, coi như đủ thời gian công tác/);
  });

  it('blocks any discipline and a pending discipline case in the year', () => {
    const disciplined = proposal(person({ disciplines: ['khiển trách'] }), 'LDTT');
    expect(disciplined.eligible).toBe(false);
    expect(disciplined.reasons[2]).toBe('Không đạt: bị kỷ luật trong năm 2025 (khiển trách)');
    expect(eligible(person({ pendingDisciplineCase: true }), 'LDTT')).toBe(false);
  });
});

describe('Chiến sĩ thi đua cơ sở', () => {
  it('proposes an LĐTT rated HTXS, leaving the council vote to the dossier (RULES.md §11.2)', () => {
    const p = proposal(person({ level: 'HTXS' }), 'CSTDCS');
    expect(p.eligible).toBe(true);
    expect(p.reasons).toContain('Đạt: xếp loại Hoàn thành xuất sắc nhiệm vụ năm 2025 (Luật TĐKT Điều 23)');
    expect(p.reasons.filter((r) => r.includes('biểu quyết'))).toEqual([]);
  });

  it('proposes an LĐTT rated HTT with an initiative recognised in the year, or a research topic accepted in it', () => {
    const initiative = { title: 'Số hoá hồ sơ', level: 'co-so' as const, recognisedOn: '2025-05-12' };
    expect(eligible(person({ initiatives: [initiative] }), 'CSTDCS')).toBe(true);
    expect(eligible(person({ researchTopics: [{ title: 'Đề tài X', acceptedOn: '2025-11-30' }] }), 'CSTDCS')).toBe(true);
  });

  it('does not count an initiative of an earlier year', () => {
    const p = proposal(person({ initiatives: [{ title: 'Cũ', level: 'co-so', recognisedOn: '2024-12-31' }] }), 'CSTDCS');
    expect(p.eligible).toBe(false);
    expect(p.reasons[1]).toMatch(/^Không đạt: không có HTXS, sáng kiến được công nhận hay đề tài được nghiệm thu trong năm 2025/);
  });

  it('is never proposed without LĐTT, even when rated HTXS', () => {
    expect(eligible(person({ level: 'HTXS', disciplines: ['khiển trách'] }), 'CSTDCS')).toBe(false);
  });
});

describe('Chiến sĩ thi đua cấp tỉnh (3 consecutive years of CSTĐCS ending with Y)', () => {
  const provincial = { title: 'Quy trình mới', level: 'tinh' as const, recognisedOn: '2024-03-01' };
  const twoYears = [
    { year: 2023, level: 'HTXS' as const, titles: ['LDTT', 'CSTDCS'] as PersonTitle[] },
    { year: 2024, level: 'HTXS' as const, titles: ['LDTT', 'CSTDCS'] as PersonTitle[] },
  ];

  it('proposes CSTĐCS 2023, 2024 and this year with a province-level initiative', () => {
    const p = proposal(person({ level: 'HTXS', history: twoYears, initiatives: [provincial] }), 'CSTD_TINH');
    expect(p.eligible).toBe(true);
    expect(p.reasons[0]).toBe('Đạt: Chiến sĩ thi đua cơ sở 3 năm liên tục 2023, 2024, 2025 (Luật TĐKT Điều 22)');
  });

  it('does not propose it with only cơ sở initiatives', () => {
    const local = { ...provincial, level: 'co-so' as const };
    const p = proposal(person({ level: 'HTXS', history: twoYears, initiatives: [local] }), 'CSTD_TINH');
    expect(p.eligible).toBe(false);
    expect(p.reasons[1]).toMatch(/^Không đạt: không có sáng kiến được công nhận cấp tỉnh trở lên/);
  });

  it('does not propose it across a gap year', () => {
    const gap = [twoYears[0]!, { year: 2024, level: 'HTT' as const, titles: ['LDTT'] as PersonTitle[] }];
    const p = proposal(person({ level: 'HTXS', history: gap, initiatives: [provincial] }), 'CSTD_TINH');
    expect(p.eligible).toBe(false);
    expect(p.reasons[0]).toBe(
      'Không đạt: cần Chiến sĩ thi đua cơ sở 3 năm liên tục 2023, 2024, 2025, thiếu năm 2024 (Luật TĐKT Điều 22)',
    );
  });

  it("counts this year's own CSTĐCS proposal: HTT with this year's initiative qualifies, HT does not", () => {
    const thisYear = { ...provincial, recognisedOn: '2025-03-01' };
    expect(eligible(person({ level: 'HTT', history: twoYears, initiatives: [thisYear] }), 'CSTD_TINH')).toBe(true);
    expect(eligible(person({ level: 'HTT', history: twoYears, initiatives: [provincial] }), 'CSTD_TINH')).toBe(false);
    expect(eligible(person({ level: 'HT', history: twoYears, initiatives: [thisYear] }), 'CSTD_TINH')).toBe(false);
  });
});

describe('Bằng khen của Chủ tịch UBND tỉnh', () => {
  const two = [
    { title: 'SK 1', level: 'co-so' as const, recognisedOn: '2024-06-01' },
    { title: 'SK 2', level: 'co-so' as const, recognisedOn: '2025-06-01' },
  ];

  it('proposes 2 consecutive years of CSTĐCS with 2 initiatives in them', () => {
    const history = [{ year: 2024, level: 'HTT' as const, titles: ['LDTT', 'CSTDCS'] as PersonTitle[] }];
    const p = proposal(person({ level: 'HTT', history, initiatives: two }), 'BANG_KHEN_TINH');
    expect(p.eligible).toBe(true);
    expect(p.reasons[0]).toBe('Đạt: Chiến sĩ thi đua cơ sở 2 năm liên tục 2024, 2025 (Luật TĐKT Điều 74 khoản 1 điểm d)');
  });

  it('proposes 2 consecutive years of HTXS with 2 initiatives, without CSTĐCS last year', () => {
    const history = [{ year: 2024, level: 'HTXS' as const, titles: [] }];
    const p = proposal(person({ level: 'HTXS', history, initiatives: two }), 'BANG_KHEN_TINH');
    expect(p.eligible).toBe(true);
    expect(p.reasons[0]).toBe('Đạt: Hoàn thành xuất sắc nhiệm vụ 2 năm liên tục 2024, 2025 (Luật TĐKT Điều 74 khoản 1 điểm d)');
  });

  it('needs 2 initiatives in those two years: one, or one from 2023, is not enough', () => {
    const history = [{ year: 2024, level: 'HTXS' as const, titles: [] }];
    const older = [{ ...two[0]!, recognisedOn: '2023-06-01' }, two[1]!];
    const p = proposal(person({ level: 'HTXS', history, initiatives: older }), 'BANG_KHEN_TINH');
    expect(p.eligible).toBe(false);
    expect(p.reasons[1]).toMatch(/^Không đạt: 1 sáng kiến được công nhận trong các năm 2024, 2025/);
  });

  it('does not propose one good year', () => {
    expect(eligible(person({ level: 'HTXS', initiatives: two }), 'BANG_KHEN_TINH')).toBe(false);
  });
});

describe('Giấy khen', () => {
  it('lists HTT or above as "đủ điều kiện xem xét" for the council', () => {
    const p = proposal(person({ level: 'HTT' }), 'GIAY_KHEN');
    expect(p.eligible).toBe(true);
    expect(p.reasons.at(-1)).toBe('Đủ điều kiện xem xét: thành tích do Hội đồng đánh giá');
    expect(eligible(person({ level: 'HT' }), 'GIAY_KHEN')).toBe(false);
  });
});

describe('dates', () => {
  it('rejects a date that is not YYYY-MM-DD', () => {
    expect(() => proposePersonTitles(Y, person({ recruitedOn: '01/07/2025' }), DEFAULT_RULE_SET)).toThrow(RangeError);
  });
});
