import { describe, expect, it } from 'vitest';
import { DEFAULT_DOSSIER_SETTINGS, type DossierSettings } from '../../../../server/contract/dossier-settings.ts';
import { DEFAULT_RULE_SET } from '../../../../server/contract/rule-set.ts';
import { proposePersonTitles, type TitlePersonInput } from '../../../../server/rules/index.ts';
import { applyVote } from '../../../../server/rules/votes/apply-votes.ts';
import { voteOutcome } from '../../../../server/rules/votes/vote-rule.ts';

const NAME = DEFAULT_RULE_SET.name;
const S = DEFAULT_DOSSIER_SETTINGS;
const vote = (agree: number, members: number, present: number | null = null, unitStaff: number | null = null) => ({ agree, members, present, unitStaff });

describe('the council vote (DOC-2)', () => {
  it('passes CSTĐCS at 80% of all members by default, in whole numbers: 8 of 10 passes, 7 of 9 does not', () => {
    expect(voteOutcome('CSTDCS', vote(8, 10), S, NAME).passed).toBe(true);
    // 7/9 = 77.8 %: 100 × 7 = 700 < 80 × 9 = 720.
    const failed = voteOutcome('CSTDCS', vote(7, 9), S, NAME);
    expect(failed).toMatchObject({ required: true, threshold: 80, denominator: 9, agreePct: 77.8, passed: false });
    expect(failed.reasons[0]).toBe(
      `Không đạt: Hội đồng biểu quyết 7/9 phiếu đồng ý (77,8%), cần ≥ 80% tổng số thành viên Hội đồng (voteThresholds, voteDenominator = council-members, «${NAME}»; ` +
        'nguồn: NĐ 98/2023 Điều 30 khoản 7, đã hết hiệu lực từ 01/7/2025; quy định tương ứng của NĐ 152/2025 chưa xác nhận)',
    );
  });

  it('needs 90% for CSTĐ cấp tỉnh: 9 of 10 passes, 17 of 19 does not', () => {
    expect(voteOutcome('CSTD_TINH', vote(9, 10), S, NAME).passed).toBe(true);
    expect(voteOutcome('CSTD_TINH', vote(17, 19), S, NAME).passed).toBe(false);
  });

  it('passes exactly at the threshold with no rounding: 4 of 5 is 80%', () => {
    expect(voteOutcome('CSTDCS', vote(4, 5), S, NAME).passed).toBe(true);
    expect(voteOutcome('CSTDCS', vote(3, 5), { ...S, voteThresholds: { CSTDCS: 61 } }, NAME).passed).toBe(false);
  });

  it('asks no vote for other titles by default, and shows one given without deciding anything', () => {
    const o = voteOutcome('LDTT', vote(2, 10), S, NAME);
    expect(o).toMatchObject({ required: false, passed: null });
    expect(o.reasons[0]).toMatch(/danh hiệu này không cần biểu quyết theo voteThresholds/);
  });

  it('takes the share of the members present, or of the collective’s staff, when the setting says so', () => {
    const present: DossierSettings = { ...S, voteDenominator: 'present' };
    expect(voteOutcome('CSTDCS', vote(7, 10, 8), present, NAME).passed).toBe(true);
    expect(voteOutcome('CSTDCS', vote(7, 10), present, NAME)).toMatchObject({ passed: null, denominator: null });
    const staff: DossierSettings = { ...S, voteDenominator: 'staff-of-unit', voteThresholds: { TT_LDXS: 80 } };
    expect(voteOutcome('TT_LDXS', vote(9, 10, null, 12), staff, NAME).passed).toBe(false);
    expect(voteOutcome('TT_LDXS', vote(10, 10, null, 12), staff, NAME).passed).toBe(true);
  });

  it('warns, never refuses, when fewer than 80% of the members sat', () => {
    const low = voteOutcome('CSTDCS', vote(7, 10, 7), S, NAME);
    expect(low.passed).toBe(false);
    expect(low.warnings).toEqual([
      'Phiên họp xét khen thưởng cần ít nhất 80% thành viên dự (có 7/10; quy định tỉnh Bắc Ninh, voteQuorumPct; kiểm tra quy định của tỉnh)',
    ]);
    expect(voteOutcome('CSTDCS', vote(8, 10, 8), S, NAME).warnings).toEqual([]);
    expect(voteOutcome('CSTDCS', vote(8, 10, 2), { ...S, voteQuorumPct: null }, NAME).warnings).toEqual([]);
  });

  it('refuses counts the contract refuses (A > N, N = 0)', () => {
    expect(() => voteOutcome('CSTDCS', vote(11, 10), S, NAME)).toThrow(RangeError);
    expect(() => voteOutcome('CSTDCS', vote(0, 0), S, NAME)).toThrow(RangeError);
  });
});

describe('a title needing a vote and lacking it stays proposed, pending the vote (RULES.md §6)', () => {
  const hx: TitlePersonInput = {
    key: 'GV01', unit: 'Khoa A', recruitedOn: '2015-09-01', level: 'HTXS', disciplines: [], pendingDisciplineCase: false, initiatives: [], researchTopics: [], history: [],
  };
  const cstdcs = proposePersonTitles(2026, hx, DEFAULT_RULE_SET).proposals.find((p) => p.title === 'CSTDCS')!;
  const ldtt = proposePersonTitles(2026, hx, DEFAULT_RULE_SET).proposals.find((p) => p.title === 'LDTT')!;

  it('keeps an eligible CSTĐCS eligible, marked pending, with a reason naming the setting', () => {
    const p = applyVote(cstdcs, null, S, NAME);
    expect(p.eligible).toBe(true);
    expect(p.vote).toBe('pending');
    expect(p.reasons.at(-1)).toMatch(/^Chưa có kết quả biểu quyết của Hội đồng \(cần ≥ 80%, voteThresholds .*NĐ 98\/2023 Điều 30 khoản 7, đã hết hiệu lực.*\): danh hiệu vẫn ở trạng thái đề nghị, chờ Hội đồng biểu quyết$/);
  });

  it('makes it not eligible when the recorded vote fails, and keeps it when it passes', () => {
    expect(applyVote(cstdcs, vote(6, 10), S, NAME)).toMatchObject({ eligible: false, vote: 'failed' });
    expect(applyVote(cstdcs, vote(9, 10), S, NAME)).toMatchObject({ eligible: true, vote: 'passed' });
  });

  it('never makes an ineligible title eligible by a vote', () => {
    expect(applyVote({ ...cstdcs, eligible: false }, vote(10, 10), S, NAME).eligible).toBe(false);
  });

  it('needs no vote for LĐTT by default', () => {
    expect(applyVote(ldtt, null, S, NAME)).toEqual({ ...ldtt, vote: 'none', warnings: [] });
  });
});
