import { describe, expect, it } from 'vitest';
import { DEFAULT_DOSSIER_SETTINGS } from '../../../../server/contract/dossier-settings.ts';
import { DEFAULT_RULE_SET } from '../../../../server/contract/rule-set.ts';
import { buildProposalLists, type ListPerson, type ListUnit } from '../../../../server/rules/dossier/proposal-list.ts';
import { proposeTitles, type TitlePersonInput } from '../../../../server/rules/index.ts';
import { applyVote } from '../../../../server/rules/votes/apply-votes.ts';

const Y = 2026;
const UNITS = ['Ban Giám hiệu', 'Khoa Lý luận cơ sở', 'Phòng Tổ chức - Hành chính'];

function input(key: string, unit: string, extra: Partial<TitlePersonInput> = {}): TitlePersonInput {
  return { key, unit, recruitedOn: '2015-09-01', level: 'HTT', disciplines: [], pendingDisciplineCase: false, initiatives: [], researchTopics: [], history: [], ...extra };
}

/** Proposals from the real rules, with the council's votes applied as the dossier will. */
function build(
  people: { key: string; name: string; unit: string; sex?: 'nam' | 'nu'; extra?: Partial<TitlePersonInput>; vote?: number; leftOn?: string }[],
  units: { key: string; level: 'HTXS' | 'HTT' | 'HT' }[] = [],
): { people: ListPerson[]; collectives: ListUnit[] } {
  const titles = proposeTitles(Y, people.map((p) => input(p.key, p.unit, p.extra)), units, DEFAULT_RULE_SET);
  return {
    people: people.map((p, i) => ({
      key: p.key,
      name: p.name,
      sex: p.sex ?? null,
      position: 'Giảng viên',
      unit: p.unit,
      leftOn: p.leftOn ?? null,
      proposals: titles.people[i]!.proposals.map((pr) =>
        applyVote(pr, p.vote === undefined ? null : { agree: p.vote, members: 10, present: null }, DEFAULT_DOSSIER_SETTINGS, DEFAULT_RULE_SET.name),
      ),
    })),
    collectives: titles.units.map((u) => ({ key: u.key, proposals: u.proposals })),
  };
}

const list = (data: ReturnType<typeof build>, withdrawals: Parameters<typeof buildProposalLists>[0]['withdrawals'] = []) =>
  buildProposalLists({ year: Y, organisation: 'Trường Chính trị tỉnh Sơn La', units: UNITS, withdrawals, ...data })[0]!;

describe('Danh sách đề nghị khen thưởng (DOC-1)', () => {
  it('writes the title rows and the signature places', () => {
    const l = list(build([{ key: 'A', name: 'Lò Văn An', unit: UNITS[1]! }]));
    expect(l.titleRows).toEqual([
      'TRƯỜNG CHÍNH TRỊ TỈNH SƠN LA',
      'DANH SÁCH ĐỀ NGHỊ XÉT TẶNG DANH HIỆU THI ĐUA, HÌNH THỨC KHEN THƯỞNG NĂM 2026',
      '(Kèm theo Tờ trình số …/TTr-… ngày … tháng … năm …)',
    ]);
    expect(l.signatures).toEqual(['NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ']);
  });

  it('orders a block by unit, then Vietnamese collation of the given name, then the full name', () => {
    const data = build([
      { key: 'P1', name: 'Nguyễn Thị Đào', unit: UNITS[1]! },
      { key: 'P2', name: 'Trần Văn Anh', unit: UNITS[2]! },
      { key: 'P3', name: 'Lò Thị Dung', unit: UNITS[1]! },
      { key: 'P4', name: 'Vũ Thị Ánh', unit: UNITS[1]! },
      { key: 'P5', name: 'Hà Văn Ánh', unit: UNITS[1]! },
      { key: 'P6', name: 'Cầm Văn Bình', unit: UNITS[0]! },
    ]);
    const ldtt = list(data).groups[0]!.blocks.find((b) => b.title === 'LDTT')!;
    expect(ldtt.rows.map((r) => [r.stt, r.name])).toEqual([
      [1, 'Cầm Văn Bình'],
      [2, 'Hà Văn Ánh'],
      [3, 'Vũ Thị Ánh'],
      [4, 'Lò Thị Dung'],
      [5, 'Nguyễn Thị Đào'],
      [6, 'Trần Văn Anh'],
    ]);
    expect(ldtt.footer).toBe('Tổng số: 6 cá nhân');
  });

  it('lists a holder once per track, under the highest title, with blocks highest first (DOC-8.1)', () => {
    const data = build([
      { key: 'X', name: 'Lò Văn Xuân', unit: UNITS[1]!, extra: { level: 'HTXS' }, vote: 9 },
      { key: 'Y', name: 'Lò Văn Yên', unit: UNITS[1]! },
    ]);
    const blocks = list(data).groups[0]!.blocks;
    expect(blocks.map((b) => b.heading)).toEqual([
      '1. Danh hiệu "Chiến sĩ thi đua cơ sở" (01 cá nhân)',
      '2. Danh hiệu "Lao động tiên tiến" (01 cá nhân)',
      '3. Hình thức khen thưởng "Giấy khen" (02 cá nhân)',
    ]);
    expect(blocks[0]!.rows[0]!.achievements).toMatch(/xếp loại Hoàn thành xuất sắc nhiệm vụ năm 2026/);
    expect(blocks[1]!.rows.map((r) => r.key)).toEqual(['Y']);
  });

  it('leaves a CSTĐCS pending the vote, or failing it, off the list and keeps the person under LĐTT', () => {
    const data = build([
      { key: 'P', name: 'Lò Văn Phúc', unit: UNITS[1]!, extra: { level: 'HTXS' } },
      { key: 'F', name: 'Lò Văn Phong', unit: UNITS[1]!, extra: { level: 'HTXS' }, vote: 5 },
    ]);
    const blocks = list(data).groups[0]!.blocks;
    expect(blocks.map((b) => b.title)).toEqual(['LDTT', 'GIAY_KHEN']);
    expect(blocks[0]!.rows.map((r) => r.key)).toEqual(['F', 'P']);
  });

  it('leaves out a holder the council withdrew for that title', () => {
    const data = build([{ key: 'A', name: 'Lò Văn An', unit: UNITS[1]! }]);
    const l = list(data, [{ holder: 'person', key: 'A', title: 'GIAY_KHEN', reason: 'Tự nguyện rút' }]);
    expect(l.groups[0]!.blocks.map((b) => b.title)).toEqual(['LDTT']);
  });

  it('puts collectives first as I and numbers people II; omits an empty group and renumbers (DOC-8.7)', () => {
    const members = Array.from({ length: 4 }, (_, i) => ({ key: `M${i}`, name: `Lò Văn ${'ABCD'[i]}`, unit: UNITS[1]! }));
    const withUnit = list(build(members, [{ key: UNITS[1]!, level: 'HTT' }]));
    expect(withUnit.groups.map((g) => `${g.numeral}. ${g.label}`)).toEqual(['I. TẬP THỂ', 'II. CÁ NHÂN']);
    expect(withUnit.groups[0]!.blocks[0]!.heading).toBe('1. Danh hiệu "Tập thể lao động tiên tiến" (01 tập thể)');
    const noUnit = list(build(members, [{ key: UNITS[1]!, level: 'HT' }]));
    expect(noUnit.groups.map((g) => `${g.numeral}. ${g.label}`)).toEqual(['I. CÁ NHÂN']);
    const nobody = list(build([{ key: 'Z', name: 'Lò Văn Z', unit: UNITS[1]!, extra: { level: 'HT' } }]));
    expect(nobody.groups).toEqual([]);
  });

  it('notes a holder who left the School (DOC-8.6) and keeps a long unit name whole (DOC-8.8)', () => {
    const long = 'Phòng Quản lý đào tạo, nghiên cứu khoa học và hợp tác quốc tế về lý luận chính trị';
    const l = list(build([{ key: 'L', name: 'Lò Văn Long', unit: long, leftOn: `${Y}-10-01`, sex: 'nam' }]));
    const row = l.groups[0]!.blocks[0]!.rows[0]!;
    expect(row).toMatchObject({ note: 'Đã chuyển công tác', unit: long, sex: 'Nam' });
  });

  it('splits by who decides: CSTĐ cấp tỉnh goes to the province while the CSTĐCS it needs stays with the head of the unit', () => {
    const data = build([{ key: 'X', name: 'Lò Văn Xuân', unit: UNITS[1]!, extra: { level: 'HTXS', history: [
      { year: Y - 2, level: 'HTXS', titles: ['LDTT', 'CSTDCS'] },
      { year: Y - 1, level: 'HTXS', titles: ['LDTT', 'CSTDCS'] },
    ], initiatives: [{ title: 'Sáng kiến T', level: 'tinh', recognisedOn: `${Y}-04-01` }] }, vote: 10 }]);
    const [own, upward] = buildProposalLists({ year: Y, organisation: 'Trường', units: UNITS, withdrawals: [], ...data }, { splitByAuthority: true });
    expect(own!.groups[0]!.blocks.map((b) => b.title)).toEqual(['CSTDCS', 'GIAY_KHEN']);
    expect(upward!.groups[0]!.blocks.map((b) => b.title)).toEqual(['CSTD_TINH']);
  });
});
