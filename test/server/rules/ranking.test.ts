import { describe, expect, it } from 'vitest';
import { rankMonth } from '../../../server/rules/index.ts';

describe('rankMonth', () => {
  it('gives equal scores one rank and skips the next (1, 2, 2, 4)', () => {
    const rows = [95, 93, 93, 91].map((score) => ({ unit: 'Khoa A', score }));
    expect(rankMonth(rows)).toEqual({ rankInUnit: [1, 2, 2, 4], rankInOrg: [1, 2, 2, 4] });
  });

  it('ranks within each unit and across the organisation, in input order', () => {
    const rows = [
      { unit: 'Khoa A', score: 80 },
      { unit: 'Khoa B', score: 90 },
      { unit: 'Khoa A', score: 85 },
      { unit: 'Khoa B', score: 70 },
    ];
    expect(rankMonth(rows)).toEqual({ rankInUnit: [2, 1, 1, 2], rankInOrg: [3, 1, 2, 4] });
  });

  it('matches unit names as the contract does (case, spacing, Unicode form)', () => {
    const rows = [
      { unit: 'Khoa Lý luận', score: 80 },
      { unit: '  khoa  lý luận ', score: 90 },
      { unit: 'Khoa Ly\u0301 luận', score: 85 },
    ];
    expect(rankMonth(rows).rankInUnit).toEqual([3, 1, 2]);
  });

  it('leaves rows without a score unranked and does not count them', () => {
    const rows = [
      { unit: 'Khoa A', score: null },
      { unit: 'Khoa A', score: 70 },
      { unit: 'Khoa A', score: 90 },
    ];
    expect(rankMonth(rows)).toEqual({ rankInUnit: [null, 2, 1], rankInOrg: [null, 2, 1] });
  });

  it('treats 89.9 and 90 as different scores and float noise as equal', () => {
    const rows = [89.9, 90, 0.1 + 64.1 + 25.8].map((score) => ({ unit: 'Khoa A', score }));
    expect(rankMonth(rows).rankInOrg).toEqual([3, 1, 1]);
  });
});
