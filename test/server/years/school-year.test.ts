import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../server/contract/rule-set.ts';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';
import { decisionsFrom, expectedProposals, expectedYear } from './expected-year.ts';
import { DISCIPLINED, TIE, TOP, YEAR, period, schoolYear, type SchoolYear } from './school-year.ts';

const pick = (r: any) => ({
  level: r.level,
  levelBeforeQuota: r.levelBeforeQuota,
  annualScore: r.annualScore,
  monthsCounted: r.monthsCounted,
  monthsAbsent: r.monthsAbsent,
  rankInUnit: r.rankInUnit ?? null,
  rankInOrg: r.rankInOrg,
  reasons: r.reasons,
  tieAtQuota: r.tieAtQuota,
  // API rows name their quota group; the rules' rows carry the group's facts.
  quotaGroup: 'quotaGroup' in r ? r.quotaGroup : (r.quota?.group ?? null),
});

describe.each(testDatabases())('a school year pushed through the API on $name', (database) => {
  let s: TestService;
  let data: SchoolYear;
  beforeAll(async () => {
    s = await startService(await database.open());
    data = await schoolYear();
    for (let m = 1; m <= 12; m++) {
      const people = await s.call('POST', `/api/v1/months/${period(m)}/people`, { body: { rows: data.months[m - 1] } });
      expect(people.body.counts).toEqual({ accepted: 50, unchanged: 0, rejected: 0, conflict: 0 });
      const units = await s.call('POST', `/api/v1/months/${period(m)}/units`, { body: { rows: data.unitMonths[m - 1] } });
      expect(units.body.counts.accepted).toBe(6);
    }
    const yearly = await s.call('POST', `/api/v1/years/${YEAR}/people`, { body: { rows: data.yearly } });
    expect(yearly.body.counts).toEqual({ accepted: data.yearly.length, unchanged: 0, rejected: 0, conflict: 0 });
    const initiatives = await s.call('POST', `/api/v1/years/${YEAR}/initiatives`, { body: { rows: data.initiatives } });
    expect(initiatives.body.counts).toEqual({ accepted: 3, unchanged: 0, rejected: 0, conflict: 0 });
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('classifies every person and unit exactly as the rules do on the rows pushed', async () => {
    const res = await s.call('GET', `/api/v1/years/${YEAR}/results`);
    expect(res.status).toBe(200);
    const want = expectedYear(data, decisionsFrom(res.body.decisions));
    expect(res.body.people.map((r: any) => r.code)).toEqual(want.inputs.map((p) => p.key));
    res.body.people.forEach((r: any, i: number) => expect({ code: r.code, ...pick(r) }).toEqual({ code: r.code, ...pick(want.people.rows[i]) }));
    expect(res.body.units.map((u: any) => ({ unit: u.unit, ...pick(u) }))).toEqual(
      want.units.rows.map((u) => ({ unit: u.key, ...pick({ ...u, rankInUnit: null }) })),
    );
    expect(res.body.quotas).toEqual({ people: want.people.quotas, units: want.units.quotas });
  });

  it('counts maternity as worked, caps 3 months absent, leaves 5 months worked unclassified, and marks the discipline', async () => {
    const res = await s.call('GET', `/api/v1/years/${YEAR}/results`);
    const by = new Map<string, any>(res.body.people.map((r: any) => [r.code, r]));
    expect(by.get('CB040')).toMatchObject({ monthsCounted: 12, monthsMaternity: 6 });
    expect(by.get('CB040').monthScores.slice(2, 8)).toEqual([null, null, null, null, null, null]);
    expect(by.get('CB041')).toMatchObject({ monthsAbsent: 3, level: 'HT' });
    expect(by.get('CB041').reasons.at(-1)).toContain('Nghỉ 3 tháng trong năm');
    expect(by.get('CB042')).toMatchObject({ monthsCounted: 5, level: 'NONE', rankInOrg: null });
    expect(by.get('CB042').reasons[0]).toMatch(/^Chưa đủ 6 tháng công tác/);
    expect(by.get(DISCIPLINED.code).level).toBe('KHT');
    expect(by.get(DISCIPLINED.code).reasons.at(-1)).toBe(`Bị kỷ luật (${DISCIPLINED.form}) tháng ${DISCIPLINED.month}: Không hoàn thành nhiệm vụ cả năm (NĐ 90 Điều 2)`);
    expect(by.get('CB013').reasons.join(' ')).toContain('Chưa hoàn thành 100% nhiệm vụ');
    const blocked = res.body.units.find((u: any) => u.unit === 'Khoa Nhà nước và pháp luật');
    expect(blocked).toMatchObject({ memberDisciplined: true, level: 'HTT', levelBeforeQuota: 'HTT' });
  });

  it('leaves the tie at the yearly quota to the council, which awards within k and is explained', async () => {
    const before = await s.call('GET', `/api/v1/years/${YEAR}/results`);
    const by = new Map<string, any>(before.body.people.map((r: any) => [r.code, r]));
    expect(by.get(TOP).level).toBe('HTXS');
    expect(TIE.map((c) => by.get(c).tieAtQuota)).toEqual([true, true]);
    expect(before.body.quotas.people.find((q: any) => q.group === 'Chuyên viên')).toMatchObject({ allowed: 2, used: 1, tieCodes: [...TIE] });
    const both = await s.call('POST', `/api/v1/years/${YEAR}/decisions`, { body: { kind: 'award', keys: [...TIE], reason: 'Cả hai có sáng kiến' } });
    expect(both.status).toBe(409);
    expect(both.body.error.message).toContain('chỉ được tối đa 2 HTXS');
    const rater = await s.keyFor('rater', ['phòng tổ chức - hành chính']);
    const denied = await s.call('POST', `/api/v1/years/${YEAR}/decisions`, { body: { kind: 'award', keys: [TIE[0]], reason: 'Thử quyền' }, key: rater });
    expect(denied.status).toBe(403);
    const award = await s.call('POST', `/api/v1/years/${YEAR}/decisions`, { body: { kind: 'award', keys: [TIE[0]], reason: 'Chủ trì chuyển đổi số của trường' } });
    expect(award.status).toBe(201);
    const after = await s.call('GET', `/api/v1/years/${YEAR}/results`);
    const awarded = after.body.people.find((r: any) => r.code === TIE[0]);
    expect(awarded.level).toBe('HTXS');
    expect(awarded.reasons).toContain('Hội đồng quyết định xếp HTXS: Chủ trì chuyển đổi số của trường → Hoàn thành xuất sắc nhiệm vụ');
    expect(after.body.decisions.map((d: any) => d.kind)).toContain('award');
    const want = expectedYear(data, decisionsFrom(after.body.decisions));
    expect(after.body.people.map(pick)).toEqual(want.people.rows.map(pick));
  });

  it('proposes LĐTT, CSTĐCS and collective titles with their reasons, and the reward estimate, as the rules do', async () => {
    const res = await s.call('GET', `/api/v1/years/${YEAR}/proposals`);
    expect(res.status).toBe(200);
    const decisions = (await s.call('GET', `/api/v1/years/${YEAR}/results`)).body.decisions;
    const want = expectedProposals(data, decisionsFrom(decisions));
    expect(res.body.people.map((p: any) => ({ code: p.code, proposals: p.proposals }))).toEqual(
      want.titles.people.map((p) => ({ code: p.key, proposals: p.proposals })),
    );
    expect(res.body.units.map((u: any) => ({ unit: u.unit, proposals: u.proposals, members: u.members }))).toEqual(
      want.titles.units.map((u) => ({ unit: u.key, proposals: u.proposals, members: u.members })),
    );
    expect(res.body.rewards).toEqual({
      baseSalary: 2_340_000,
      coefficients: DEFAULT_RULE_SET.rewards.coefficients,
      perAward: { CSTD_TINH: 7_020_000, CSTDCS: 2_340_000, LDTT: 710_000, TT_LDXS: 3_510_000, TT_LDTT: 1_880_000 },
      ...want.rewards,
    });

    const eligible = (code: string) => res.body.people.find((p: any) => p.code === code).proposals.filter((t: any) => t.eligible).map((t: any) => t.title);
    expect(eligible('CB016')).toEqual(expect.arrayContaining(['LDTT', 'CSTDCS', 'CSTD_TINH']));
    expect(res.body.people.find((p: any) => p.code === 'CB016').history).toEqual([
      { year: 2022, level: null, titles: ['CSTDCS'], titleSources: ['sheet'], decisions: [] },
      { year: 2021, level: null, titles: ['CSTDCS'], titleSources: ['sheet'], decisions: [] },
    ]);
    expect(res.body.people.find((p: any) => p.code === 'CB016').historyNotes).toEqual([
      'Năm 2022: CSTĐCS theo khai báo «Danh hiệu các năm trước» (chưa có quyết định khen thưởng được lưu)',
      'Năm 2021: CSTĐCS theo khai báo «Danh hiệu các năm trước» (chưa có quyết định khen thưởng được lưu)',
    ]);
    expect(eligible('CB009')).not.toContain('LDTT');
    expect(eligible('CB050')).not.toContain('LDTT');
    const cb030 = res.body.people.find((p: any) => p.code === 'CB030').proposals.find((t: any) => t.title === 'CSTDCS');
    expect(cb030.reasons.join(' ')).toContain('«Số hóa hồ sơ học viên»');
    expect(res.body.units.some((u: any) => u.proposals.some((t: any) => t.title === 'TT_LDTT' && t.eligible))).toBe(true);
    const cheaper = await s.call('GET', `/api/v1/years/${YEAR}/proposals?baseSalary=1800000`);
    expect(cheaper.body.rewards.baseSalary).toBe(1_800_000);
    expect(cheaper.body.rewards.total).toBeLessThan(res.body.rewards.total);
    expect((await s.call('GET', `/api/v1/years/${YEAR}/proposals?baseSalary=-1`)).status).toBe(422);
  });

  it('answers the yearly sheet with the stored inputs next to the computed year', async () => {
    const res = await s.call('GET', `/api/v1/years/${YEAR}/people`);
    expect(res.body.rows).toHaveLength(50);
    const cb001 = res.body.rows.find((r: any) => r.code === 'CB001');
    expect(cb001).toMatchObject({ allTasksDone: true, exceededPct: 45, voteAgree: 9, voteTotal: 10, version: 1 });
    expect(res.body.rows.find((r: any) => r.code === 'CB002')).toMatchObject({ version: null, allTasksDone: null, monthsCounted: 12 });
    const roster = await s.call('GET', '/api/v1/roster');
    expect(roster.body.people.find((p: any) => p.code === 'CB016')).toMatchObject({ sex: 'nữ', dutyGroup: 'Giảng viên' });
    expect(roster.body.people.find((p: any) => p.code === 'CB050').recruitedOn).toBe('2023-08-15');
    const sheet = await s.call('GET', `/api/v1/years/${YEAR}/initiatives`);
    expect(sheet.body.rows.map((r: any) => [r.code, r.kind, r.level])).toEqual([
      ['CB016', 'sáng kiến', 'tinh'],
      ['CB025', 'đề tài', null],
      ['CB030', 'sáng kiến', 'co-so'],
    ]);
  });
});
