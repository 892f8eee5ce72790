import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';

const YEAR = 2070;

describe.each(testDatabases())('a stored decision that differs from the proposals (DOC-5) on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
    const rows = [
      { code: 'Q1', name: 'Lường Văn Đạt', unit: 'Khoa Quyết', dutyGroup: 'Giảng viên', score: 85 },
      { code: 'Q2', name: 'Tòng Thị Chưa', unit: 'Khoa Quyết', dutyGroup: 'Giảng viên', score: 55 },
    ];
    for (let m = 1; m <= 12; m++) {
      expect((await s.call('POST', `/api/v1/months/${YEAR}-${String(m).padStart(2, '0')}/people`, { body: { rows } })).body.counts.rejected).toBe(0);
    }
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('flags «Quyết định khác kết quả xét» with the failing conditions, keeps the decision, and leaves an eligible one unflagged', async () => {
    const push = await s.call('POST', `/api/v1/years/${YEAR + 1}/decisions-register`, {
      body: {
        rows: [
          { decisionNo: '5/QĐ-TCT', decidedOn: `15/01/${YEAR + 1}`, code: 'Q1', title: 'LĐTT', achievementYear: YEAR },
          { decisionNo: '5/QĐ-TCT', decidedOn: `15/01/${YEAR + 1}`, code: 'Q2', title: 'LĐTT', achievementYear: YEAR },
        ],
      },
    });
    expect(push.body.counts.accepted).toBe(2);
    const proposals = (await s.call('GET', `/api/v1/years/${YEAR}/proposals`)).body;
    const q2 = proposals.people.find((p: any) => p.code === 'Q2').proposals.find((t: any) => t.title === 'LDTT');
    expect(q2.eligible).toBe(false);
    const rows = (await s.call('GET', `/api/v1/years/${YEAR + 1}/decisions-register`)).body.rows;
    const byCode = Object.fromEntries(rows.map((r: any) => [r.code, r]));
    expect(byCode.Q1.differsFromProposal).toBe(false);
    expect(byCode.Q1.warnings).toEqual(['Năm chưa chốt: kết quả xét của Bình Xét có thể còn thay đổi']);
    expect(byCode.Q2.differsFromProposal).toBe(true);
    expect(byCode.Q2.decisionNo).toBe('5/QĐ-TCT');
    const flag = byCode.Q2.warnings.find((w: string) => w.startsWith('Quyết định khác kết quả xét của Bình Xét: '));
    expect(flag).toBeDefined();
    expect(flag.length).toBeGreaterThan('Quyết định khác kết quả xét của Bình Xét: '.length);
    // The year's proposals see the decision as history, never as a reason to change the computed result.
    expect((await s.call('GET', `/api/v1/years/${YEAR}/proposals`)).body.people.find((p: any) => p.code === 'Q2').proposals.find((t: any) => t.title === 'LDTT').eligible).toBe(false);
  });

  it('flags a decision for a title the council withdrew from the list', async () => {
    const council = await s.keyFor('council');
    const withdraw = await s.call('POST', `/api/v1/years/${YEAR}/decisions`, { key: council, body: { kind: 'withdraw', subject: 'person', key: 'Q1', title: 'LDTT', reason: 'Chưa nộp báo cáo thành tích' } });
    expect(withdraw.status).toBe(201);
    const q1 = (await s.call('GET', `/api/v1/years/${YEAR + 1}/decisions-register`)).body.rows.find((r: any) => r.code === 'Q1');
    expect(q1.differsFromProposal).toBe(true);
    expect(q1.warnings.join(' ')).toContain('Chưa nộp báo cáo thành tích');
  });
});
