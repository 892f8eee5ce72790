import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, type QuotaSettings } from '../../../server/contract/rule-set.ts';
import { classifyMonth, type MonthInput, type PeriodDecisions } from '../../../server/rules/index.ts';

const NO_DECISIONS: PeriodDecisions = { awards: [] };
const PERSON_QUOTA = DEFAULT_RULE_SET.quota.personMonth;

function person(key: string, score: number | null, extra: Partial<MonthInput> = {}): MonthInput {
  return { key, unit: 'Khoa A', dutyGroup: 'Giảng viên', score, ...extra };
}

/** n people of one group at the given score, keys P1…Pn after `prefix`. */
function many(prefix: string, n: number, score: number, extra: Partial<MonthInput> = {}): MonthInput[] {
  return Array.from({ length: n }, (_, i) => person(`${prefix}${i + 1}`, score, extra));
}

function levels(rows: MonthInput[], quota: QuotaSettings = PERSON_QUOTA, decisions = NO_DECISIONS) {
  const outcome = classifyMonth(rows, DEFAULT_RULE_SET, quota, decisions);
  return Object.fromEntries(outcome.rows.map((r) => [r.key, r.level]));
}

describe('classifyMonth: the quota walk', () => {
  it('keeps a whole tie run that ends exactly at the limit', () => {
    // M = 18 → k = floor(20 × 18 / 120) = 3.
    const rows = [person('A', 95), person('B', 93), person('C', 93), ...many('H', 15, 80)];
    const out = classifyMonth(rows, DEFAULT_RULE_SET, PERSON_QUOTA, NO_DECISIONS);
    expect(out.quotas[0]).toMatchObject({ candidates: 18, allowed: 3, used: 3, tieCodes: [] });
    expect(out.rows.slice(0, 3).map((r) => [r.level, r.tieAtQuota])).toEqual([
      ['HTXS', false],
      ['HTXS', false],
      ['HTXS', false],
    ]);
  });

  it('keeps a tie run out of HTXS when the limit falls inside it', () => {
    const rows = [person('A', 95), person('B', 93), person('C', 93), person('D', 93), ...many('H', 14, 80)];
    const out = classifyMonth(rows, DEFAULT_RULE_SET, PERSON_QUOTA, NO_DECISIONS);
    expect(out.rows.slice(0, 4).map((r) => [r.level, r.tieAtQuota])).toEqual([
      ['HTXS', false],
      ['HTT', true],
      ['HTT', true],
      ['HTT', true],
    ]);
    expect(out.quotas[0]).toMatchObject({ allowed: 3, used: 1, tieCodes: ['B', 'C', 'D'] });
  });

  it('never lets a lower score pass a higher one', () => {
    const rows = [person('A', 95), person('B', 95), person('C', 91), ...many('H', 4, 80)];
    // M = 7 → k = 1: the 95 run does not fit; 91 is cut although it alone would fit.
    expect(levels(rows)).toMatchObject({ A: 'HTT', B: 'HTT', C: 'HTT' });
  });

  it('leaves a disciplined top scorer KHT, outside M, and still ranked by score', () => {
    const rows = [person('X', 99, { discipline: 'cảnh cáo' }), person('A', 95), ...many('H', 5, 80)];
    const out = classifyMonth(rows, DEFAULT_RULE_SET, PERSON_QUOTA, NO_DECISIONS);
    expect(out.rows[0]).toMatchObject({ level: 'KHT', levelBeforeQuota: 'KHT', rankInOrg: 1, tieAtQuota: false });
    expect(out.quotas[0]).toMatchObject({ candidates: 6, allowed: 1, used: 1 });
    expect(out.rows[1]).toMatchObject({ level: 'HTXS', rankInOrg: 2 });
  });

  it('gives NONE, no rank and no place in M to a row without a score', () => {
    const out = classifyMonth([person('N', null), person('A', 95)], DEFAULT_RULE_SET, PERSON_QUOTA, NO_DECISIONS);
    expect(out.rows[0]).toMatchObject({ level: 'NONE', label: 'Không xếp loại', rankInUnit: null, rankInOrg: null });
    expect(out.quotas[0]!.candidates).toBe(1);
  });

  it('applies no quota when the setting is off, and reports no quota facts', () => {
    const out = classifyMonth(many('A', 3, 95), DEFAULT_RULE_SET, { ...PERSON_QUOTA, enabled: false }, NO_DECISIONS);
    expect(out.rows.map((r) => [r.level, r.quota])).toEqual([
      ['HTXS', null],
      ['HTXS', null],
      ['HTXS', null],
    ]);
    expect(out.quotas).toEqual([]);
  });

  it('returns rows in the input order with label and levelBeforeQuota', () => {
    const rows = [person('C', 60), person('A', 95), person('B', 95), ...many('H', 3, 80)];
    const out = classifyMonth(rows, DEFAULT_RULE_SET, PERSON_QUOTA, NO_DECISIONS);
    expect(out.rows.map((r) => r.key)).toEqual(rows.map((r) => r.key));
    expect(out.rows[1]).toMatchObject({ level: 'HTT', label: 'Hoàn thành tốt nhiệm vụ', levelBeforeQuota: 'HTXS' });
  });
});

describe('classifyMonth: quota denominators', () => {
  // Ten HTXS candidates at distinct scores plus HTT members: M = 20.
  const rows = [...Array.from({ length: 10 }, (_, i) => person(`A${i}`, 99 - i)), ...many('H', 10, 80)];

  it('allows floor(20 × M / 120) with htt-only', () => {
    const out = classifyMonth(rows, DEFAULT_RULE_SET, { ...PERSON_QUOTA, denominator: 'htt-only' }, NO_DECISIONS);
    expect(out.quotas[0]).toMatchObject({ candidates: 20, allowed: 3, used: 3 });
    expect(out.rows[3]!.reasons.at(-1)).toBe('Vượt tỷ lệ HTXS (3/20) → Hoàn thành tốt nhiệm vụ: nhóm Giảng viên chỉ được 3 HTXS trên 20 người, người có điểm cao hơn được xếp trước');
  });

  it('allows floor(20 × M / 100) with htt-or-above', () => {
    const out = classifyMonth(rows, DEFAULT_RULE_SET, { ...PERSON_QUOTA, denominator: 'htt-or-above' }, NO_DECISIONS);
    expect(out.quotas[0]).toMatchObject({ candidates: 20, allowed: 4, used: 4 });
    expect(out.rows[4]!.reasons.at(-1)).toBe('Vượt tỷ lệ HTXS (4/20) → Hoàn thành tốt nhiệm vụ: nhóm Giảng viên chỉ được 4 HTXS trên 20 người, người có điểm cao hơn được xếp trước');
  });
});

describe('classifyMonth: quota scopes', () => {
  const rows = [
    person('A1', 95, { unit: 'Khoa A', dutyGroup: 'Giảng viên' }),
    person('A2', 94, { unit: 'Khoa A', dutyGroup: 'Giảng viên' }),
    person('B1', 93, { unit: 'Khoa B', dutyGroup: 'giảng  viên' }),
    person('C1', 92, { unit: 'Khoa A', dutyGroup: 'Chuyên viên' }),
    person('N1', 91, { unit: 'Khoa A', dutyGroup: null }),
    person('N2', 90, { unit: 'Khoa B', dutyGroup: '  ' }),
    ...many('H', 12, 80, { unit: 'Khoa A', dutyGroup: 'Giảng viên' }),
  ];
  const run = (scope: QuotaSettings['scope']) =>
    classifyMonth(rows, DEFAULT_RULE_SET, { ...PERSON_QUOTA, scope }, NO_DECISIONS);

  it('groups the whole organisation by duty group, blank duty groups together (org+dutyGroup)', () => {
    const out = run('org+dutyGroup');
    expect(out.quotas.map((q) => [q.group, q.unit, q.dutyGroup, q.candidates, q.allowed])).toEqual([
      ['Giảng viên', null, 'Giảng viên', 15, 2],
      ['Chuyên viên', null, 'Chuyên viên', 1, 0],
      ['Không có nhóm chức danh', null, null, 2, 0],
    ]);
    expect(out.rows.slice(0, 6).map((r) => r.level)).toEqual(['HTXS', 'HTXS', 'HTT', 'HTT', 'HTT', 'HTT']);
    expect(out.rows[4]!.quota).toBe(out.rows[5]!.quota);
  });

  it('splits by unit and duty group (unit+dutyGroup)', () => {
    const out = run('unit+dutyGroup');
    expect(out.quotas.map((q) => [q.group, q.candidates, q.allowed])).toEqual([
      ['Khoa A — Giảng viên', 14, 2],
      ['Khoa B — giảng viên', 1, 0],
      ['Khoa A — Chuyên viên', 1, 0],
      ['Khoa A — Không có nhóm chức danh', 1, 0],
      ['Khoa B — Không có nhóm chức danh', 1, 0],
    ]);
    expect(out.quotas[0]).toMatchObject({ unit: 'Khoa A', dutyGroup: 'Giảng viên' });
  });

  it('treats the organisation as one group (org)', () => {
    const out = run('org');
    expect(out.quotas).toHaveLength(1);
    expect(out.quotas[0]).toMatchObject({ group: 'Toàn cơ quan', unit: null, dutyGroup: null, candidates: 18, allowed: 3 });
    expect(out.rows.slice(0, 6).map((r) => r.level)).toEqual(['HTXS', 'HTXS', 'HTXS', 'HTT', 'HTT', 'HTT']);
  });
});

describe('classifyMonth: units (RULES.md §2)', () => {
  const unit = (name: string, score: number, memberDisciplined = false): MonthInput => ({
    key: name,
    unit: name,
    dutyGroup: null,
    score,
    memberDisciplined,
  });

  it('rates without quota by default and keeps units with a disciplined member out of HTXS', () => {
    const rows = [unit('Khoa A', 95), unit('Khoa B', 96, true), unit('Phòng C', 92)];
    const out = classifyMonth(rows, DEFAULT_RULE_SET, DEFAULT_RULE_SET.quota.unitMonth, NO_DECISIONS, {
      rankInUnit: false,
    });
    expect(out.rows.map((r) => [r.key, r.level, r.rankInUnit, r.rankInOrg])).toEqual([
      ['Khoa A', 'HTXS', null, 2],
      ['Khoa B', 'HTT', null, 1],
      ['Phòng C', 'HTXS', null, 3],
    ]);
    expect(out.quotas).toEqual([]);
  });

  it('applies an enabled unit quota over the organisation as one group', () => {
    const rows = [unit('Khoa A', 95), unit('Khoa B', 96, true), unit('Phòng C', 92), unit('Phòng D', 80)];
    const quota: QuotaSettings = { ...DEFAULT_RULE_SET.quota.unitMonth, enabled: true, denominator: 'htt-or-above', rate: 25 };
    const out = classifyMonth(rows, DEFAULT_RULE_SET, quota, NO_DECISIONS);
    expect(out.quotas[0]).toMatchObject({ group: 'Toàn cơ quan', candidates: 4, allowed: 1, used: 1 });
    expect(out.rows.map((r) => r.level)).toEqual(['HTXS', 'HTT', 'HTT', 'HTT']);
  });
});
