import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../server/contract/rule-set.ts';
import { insertRuleSet } from '../../../server/rule-set/rule-set-repository.ts';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';

const YEAR = 2046;
const month = (m: number) => `${YEAR}-${String(m).padStart(2, '0')}`;

describe.each(testDatabases())('votes and decisions in the proposals on $name', (database) => {
  let s: TestService;
  let council: string;
  beforeAll(async () => {
    s = await startService(await database.open());
    council = await s.keyFor('council');
    const rows = ['D1', 'D2', 'D3'].map((code) => ({ code, name: `Đỗ Văn ${code}`, unit: 'Khoa Đỏ', dutyGroup: 'Giảng viên', score: 85 }));
    for (let m = 1; m <= 12; m++) expect((await s.call('POST', `/api/v1/months/${month(m)}/people`, { body: { rows } })).body.counts.rejected).toBe(0);
    const initiatives = ['D1', 'D2', 'D3'].map((code) => ({ code, kind: 'Sáng kiến', title: `Sáng kiến của ${code}`, level: 'Cơ sở', recognisedOn: `01/06/${YEAR}` }));
    expect((await s.call('POST', `/api/v1/years/${YEAR}/initiatives`, { body: { rows: initiatives } })).body.counts.accepted).toBe(3);
    const yearly = [
      { code: 'D2', name: 'Đỗ Văn D2', unit: 'Khoa Đỏ', voteAgree: 9, voteTotal: 9, priorTitles: `CSTĐCS ${YEAR - 1}` },
      { code: 'D3', name: 'Đỗ Văn D3', unit: 'Khoa Đỏ', voteAgree: 9, voteTotal: 9 },
    ];
    expect((await s.call('POST', `/api/v1/years/${YEAR}/people`, { body: { rows: yearly } })).body.counts.accepted).toBe(2);
  });
  afterAll(async () => {
    await s.db.close();
  });

  const person = async (code: string) => (await s.call('GET', `/api/v1/years/${YEAR}/proposals`)).body.people.find((p: any) => p.code === code);
  const cstdcs = async (code: string) => (await person(code)).proposals.find((t: any) => t.title === 'CSTDCS');

  it('keeps an eligible CSTĐCS pending until the council votes, then passes or fails it by the stored vote', async () => {
    const pending = await cstdcs('D1');
    expect([pending.eligible, pending.vote]).toEqual([true, 'pending']);
    expect(pending.reasons.at(-1)).toMatch(/^Chưa có kết quả biểu quyết của Hội đồng \(cần ≥ 80%, voteThresholds/);
    await s.call('POST', `/api/v1/years/${YEAR}/votes`, { key: council, body: { rows: [{ code: 'D1', title: 'CSTĐCS', members: 9, agree: 8 }] } });
    const passed = await cstdcs('D1');
    expect([passed.eligible, passed.vote]).toEqual([true, 'passed']);
    expect(passed.reasons.at(-1)).toMatch(/^Đạt: Hội đồng biểu quyết 8\/9 phiếu đồng ý \(88,9%\)/);
    await s.call('POST', `/api/v1/years/${YEAR}/votes`, { key: council, body: { rows: [{ code: 'D1', title: 'CSTĐCS', members: 9, agree: 7, baseVersion: 1 }] } });
    const failed = await cstdcs('D1');
    expect([failed.eligible, failed.vote]).toEqual([false, 'failed']);
    const money = (await s.call('GET', `/api/v1/years/${YEAR}/proposals`)).body.rewards.lines;
    expect(money.filter((l: any) => l.key === 'D1').map((l: any) => l.title)).toEqual(['LDTT']);
  });

  it("takes the yearly sheet's vote as the CSTĐCS vote unless the vote sheet has one for that person", async () => {
    expect((await cstdcs('D3')).vote).toBe('passed');
    expect((await cstdcs('D2')).vote).toBe('passed');
    await s.call('POST', `/api/v1/years/${YEAR}/votes`, { key: council, body: { rows: [{ code: 'D2', title: 'CSTĐCS', members: 9, agree: 5 }] } });
    const d2 = await cstdcs('D2');
    expect([d2.eligible, d2.vote]).toEqual([false, 'failed']);
    expect(d2.reasons.at(-1)).toMatch(/^Không đạt: Hội đồng biểu quyết 5\/9 phiếu đồng ý/);
  });

  it('looks back on stored decisions instead of the typed earlier titles, saying which source it used', async () => {
    const typed = await person('D2');
    expect(typed.history).toEqual([{ year: YEAR - 1, level: null, titles: ['CSTDCS'], titleSources: ['sheet'], decisions: [] }]);
    const decisions = [
      { decisionNo: '7/QĐ-TCT', decidedOn: `15/01/${YEAR - 1}`, issuer: 'Trường Chính trị', code: 'D1', title: 'CSTĐCS', achievementYear: YEAR - 2 },
      { decisionNo: '3/QĐ-TCT', decidedOn: `10/01/${YEAR}`, code: 'D1', title: 'CSTĐCS', achievementYear: YEAR - 1 },
      { decisionNo: '3/QĐ-TCT', decidedOn: `10/01/${YEAR}`, code: 'D2', title: 'LĐTT', achievementYear: YEAR - 1 },
    ];
    const push = await s.call('POST', `/api/v1/years/${YEAR}/decisions-register`, { key: council, body: { rows: decisions } });
    expect(push.body.counts.accepted).toBe(3);
    const d1 = await person('D1');
    expect(d1.history.map((h: any) => [h.year, h.titles, h.titleSources, h.decisions.map((d: any) => d.decisionNo)])).toEqual([
      [YEAR - 1, ['CSTDCS'], ['decision'], ['3/QĐ-TCT']],
      [YEAR - 2, ['CSTDCS'], ['decision'], ['7/QĐ-TCT']],
    ]);
    expect(d1.historyNotes).toEqual([
      `Năm ${YEAR - 1}: CSTĐCS theo Quyết định số 3/QĐ-TCT ngày 10/01/${YEAR}`,
      `Năm ${YEAR - 2}: CSTĐCS theo Quyết định số 7/QĐ-TCT ngày 15/01/${YEAR - 1} của Trường Chính trị`,
    ]);
    const tinh = d1.proposals.find((t: any) => t.title === 'CSTD_TINH');
    expect(tinh.reasons.join(' ')).toContain(`${YEAR - 2}`);
    // D2's decision says LĐTT for the year the sheet typed CSTĐCS: the decision wins, the typed title is named as unused.
    const d2 = await person('D2');
    expect(d2.history).toEqual([
      { year: YEAR - 1, level: null, titles: ['LDTT'], titleSources: ['decision'], decisions: [{ title: 'LDTT', decisionNo: '3/QĐ-TCT', decidedOn: `${YEAR}-01-10`, issuer: null }] },
    ]);
    expect(d2.historyNotes).toEqual([`Năm ${YEAR - 1}: LĐTT theo Quyết định số 3/QĐ-TCT ngày 10/01/${YEAR} (không dùng «Danh hiệu các năm trước»: CSTĐCS)`]);
  });

  it('honours a year decision withdrawing a title from the list, and its reinstatement, with who and when', async () => {
    const rater = await s.keyFor('rater', ['khoa đỏ']);
    const withdraw = { kind: 'withdraw', subject: 'person', key: 'D3', title: 'CSTDCS', reason: 'Đang xác minh đơn thư' };
    expect((await s.call('POST', `/api/v1/years/${YEAR}/decisions`, { body: withdraw, key: rater })).status).toBe(403);
    const done = await s.call('POST', `/api/v1/years/${YEAR}/decisions`, { body: withdraw, key: council });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ kind: 'withdraw', subject: 'person', keys: ['D3'], title: 'CSTDCS', reason: 'Đang xác minh đơn thư' });
    const nobody = await s.call('POST', `/api/v1/years/${YEAR}/decisions`, { body: { ...withdraw, key: 'NOBODY' }, key: council });
    expect(nobody.status).toBe(404);
    expect(nobody.body.error.message).toBe(`Không tìm thấy cán bộ NOBODY trong năm ${YEAR}`);
    const inMonth = await s.call('POST', `/api/v1/months/${month(3)}/decisions`, { body: withdraw, key: council });
    expect(inMonth.status).toBe(422);
    expect(inMonth.body.error.message).toBe('Rút đề nghị danh hiệu chỉ áp dụng cho năm');
    const withdrawn = (await s.call('GET', `/api/v1/years/${YEAR}/proposals`)).body;
    const d3 = withdrawn.people.find((p: any) => p.code === 'D3').proposals.find((t: any) => t.title === 'CSTDCS');
    expect(d3).toMatchObject({ eligible: true, vote: 'passed', withdrawn: { reason: 'Đang xác minh đơn thư', decidedBy: expect.any(Number) } });
    expect(withdrawn.withdrawals).toEqual([expect.objectContaining({ holder: 'person', key: 'D3', title: 'CSTDCS' })]);
    expect(withdrawn.rewards.lines.filter((l: any) => l.key === 'D3').map((l: any) => l.title)).toEqual(['LDTT']);
    await s.call('POST', `/api/v1/years/${YEAR}/decisions`, { body: { ...withdraw, kind: 'reinstate', reason: 'Đã xác minh xong' }, key: council });
    const back = (await s.call('GET', `/api/v1/years/${YEAR}/proposals`)).body;
    expect(back.withdrawals).toEqual([]);
    expect(back.people.find((p: any) => p.code === 'D3').proposals.find((t: any) => t.title === 'CSTDCS').withdrawn).toBeNull();
    expect(back.rewards.lines.filter((l: any) => l.key === 'D3').map((l: any) => l.title)).toEqual(['LDTT', 'CSTDCS']);
  });

  it('gives every reward title its coefficient and Mức mỗi suất, awarded or not', async () => {
    const { rewards } = (await s.call('GET', `/api/v1/years/${YEAR}/proposals?baseSalary=2340000`)).body;
    expect(rewards.byTitle.CSTD_TINH.count).toBe(0);
    expect(rewards.coefficients).toEqual({ CSTD_TINH: 3, CSTDCS: 1, LDTT: 0.3, TT_LDXS: 1.5, TT_LDTT: 0.8 });
    // 0,8 × 2.340.000 = 1.872.000, rounded up to the next 10.000.
    expect(rewards.perAward).toEqual({ CSTD_TINH: 7_020_000, CSTDCS: 2_340_000, LDTT: 710_000, TT_LDXS: 3_510_000, TT_LDTT: 1_880_000 });
  });

  it('lists for the tờ trình only titles eligible, past their vote and not withdrawn, in blocks (DOC-1)', async () => {
    await s.call('POST', `/api/v1/years/${YEAR}/decisions`, {
      body: { kind: 'withdraw', subject: 'person', key: 'D2', title: 'LDTT', reason: 'Chuyển công tác' },
      key: council,
    });
    const answer = await s.call('GET', `/api/v1/years/${YEAR}/proposal-list`);
    expect(answer.status).toBe(200);
    const [list] = answer.body.lists;
    expect(list.authority).toBe('all');
    expect(list.groups.map((g: any) => g.holder)).toEqual(['person']);
    const blocks = list.groups[0].blocks.map((b: any) => [b.title, b.rows.map((r: any) => r.key), b.footer]);
    // D1 and D2 failed the CSTĐCS vote, D3 passed it; D2's LĐTT was withdrawn. CSTĐCS outranks LĐTT on one
    // ladder; Giấy khen is a ladder of its own, needs no vote, and nobody's was withdrawn.
    expect(blocks).toEqual([
      ['CSTDCS', ['D3'], 'Tổng số: 1 cá nhân'],
      ['LDTT', ['D1'], 'Tổng số: 1 cá nhân'],
      ['GIAY_KHEN', ['D1', 'D2', 'D3'], 'Tổng số: 3 cá nhân'],
    ]);
    const split = await s.call('GET', `/api/v1/years/${YEAR}/proposal-list?splitByAuthority=true`);
    expect(split.body.lists.map((l: any) => l.authority)).toEqual(['unit-head', 'upward']);
    expect((await s.call('GET', `/api/v1/years/${YEAR}/proposal-list?splitByAuthority=có`)).status).toBe(422);
  });

  it("loads a rule set stored with the old titles.councilVotePct as the CSTĐCS vote threshold", async () => {
    const { dossier: _, ...old } = DEFAULT_RULE_SET;
    await insertRuleSet(s.db, s.orgId, { ...old, titles: { ...old.titles, councilVotePct: 50 } }, null);
    const d2 = await cstdcs('D2');
    expect([d2.eligible, d2.vote]).toEqual([true, 'passed']);
    expect(d2.reasons.at(-1)).toMatch(/cần ≥ 50% tổng số thành viên Hội đồng/);
  });
});
