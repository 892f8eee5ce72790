import { describe, expect, it } from 'vitest';
import type { DecisionSheet, VoteSheet } from '../../../server/contract/dossier-sheets.ts';
import type { ProposalLists } from '../../../server/contract/proposal-list.ts';
import { DEFAULT_RULE_SET } from '../../../server/contract/rule-set.ts';
import { documentData, type DocxSources } from '../../../addin/docx/document-data.ts';

const listRow = (stt: number, holder: 'person' | 'unit', key: string, name: string, titleLabel: string) => ({
  stt, holder, key, name, sex: holder === 'person' ? 'Nữ' : '', position: holder === 'person' ? 'Giảng viên' : '', unit: holder === 'person' ? 'Khoa Lý luận cơ sở' : name,
  titleLabel, achievements: `HTXS năm 2023; sáng kiến «${name}»`, note: '',
});

function proposalList(): ProposalLists {
  return {
    year: '2023',
    finalised: false,
    lists: [
      {
        authority: 'all',
        titleRows: [],
        groups: [
          {
            numeral: 'I', holder: 'unit', label: 'TẬP THỂ',
            blocks: [{ number: 1, title: 'TT_LDTT', heading: '1. Danh hiệu "Tập thể lao động tiên tiến" (01 tập thể)', rows: [listRow(1, 'unit', 'Khoa Lý luận cơ sở', 'Khoa Lý luận cơ sở', 'Tập thể lao động tiên tiến')], footer: 'Tổng số: 1 tập thể' }],
          },
          {
            numeral: 'II', holder: 'person', label: 'CÁ NHÂN',
            blocks: [
              { number: 1, title: 'CSTDCS', heading: '1. Danh hiệu "Chiến sĩ thi đua cơ sở" (01 cá nhân)', rows: [listRow(1, 'person', 'CB001', 'Lò Văn Long', 'Chiến sĩ thi đua cơ sở')], footer: 'Tổng số: 1 cá nhân' },
              {
                number: 2, title: 'LDTT', heading: '2. Danh hiệu "Lao động tiên tiến" (02 cá nhân)',
                rows: [listRow(1, 'person', 'CB002', 'Cầm Thị Hương', 'Lao động tiên tiến'), listRow(2, 'person', 'CB003', 'Hà Văn Tuấn', 'Lao động tiên tiến')],
                footer: 'Tổng số: 2 cá nhân',
              },
            ],
          },
        ],
        signatures: [],
      },
    ],
  };
}

const vote = (code: string | null, name: string | null, unit: string | null, title: VoteSheet['rows'][number]['title'], members: number, agree: number, agreePct: number | null, passed: boolean | null): VoteSheet['rows'][number] => ({
  holder: code ? 'person' : 'unit', code, name, unit, title, members, present: members - 1, agree, note: null, agreePct, passed, reasons: [], warnings: [], version: 1, updatedAt: '2024-01-05T00:00:00Z',
});

const decision = (code: string | null, unit: string | null, title: DecisionSheet['rows'][number]['title'], achievementYear: number, decisionNo: string, decidedOn: string): DecisionSheet['rows'][number] => ({
  holder: code ? 'person' : 'unit', code, name: null, unit, title, achievementYear, decisionNo, decidedOn, issuer: 'Hiệu trưởng', goldBookNo: null, note: null, warnings: [], differsFromProposal: false, version: 1, updatedAt: '2024-01-20T00:00:00Z',
});

function sources(): DocxSources {
  return {
    year: '2023',
    organisation: 'Trường Chính trị tỉnh Sơn La',
    proposals: { finalised: true },
    proposalList: proposalList(),
    votes: {
      year: '2023', finalised: true, ruleSetVersion: 1,
      rows: [vote('CB001', 'Lò Văn Long', 'Khoa Lý luận cơ sở', 'CSTDCS', 9, 8, 88.9, true), vote(null, null, 'Khoa Lý luận cơ sở', 'TT_LDTT', 9, 5, null, null)],
    },
    registers: [
      // The register of 2023 holds a decision on 2022's achievements: not this year's annex.
      { year: '2023', finalised: false, rows: [decision('CB009', 'Khoa Lý luận cơ sở', 'LDTT', 2022, '5/QĐ-TCT', '2023-01-15')] },
      {
        year: '2024', finalised: false,
        rows: [
          decision('CB001', 'Khoa Lý luận cơ sở', 'LDTT', 2023, '12/QĐ-TCT', '2024-01-20'),
          decision('CB001', 'Khoa Lý luận cơ sở', 'CSTDCS', 2023, '12/QĐ-TCT', '2024-01-20'),
          decision('CB002', null, 'LDTT', 2023, '12/QĐ-TCT', '2024-01-20'),
          decision(null, 'Khoa Lý luận cơ sở', 'TT_LDTT', 2023, '13/QĐ-TCT', '2024-01-21'),
        ],
      },
    ],
    roster: {
      units: [{ name: 'Ban Giám hiệu' }, { name: 'Khoa Lý luận cơ sở' }],
      people: [
        { code: 'CB001', name: 'Lò Văn Long', unit: 'Khoa Lý luận cơ sở', dutyGroup: 'Giảng viên', title: 'Trưởng khoa' },
        { code: 'CB002', name: 'Cầm Thị Hương', unit: 'Ban Giám hiệu', dutyGroup: 'Lãnh đạo', title: null },
      ],
    },
    ruleSet: { ...DEFAULT_RULE_SET, rewards: { ...DEFAULT_RULE_SET.rewards, baseSalary: 2_340_000 } },
  };
}

describe('the values a Word template is filled with', () => {
  const today = new Date(2024, 0, 9);

  it('numbers the proposal list through its blocks, and keeps each block with its own rows', () => {
    const { data } = documentData(sources(), { values: {}, today });
    expect((data.DANH_SACH as any[]).map((r) => [r.STT, r.STT_KHOI, r.DOI_TUONG, r.HO_TEN, r.DANH_HIEU, r.NHOM])).toEqual([
      [1, 1, 'Tập thể', 'Khoa Lý luận cơ sở', 'Tập thể lao động tiên tiến', 'TẬP THỂ'],
      [2, 1, 'Cá nhân', 'Lò Văn Long', 'Chiến sĩ thi đua cơ sở', 'CÁ NHÂN'],
      [3, 1, 'Cá nhân', 'Cầm Thị Hương', 'Lao động tiên tiến', 'CÁ NHÂN'],
      [4, 2, 'Cá nhân', 'Hà Văn Tuấn', 'Lao động tiên tiến', 'CÁ NHÂN'],
    ]);
    expect((data.KHOI as any[]).map((b) => [b.SO_NHOM, b.TIEU_DE, b.TONG, b.DONG.map((r: any) => r.HO_TEN)])).toEqual([
      ['I', '1. Danh hiệu "Tập thể lao động tiên tiến" (01 tập thể)', 'Tổng số: 1 tập thể', ['Khoa Lý luận cơ sở']],
      ['II', '1. Danh hiệu "Chiến sĩ thi đua cơ sở" (01 cá nhân)', 'Tổng số: 1 cá nhân', ['Lò Văn Long']],
      ['II', '2. Danh hiệu "Lao động tiên tiến" (02 cá nhân)', 'Tổng số: 2 cá nhân', ['Cầm Thị Hương', 'Hà Văn Tuấn']],
    ]);
    expect(data).toMatchObject({ SO_CA_NHAN_DE_NGHI: 3, SO_TAP_THE_DE_NGHI: 1, NAM: '2023', TINH_TRANG_NAM: 'đã chốt' });
  });

  it('writes the vote table with the rate as a Vietnamese percentage and the result', () => {
    const { data } = documentData(sources(), { values: {}, today });
    expect(data.BANG_PHIEU).toEqual([
      { STT: 1, MA_CB: 'CB001', HO_TEN: 'Lò Văn Long', DON_VI: 'Khoa Lý luận cơ sở', DANH_HIEU: 'Chiến sĩ thi đua cơ sở', SO_THANH_VIEN: 9, SO_DU_HOP: 8, SO_DONG_Y: 8, TY_LE: '88,9%', KET_QUA: 'Đạt', GHI_CHU: '' },
      { STT: 2, MA_CB: '', HO_TEN: 'Khoa Lý luận cơ sở', DON_VI: 'Khoa Lý luận cơ sở', DANH_HIEU: 'Tập thể lao động tiên tiến', SO_THANH_VIEN: 9, SO_DU_HOP: 8, SO_DONG_Y: 5, TY_LE: '', KET_QUA: '', GHI_CHU: '' },
    ]);
  });

  it('annexes the year’s decided titles, collectives first, paying only a holder’s highest title (NĐ 152 Điều 49)', () => {
    const { data } = documentData(sources(), { values: {}, today });
    expect((data.DANH_SACH_KHEN_THUONG as any[]).map((r) => [r.STT, r.HO_TEN, r.CHUC_VU_DON_VI, r.DANH_HIEU, r.MUC_THUONG, r.SO_QUYET_DINH, r.NGAY_QUYET_DINH])).toEqual([
      // 0.8 × 2,340,000 = 1,872,000, rounded up to 10,000 đ.
      [1, 'Khoa Lý luận cơ sở', '', 'Tập thể lao động tiên tiến', '1.880.000', '13/QĐ-TCT', '21/01/2024'],
      [2, 'Lò Văn Long', 'Trưởng khoa, Khoa Lý luận cơ sở', 'Chiến sĩ thi đua cơ sở', '2.340.000', '12/QĐ-TCT', '20/01/2024'],
      [3, 'Cầm Thị Hương', 'Ban Giám hiệu', 'Lao động tiên tiến', '710.000', '12/QĐ-TCT', '20/01/2024'],
      [4, 'Lò Văn Long', 'Trưởng khoa, Khoa Lý luận cơ sở', 'Lao động tiên tiến', '0', '12/QĐ-TCT', '20/01/2024'],
    ]);
    expect((data.DANH_SACH_KHEN_THUONG as any[])[3].GHI_CHU).not.toBe('');
    expect(data).toMatchObject({ TONG_TIEN_THUONG: '4.930.000', SO_QUYET_DINH: '12/QĐ-TCT, 13/QĐ-TCT', LUONG_CO_SO: '2.340.000' });
  });

  it('takes the day and the user’s values, dots what the user did not give, and never lets --set hide the year’s data', () => {
    const { data, dotted, ignored } = documentData(sources(), { values: { SO_TO_TRINH: '15/TTr-TCT', NAM: '1999', SO_CONG_VAN: '7/CV' }, today });
    expect(data).toMatchObject({ NGAY_LAP: '09/01/2024', NGAY: '09', THANG: '01', NAM_LAP: '2024', SO_TO_TRINH: '15/TTr-TCT', SO_CONG_VAN: '7/CV', NAM: '2023', NGUOI_KY: '……' });
    expect(dotted).toEqual(['NGAY_TO_TRINH', 'DIA_DANH', 'NGUOI_KY', 'CHUC_VU_NGUOI_KY']);
    expect(ignored).toEqual(['NAM']);
    expect(data.TEN_CO_QUAN_IN_HOA).toBe('TRƯỜNG CHÍNH TRỊ TỈNH SƠN LA');
  });
});
