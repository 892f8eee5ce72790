import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';

const YEAR = 2080;

describe.each(testDatabases())('registration pre-checks (REG-2) in the registrations answer on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
    // Two people known from the year before; nothing of YEAR is stored yet (registration opens the year).
    const rows = [
      { code: 'K1', name: 'Điêu Chính Kha', unit: 'Khoa Kiểm', dutyGroup: 'Giảng viên', score: 85 },
      { code: 'K2', name: 'Bạc Cầm Khuê', unit: 'Khoa Kiểm', dutyGroup: 'Giảng viên', score: 85 },
    ];
    expect((await s.call('POST', `/api/v1/months/${YEAR - 1}-06/people`, { body: { rows } })).body.counts.rejected).toBe(0);
    const decided = (code: string, y: number) => ({ decisionNo: `${y}/QĐ`, decidedOn: `20/01/${y + 1}`, code, title: 'CSTĐCS', achievementYear: y });
    const register = await s.call('POST', `/api/v1/years/${YEAR - 1}/decisions-register`, { body: { rows: [decided('K1', YEAR - 2), decided('K1', YEAR - 1)] } });
    expect(register.body.counts.accepted).toBe(2);
    const initiative = { code: 'K1', kind: 'Sáng kiến', title: 'Số hóa hồ sơ', level: 'Cấp tỉnh', recognisedOn: `10/05/${YEAR - 1}` };
    expect((await s.call('POST', `/api/v1/years/${YEAR - 1}/initiatives`, { body: { rows: [initiative] } })).body.counts.accepted).toBe(1);
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('warns what a registered CSTĐ cấp tỉnh still lacks, from the decisions register and initiatives, without rejecting the row', async () => {
    const push = await s.call('POST', `/api/v1/years/${YEAR}/registrations`, {
      body: {
        rows: [
          { ref: 2, code: 'K1', name: 'Điêu Chính Kha', unit: 'Khoa Kiểm', titleRegistered: 'CSTĐ cấp tỉnh', registeredOn: `10/01/${YEAR}` },
          { ref: 3, code: 'K2', name: 'Bạc Cầm Khuê', unit: 'Khoa Kiểm', titleRegistered: 'CSTĐ cấp tỉnh', awardRegistered: 'Bằng khen UBND tỉnh', registeredOn: `10/01/${YEAR}` },
        ],
      },
    });
    expect(push.body.counts.accepted).toBe(2);
    const sheet = (await s.call('GET', `/api/v1/years/${YEAR}/registrations`)).body;
    const warnings = Object.fromEntries(sheet.rows.map((r: any) => [r.code, r.warnings]));
    expect(warnings.K1).toEqual([]);
    expect(warnings.K2).toEqual([
      `Chưa có CSTĐCS liên tục 2 năm liền trước (${YEAR - 2}, ${YEAR - 1}; năm ${YEAR} phải là năm thứ 3) (Luật TĐKT Điều 22)`,
      `Cần sáng kiến cấp tỉnh trong năm (chưa có sáng kiến được công nhận cấp tỉnh từ ${YEAR - 2} đến nay; Luật TĐKT Điều 22)`,
      `Năm ${YEAR - 1} chưa CSTĐCS/HTXS (cần 2 năm liên tục ${YEAR - 1}, ${YEAR}; Luật TĐKT Điều 74 khoản 1 điểm d)`,
      `Cần 2 sáng kiến được công nhận trong các năm ${YEAR - 1}, ${YEAR} (hiện có 0; Luật TĐKT Điều 74 khoản 1 điểm d)`,
    ]);
    // The push answers the same pre-checks the pull gives.
    expect(push.body.rows.map((r: any) => r.warnings)).toEqual(sheet.rows.map((r: any) => r.warnings));
  });
});
