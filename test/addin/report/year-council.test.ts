import { describe, expect, it } from 'vitest';
import { titleChoiceText, yearOfPeriod } from '../../../addin/actions/year-decisions.ts';
import { proposalChoices, yearCouncilView, yearTieRuns } from '../../../addin/report/year-council.ts';
import { sampleProposals, sampleResults } from './year-data.ts';

describe('the year part of the council section', () => {
  it('names the yearly tie runs of people and of units, with the places the quota leaves', () => {
    const results = sampleResults();
    results.quotas.people[0] = { ...results.quotas.people[0]!, allowed: 3, used: 1, tieCodes: ['CB003', 'CB999'] };
    results.quotas.units.push({ group: 'Khoa, phòng', unit: null, dutyGroup: null, rate: 20, denominator: 'htt-only', candidates: 5, allowed: 1, used: 1, tieCodes: ['Khoa Lý luận cơ sở'] });
    const runs = yearTieRuns(results);
    expect(runs).toEqual([
      {
        subject: 'person', group: 'Giảng viên', allowed: 3, used: 1, left: 2,
        members: [
          { code: 'CB003', name: 'Hà Văn Tuấn', unit: 'Khoa Lý luận cơ sở', score: 85, level: 'HTT' },
          // A code the year's rows do not hold keeps an empty name rather than vanishing from the run.
          { code: 'CB999', name: '', unit: '', score: null, level: null },
        ],
      },
      {
        subject: 'unit', group: 'Khoa, phòng', allowed: 1, used: 1, left: 0,
        members: [{ code: 'Khoa Lý luận cơ sở', name: 'Khoa Lý luận cơ sở', unit: '', score: 88, level: 'HTT' }],
      },
    ]);
  });

  it('has no run for a group without a tie', () => {
    const results = sampleResults();
    results.quotas.people[0]!.tieCodes = [];
    expect(yearTieRuns(results)).toEqual([]);
  });

  it('offers every eligible title not yet withdrawn, and lists the withdrawals with their reasons', () => {
    const proposals = sampleProposals();
    const person = proposals.people[0]!;
    person.proposals[1] = { ...person.proposals[1]!, vote: 'pending' };
    person.proposals[0] = { ...person.proposals[0]!, withdrawn: { reason: 'Đang xác minh', decidedBy: 1, decidedAt: '2022-01-12T00:00:00Z' } };
    proposals.units[0]!.proposals[0]!.eligible = true;
    proposals.withdrawals = [
      { holder: 'person', key: 'CB001', title: 'LDTT', reason: 'Đang xác minh', decidedBy: 1, decidedAt: '2022-01-12T00:00:00Z' },
    ];
    const { proposals: choices, withdrawals } = proposalChoices(proposals);
    expect(choices).toEqual([
      { holder: 'person', key: 'CB001', name: 'Lò Văn Long', unit: 'Phòng Đào tạo', title: 'CSTDCS', label: 'Chiến sĩ thi đua cơ sở', pendingVote: true },
      { holder: 'unit', key: 'Khoa Lý luận cơ sở', name: 'Khoa Lý luận cơ sở', unit: '', title: 'TT_LDTT', label: 'Tập thể lao động tiên tiến', pendingVote: false },
    ]);
    expect(withdrawals).toEqual([
      { holder: 'person', key: 'CB001', name: 'Lò Văn Long', title: 'LDTT', label: 'Lao động tiên tiến', reason: 'Đang xác minh', decidedAt: '2022-01-12T00:00:00Z' },
    ]);
    expect(titleChoiceText(choices[0]!)).toBe('CB001 Lò Văn Long — CSTĐCS');
    expect(titleChoiceText(choices[1]!)).toBe('Khoa Lý luận cơ sở — Tập thể LĐTT');
  });

  it('gathers the year state with its ties and choices', () => {
    const view = yearCouncilView(sampleResults(), sampleProposals());
    expect(view).toMatchObject({ year: '2021', finalised: false, rate: 20, unitRate: 20, people: 4, units: 1 });
    expect(view.ties.map((r) => [r.subject, r.group, r.left])).toEqual([['person', 'Giảng viên', 0]]);
    expect(view.proposals.map((p) => `${p.key}:${p.title}`)).toEqual(['CB001:LDTT', 'CB001:CSTDCS']);
  });

  it('reads the year from the box as a year or a month, nothing else', () => {
    expect(yearOfPeriod(' 2023 ')).toBe('2023');
    expect(yearOfPeriod('2023-10')).toBe('2023');
    expect(yearOfPeriod('năm ngoái')).toBeNull();
    expect(yearOfPeriod('10/2023')).toBeNull();
  });
});
