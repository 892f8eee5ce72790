import { describe, expect, it } from 'vitest';
import type { Level } from '../../../../server/contract/levels.ts';
import { DEFAULT_RULE_SET } from '../../../../server/contract/rule-set.ts';
import {
  atLeastPct,
  proposeTitles,
  type TitlePersonInput,
  type TitleUnitInput,
  type UnitTitle,
} from '../../../../server/rules/index.ts';

const Y = 2025;

function member(key: string, level: Level, extra: Partial<TitlePersonInput> = {}): TitlePersonInput {
  return {
    key,
    unit: 'Khoa A',
    recruitedOn: '2018-01-01',
    level,
    disciplines: [],
    pendingDisciplineCase: false,
    initiatives: [],
    researchTopics: [],
    history: [],
    ...extra,
  };
}

/** `ldtt` members rated HTT (LĐTT), the rest of `size` rated HT (not LĐTT); the first LĐTT is HTXS (CSTĐCS). */
function team(size: number, ldtt: number): TitlePersonInput[] {
  return Array.from({ length: size }, (_, i) => member(`M${i + 1}`, i === 0 && ldtt > 0 ? 'HTXS' : i < ldtt ? 'HTT' : 'HT'));
}

function unitProposal(people: TitlePersonInput[], title: UnitTitle, level: Level = 'HTT') {
  const unit: TitleUnitInput = { key: 'khoa a', level };
  const out = proposeTitles(Y, people, [unit], DEFAULT_RULE_SET).units[0]!;
  return { unit: out, proposal: out.proposals.find((p) => p.title === title)! };
}

describe('atLeastPct', () => {
  it('compares in whole numbers: 7 of 10 is 70%, 6 of 10 is not, none of none is not', () => {
    expect(atLeastPct(7, 10, 70)).toBe(true);
    expect(atLeastPct(6, 10, 70)).toBe(false);
    expect(atLeastPct(0, 0, 70)).toBe(false);
  });
});

describe('Tập thể lao động tiên tiến', () => {
  it('proposes a unit rated HTT with exactly 70% of members LĐTT (7 of 10), members matched by name', () => {
    const { unit, proposal } = unitProposal(team(10, 7), 'TT_LDTT');
    expect(unit).toMatchObject({ key: 'khoa a', members: 10, countedMembers: 10, ldttMembers: 7 });
    expect(proposal.eligible).toBe(true);
    expect(proposal.reasons[1]).toBe(
      'Đạt: 7/10 thành viên đủ điều kiện Lao động tiên tiến, cần ≥ 70% (10 thành viên tính tỷ lệ; «Mặc định (QĐ 366, NĐ 335)»)',
    );
  });

  it('does not propose 6 of 10', () => {
    expect(unitProposal(team(10, 6), 'TT_LDTT').proposal.eligible).toBe(false);
  });

  it('leaves a new recruit out of the member count: 7 of 10 old members still qualifies', () => {
    const recruit = member('NEW', 'NONE', { recruitedOn: '2025-10-01' });
    const { unit, proposal } = unitProposal([...team(10, 7), recruit], 'TT_LDTT');
    expect(unit).toMatchObject({ members: 11, countedMembers: 10, ldttMembers: 7 });
    expect(proposal.eligible).toBe(true);
    expect(proposal.reasons[1]).toContain('không tính 1 người tuyển dụng chưa đủ 6 tháng');
  });

  it('is not blocked by a khiển trách, but is by a cảnh cáo or heavier', () => {
    const reprimand = [...team(10, 7).slice(0, 9), member('M10', 'KHT', { disciplines: ['Khiển trách'] })];
    expect(unitProposal(reprimand, 'TT_LDTT').proposal.eligible).toBe(true);
    const warned = [...team(10, 7).slice(0, 9), member('M10', 'KHT', { disciplines: ['cảnh cáo'] })];
    const { proposal } = unitProposal(warned, 'TT_LDTT');
    expect(proposal.eligible).toBe(false);
    expect(proposal.reasons[2]).toBe('Không đạt: 1 thành viên bị kỷ luật từ cảnh cáo trở lên trong năm 2025 (M10)');
  });

  it('needs the unit itself rated HTT or above', () => {
    expect(unitProposal(team(10, 10), 'TT_LDTT', 'HT').proposal.eligible).toBe(false);
  });
});

describe('Tập thể lao động xuất sắc', () => {
  it('proposes a unit rated HTXS, all members HT or above, 70% LĐTT and one CSTĐCS', () => {
    const { proposal } = unitProposal(team(10, 7), 'TT_LDXS', 'HTXS');
    expect(proposal.eligible).toBe(true);
    expect(proposal.reasons[3]).toBe('Đạt: có thành viên đủ điều kiện Chiến sĩ thi đua cơ sở (M1)');
  });

  it('does not propose it without a CSTĐCS member', () => {
    const noStar = team(10, 7).map((m) => (m.level === 'HTXS' ? { ...m, level: 'HTT' as const } : m));
    expect(unitProposal(noStar, 'TT_LDXS', 'HTXS').proposal.eligible).toBe(false);
  });

  it('does not propose it when a counted member is below HT', () => {
    const oneKht = [...team(10, 7).slice(0, 9), member('M10', 'KHT')];
    const { proposal } = unitProposal(oneKht, 'TT_LDXS', 'HTXS');
    expect(proposal.eligible).toBe(false);
    expect(proposal.reasons[1]).toMatch(/^Không đạt: 9\/10 thành viên từ Hoàn thành nhiệm vụ trở lên, cần 100%/);
  });

  it('needs the unit rated HTXS', () => {
    expect(unitProposal(team(10, 7), 'TT_LDXS', 'HTT').proposal.eligible).toBe(false);
  });
});
