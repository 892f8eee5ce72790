import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../server/contract/rule-set.ts';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';

const YEAR = 2050;
const month = (m: number) => `${YEAR}-${String(m).padStart(2, '0')}`;

describe.each(testDatabases())('registrations, pledges and the comparison in the proposals on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
    const rows = [
      { code: 'R1', name: 'Rơ Châm Rin', unit: 'Khoa Rừng', dutyGroup: 'Giảng viên', score: 85 },
      { code: 'R2', name: 'Rơ Mah Ra', unit: 'Khoa Rừng', dutyGroup: 'Giảng viên', score: 85 },
      { code: 'R3', name: 'Ksor Rông', unit: 'Khoa Suối', dutyGroup: 'Giảng viên', score: 85 },
    ];
    const units = [{ unit: 'Khoa Rừng', score: 85 }, { unit: 'Khoa Suối', score: 85 }];
    for (let m = 1; m <= 12; m++) {
      expect((await s.call('POST', `/api/v1/months/${month(m)}/people`, { body: { rows } })).body.counts.rejected).toBe(0);
      expect((await s.call('POST', `/api/v1/months/${month(m)}/units`, { body: { rows: units } })).body.counts.rejected).toBe(0);
    }
    const initiative = { code: 'R1', kind: 'Sáng kiến', title: 'Bản đồ số', level: 'Cơ sở', recognisedOn: `01/06/${YEAR}` };
    expect((await s.call('POST', `/api/v1/years/${YEAR}/initiatives`, { body: { rows: [initiative] } })).body.counts.accepted).toBe(1);
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('stores one registration per holder, rejecting both rows of a repeated holder and a date outside the year', async () => {
    const rater = await s.keyFor('rater', ['khoa rừng']);
    const push = await s.call('POST', `/api/v1/years/${YEAR}/registrations`, {
      key: rater,
      body: {
        rows: [
          { ref: 2, code: 'R1', name: 'Rơ Châm Rin', unit: 'Khoa Rừng', titleRegistered: 'LĐTT', registeredOn: `15/01/${YEAR}` },
          { ref: 3, code: 'R2', name: 'Rơ Mah Ra', unit: 'Khoa Rừng', titleRegistered: 'LĐTT' },
          { ref: 4, code: 'R2', name: 'Rơ Mah Ra', unit: 'Khoa Rừng', titleRegistered: 'CSTĐCS' },
          { ref: 5, name: 'Khoa Rừng', unit: 'Khoa Rừng', holder: 'Tập thể', titleRegistered: 'Tập thể LĐXS' },
          { ref: 6, code: 'R3', name: 'Ksor Rông', unit: 'Khoa Suối', titleRegistered: 'LĐTT' },
          { ref: 7, name: 'Người Mới', unit: 'Khoa Rừng', titleRegistered: 'LĐTT', registeredOn: `15/11/${YEAR - 1}` },
        ],
      },
    });
    expect(push.body.results.map((r: any) => r.status)).toEqual(['accepted', 'rejected', 'rejected', 'accepted', 'rejected', 'rejected']);
    expect(push.body.results[1].errors).toEqual([{ field: 'code', message: 'Trùng đăng ký: một người (hoặc tập thể) chỉ đăng ký một dòng mỗi năm (các dòng 3, 4)' }]);
    expect(push.body.results[2].errors).toEqual(push.body.results[1].errors);
    expect(push.body.results[4].errors[0].field).toBe('unit');
    expect(push.body.results[5].errors).toEqual([{ field: 'registeredOn', message: `Ngày đăng ký 15/11/${YEAR - 1} phải trong năm ${YEAR} hoặc tháng 12/${YEAR - 1}` }]);
    const sheet = (await s.call('GET', `/api/v1/years/${YEAR}/registrations`)).body;
    expect(sheet.rows.map((r: any) => [r.holder, r.code, r.unit, r.titleRegistered, r.registeredOn])).toEqual([
      ['person', 'R1', 'Khoa Rừng', 'LDTT', `${YEAR}-01-15`],
      ['unit', null, 'Khoa Rừng', 'TT_LDXS', null],
    ]);
  });

  it('compares registrations with the proposals in /proposals and applies the organisation’s gate', async () => {
    const proposals = async () => (await s.call('GET', `/api/v1/years/${YEAR}/proposals`)).body;
    const before = await proposals();
    const r1 = before.people.find((p: any) => p.code === 'R1');
    expect(r1.registration.find((t: any) => t.track === 'person-title')).toMatchObject({ registered: 'LDTT', top: 'CSTDCS', outcome: 'Vượt đăng ký' });
    const r3 = before.people.find((p: any) => p.code === 'R3');
    expect(r3.registration.find((t: any) => t.track === 'person-title')).toMatchObject({ registered: null, top: 'LDTT', outcome: 'Không đăng ký' });
    expect(r3.proposals.find((t: any) => t.title === 'LDTT').eligible).toBe(true);
    const unit = before.units.find((u: any) => u.unit === 'Khoa Rừng');
    expect(unit.registration.find((t: any) => t.track === 'unit-title')).toMatchObject({ registered: 'TT_LDXS', outcome: 'Chưa đạt' });
    const gated = { ...DEFAULT_RULE_SET, dossier: { ...DEFAULT_RULE_SET.dossier, registrationGate: 'require' } };
    expect((await s.call('PUT', '/api/v1/rule-set', { body: gated })).status).toBe(200);
    const after = (await proposals()).people.find((p: any) => p.code === 'R3').proposals.find((t: any) => t.title === 'LDTT');
    expect(after.eligible).toBe(false);
    expect(after.reasons.join(' ')).toContain('registrationGate = require');
  });

  it('stores pledges with Tỷ lệ đạt, blank when Kế hoạch is 0, and refuses a finalised year', async () => {
    const push = await s.call('POST', `/api/v1/years/${YEAR}/pledges`, {
      body: {
        rows: [
          { ref: 2, unit: 'Khoa Rừng', content: 'Bài báo khoa học', measure: 'bài', plan: 4, result: 5 },
          { ref: 3, unit: 'Khoa Rừng', content: 'Lớp bồi dưỡng', plan: 0, result: 2 },
          { ref: 4, unit: 'Khoa Rừng', content: 'bài báo  khoa học', plan: 1 },
          { ref: 5, unit: 'Khoa Không Có', content: 'Gì đó', plan: 1 },
          { ref: 6, unit: 'Khoa Rừng', content: 'Âm', plan: -1 },
        ],
      },
    });
    expect(push.body.results.map((r: any) => r.status)).toEqual(['accepted', 'accepted', 'rejected', 'rejected', 'rejected']);
    expect(push.body.results[4].errors).toEqual([{ field: 'plan', message: 'Kế hoạch không được âm' }]);
    const sheet = (await s.call('GET', `/api/v1/years/${YEAR}/pledges`)).body;
    expect(sheet.rows.map((r: any) => [r.content, r.plan, r.result, r.rate])).toEqual([
      ['Bài báo khoa học', 4, 5, 125],
      ['Lớp bồi dưỡng', 0, 2, null],
    ]);
    const council = await s.keyFor('council');
    expect((await s.call('POST', `/api/v1/years/${YEAR}/decisions`, { body: { kind: 'finalise' }, key: council })).status).toBe(201);
    for (const path of ['registrations', 'pledges']) {
      const refused = await s.call('POST', `/api/v1/years/${YEAR}/${path}`, { body: { rows: [{ unit: 'Khoa Rừng', content: 'x', name: 'Khoa Rừng', holder: 'Tập thể' }] } });
      expect(refused.status, path).toBe(409);
    }
  });
});
