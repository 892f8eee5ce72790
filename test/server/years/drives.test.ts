import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../server/contract/rule-set.ts';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';

const YEAR = 2060;
const month = (m: number) => `${YEAR}-${String(m).padStart(2, '0')}`;

const MOVEMENTS = [
  { ref: 2, code: 'VNN', name: 'Quỹ "Ngày vì người nghèo"', kind: 'Cuộc vận động', level: 'Tỉnh', from: `17/10/${YEAR}`, to: `18/11/${YEAR}`, ask: '1 ngày lương/người' },
  { ref: 3, code: 'SMT', name: 'Sóng và máy tính cho em', kind: 'Phong trào', level: 'Trung ương' },
];

describe.each(testDatabases())('movements and contributions (DRV-1 … DRV-6) on $name', (database) => {
  let s: TestService;
  let raterA: string;
  let raterB: string;
  let viewer: string;
  let council: string;
  beforeAll(async () => {
    s = await startService(await database.open());
    const people = [
      { code: 'D1', name: 'Lò Văn Một', unit: 'Khoa Đông', dutyGroup: 'Giảng viên', score: 92 },
      { code: 'D2', name: 'Cầm Thị Hai', unit: 'Khoa Đông', dutyGroup: 'Giảng viên', score: 80 },
      { code: 'T1', name: 'Hà Văn Ba', unit: 'Khoa Tây', dutyGroup: 'Giảng viên', score: 85 },
      { code: 'T2', name: 'Quàng Thị Bốn', unit: 'Khoa Tây', dutyGroup: 'Giảng viên', score: 75 },
    ];
    // Khoa Đông also had D3 until June and D4 from October: only D4 was there in VNN's months (Oct–Nov).
    const d3 = { code: 'D3', name: 'Lường Văn Năm', unit: 'Khoa Đông', dutyGroup: 'Giảng viên', score: 80 };
    const d4 = { code: 'D4', name: 'Tòng Thị Sáu', unit: 'Khoa Đông', dutyGroup: 'Giảng viên', score: 80 };
    for (let m = 1; m <= 12; m++) {
      const rows = [...people, ...(m <= 6 ? [d3] : []), ...(m >= 10 ? [d4] : [])];
      expect((await s.call('POST', `/api/v1/months/${month(m)}/people`, { body: { rows } })).body.counts.rejected).toBe(0);
      expect((await s.call('POST', `/api/v1/months/${month(m)}/units`, { body: { rows: [{ unit: 'Khoa Đông', score: 91 }, { unit: 'Khoa Tây', score: 82 }] } })).body.counts.rejected).toBe(0);
    }
    raterA = await s.keyFor('rater', ['khoa đông']);
    raterB = await s.keyFor('rater', ['khoa tây']);
    viewer = await s.keyFor('viewer');
    council = await s.keyFor('council');
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('keeps the register: the council writes it, a rater may not, a code appears once', async () => {
    expect((await s.call('POST', `/api/v1/years/${YEAR}/movements`, { key: raterA, body: { rows: MOVEMENTS } })).status).toBe(403);
    const push = await s.call('POST', `/api/v1/years/${YEAR}/movements`, {
      key: council,
      body: { rows: [...MOVEMENTS, { ref: 4, code: 'vnn', name: 'Trùng mã' }, { ref: 5, code: 'X', name: 'Ngày sai', from: `10/05/${YEAR}`, to: `01/05/${YEAR}` }] },
    });
    expect(push.body.results.map((r: any) => r.status)).toEqual(['accepted', 'accepted', 'rejected', 'rejected']);
    expect(push.body.results[2].errors[0]).toEqual({ field: 'code', message: 'Mã «vnn» đã có ở dòng 2; mỗi phong trào một mã trong năm' });
    expect(push.body.results[3].errors[0].field).toBe('to');
    const sheet = (await s.call('GET', `/api/v1/years/${YEAR}/movements`, { key: viewer })).body;
    expect(sheet.rows.map((r: any) => [r.code, r.kind, r.level, r.from, r.to])).toEqual([
      ['VNN', 'Cuộc vận động, quyên góp', 'Tỉnh', `${YEAR}-10-17`, `${YEAR}-11-18`],
      ['SMT', 'Phong trào thi đua', 'Trung ương', null, null],
    ]);
  });

  it('stores contributions against the register, rejecting an unknown drive, a bad amount and another unit’s row', async () => {
    const push = await s.call('POST', `/api/v1/years/${YEAR}/contributions`, {
      key: raterA,
      body: {
        rows: [
          { ref: 2, driveCode: 'VNN', unit: 'Khoa Đông', code: 'D1', name: 'Lò Văn Một', amount: '1.500.000', date: `20/10/${YEAR}` },
          { ref: 3, driveCode: 'VNN', unit: 'Khoa Đông', code: 'D2', name: 'Cầm Thị Hai', amount: 300000, date: `21/10/${YEAR}` },
          { ref: 4, driveCode: 'vnn', unit: 'Khoa Đông', amount: '2000000', date: `01/12/${YEAR}`, receiptNo: 'PT-9' },
          { ref: 5, driveCode: 'SMT', unit: 'Khoa Đông', form: 'Hiện vật', inKind: '2 điện thoại cũ' },
          { ref: 6, driveCode: 'COVID', unit: 'Khoa Đông', amount: 100000 },
          { ref: 7, driveCode: 'VNN', unit: 'Khoa Đông', amount: '1,5 triệu' },
          { ref: 8, driveCode: 'VNN', unit: 'Khoa Đông', amount: -5000 },
          { ref: 9, driveCode: 'VNN', unit: 'Khoa Tây', code: 'T1', amount: 700000 },
        ],
      },
    });
    expect(push.body.results.map((r: any) => [r.ref, r.status, r.errors[0]?.field ?? null])).toEqual([
      [2, 'accepted', null],
      [3, 'accepted', null],
      [4, 'accepted', null],
      [5, 'accepted', null],
      [6, 'rejected', 'driveCode'],
      [7, 'rejected', 'amount'],
      [8, 'rejected', 'amount'],
      [9, 'rejected', 'unit'],
    ]);
    expect(push.body.results[4].errors[0].message).toBe('Không có phong trào mã «COVID» trong sổ phong trào của năm');
    expect(push.body.results[6].errors[0].message).toContain('không được âm');
    // The drive code is stored as the register writes it; the date outside the drive is a warning, not a refusal.
    const late = await s.call('POST', `/api/v1/years/${YEAR}/contributions`, {
      key: raterB,
      body: { rows: [{ ref: 2, driveCode: 'VNN', unit: 'Khoa Tây', code: 'T1', name: 'Hà Văn Ba', amount: 700000, date: `01/12/${YEAR}` }, { ref: 3, driveCode: 'VNN', unit: 'Khoa Tây', code: 'T2', name: 'Quàng Thị Bốn', amount: 2000000 }] },
    });
    expect(late.body.counts.accepted).toBe(2);
    const row = late.body.rows.find((r: any) => r.code === 'T1');
    expect(row.warnings).toEqual([`Ngày 01/12/${YEAR} ngoài thời gian của phong trào «Quỹ "Ngày vì người nghèo"» (17/10/${YEAR} – 18/11/${YEAR})`]);
  });

  it('shows person-level amounts to the admin, the council and the unit’s rater only; others get unit sums (DRV-4)', async () => {
    const as = async (key: string | undefined) => (await s.call('GET', `/api/v1/years/${YEAR}/contributions`, key ? { key } : {})).body;
    const [admin, byCouncil, a, b, v] = [await as(undefined), await as(council), await as(raterA), await as(raterB), await as(viewer)];
    const people = (sheet: any) => sheet.rows.filter((r: any) => r.code !== null).map((r: any) => [r.code, r.amount]);
    expect(people(admin)).toEqual([['D1', 1_500_000], ['D2', 300_000], ['T1', 700_000], ['T2', 2_000_000]]);
    expect(people(byCouncil)).toEqual(people(admin));
    expect(admin.personAmounts).toBe('all');
    expect(people(a)).toEqual([['D1', 1_500_000], ['D2', 300_000]]);
    expect(a.hidden).toEqual([{ driveCode: 'VNN', unit: 'Khoa Tây', form: 'money', rows: 2, amount: 2_700_000, inKindValue: null }]);
    expect(people(b)).toEqual([['T1', 700_000], ['T2', 2_000_000]]);
    expect(people(v)).toEqual([]);
    expect(v.personAmounts).toBe('none');
    expect(v.hidden.map((h: any) => [h.unit, h.rows, h.amount])).toEqual([['Khoa Đông', 2, 1_800_000], ['Khoa Tây', 2, 2_700_000]]);
    const text = JSON.stringify(v);
    expect(v.rows.every((r: any) => r.code === null && r.name === null)).toBe(true);
    for (const secret of ['Lò Văn Một', 'Cầm Thị Hai', 'Hà Văn Ba', 'Quàng Thị Bốn', ':1500000,', ':300000,', ':700000,']) expect(text).not.toContain(secret);
    // Unit-level rows and every total are everyone's.
    for (const sheet of [admin, byCouncil, a, b, v]) {
      expect(sheet.totals).toEqual(admin.totals);
      expect(sheet.rows.filter((r: any) => r.code === null).map((r: any) => [r.unit, r.driveCode, r.amount, r.inKind])).toEqual([
        ['Khoa Đông', 'VNN', 2_000_000, null],
        ['Khoa Đông', 'SMT', null, '2 điện thoại cũ'],
      ]);
    }
    expect(admin.totals.money).toBe(6_500_000);
    expect(admin.totals.phrase).toBe('hơn 6 triệu đồng');
    expect(admin.totals.drives.map((d: any) => [d.code, d.money, d.units, d.people, d.inKindCount])).toEqual([
      ['VNN', 6_500_000, 2, 4, 0],
      ['SMT', 0, 1, 0, 1],
    ]);
    expect(admin.totals.units.map((u: any) => [u.unit, u.money, u.participation])).toEqual([
      // Divided by the people rated in the unit in the drive's months, Oct–Nov (D1, D2, D4), not the year's four.
      ['Khoa Đông', 3_800_000, { people: 2, members: 3, pct: 66.7 }],
      ['Khoa Tây', 2_700_000, { people: 2, members: 2, pct: 100 }],
    ]);
  });

  it('changes no level and no title: results and proposals are the same before and after a large contribution', async () => {
    const before = [(await s.call('GET', `/api/v1/years/${YEAR}/results`)).body, (await s.call('GET', `/api/v1/years/${YEAR}/proposals`)).body];
    const months = (await s.call('GET', `/api/v1/months/${month(11)}/people`)).body.rows.map((r: any) => [r.code, r.level, r.rankInOrg]);
    const push = await s.call('POST', `/api/v1/years/${YEAR}/contributions`, {
      body: { rows: [{ driveCode: 'VNN', unit: 'Khoa Tây', code: 'T2', name: 'Quàng Thị Bốn', amount: 900_000_000, date: `30/10/${YEAR}`, receiptNo: 'PT-LỚN' }] },
    });
    expect(push.body.counts.accepted).toBe(1);
    const after = [(await s.call('GET', `/api/v1/years/${YEAR}/results`)).body, (await s.call('GET', `/api/v1/years/${YEAR}/proposals`)).body];
    expect(after).toEqual(before);
    expect((await s.call('GET', `/api/v1/months/${month(11)}/people`)).body.rows.map((r: any) => [r.code, r.level, r.rankInOrg])).toEqual(months);
    expect(JSON.stringify(after)).not.toContain('900000000');
    expect(after[1].units.map((u: any) => u.movements)).toEqual([null, null]);
  });

  it('shows each unit’s drives beside its proposals only under movementsInUnitYear = show, changing nothing else (DRV-5)', async () => {
    const proposals = async () => (await s.call('GET', `/api/v1/years/${YEAR}/proposals`)).body;
    const before = await proposals();
    const show = { ...DEFAULT_RULE_SET, dossier: { ...DEFAULT_RULE_SET.dossier, movementsInUnitYear: 'show' } };
    expect((await s.call('PUT', '/api/v1/rule-set', { body: show })).status).toBe(200);
    const after = await proposals();
    expect(Object.fromEntries(after.units.map((u: any) => [u.unit, u.movements]))).toEqual({
      'Khoa Đông': 'Phong trào tham gia: 2/2; đóng góp: 3.800.000 đồng',
      'Khoa Tây': 'Phong trào tham gia: 1/2; đóng góp: 902.700.000 đồng',
    });
    const strip = (answer: any) => ({ ...answer, ruleSetVersion: 0, units: answer.units.map((u: any) => ({ ...u, movements: null })) });
    expect(strip(after)).toEqual(strip(before));
    expect((await s.call('PUT', '/api/v1/rule-set', { body: DEFAULT_RULE_SET })).status).toBe(200);
  });

  it('counts a contribution in the year of its date and refuses pushes to a finalised year', async () => {
    const next = String(YEAR + 1);
    expect((await s.call('POST', `/api/v1/years/${YEAR}/contributions`, { body: { rows: [{ driveCode: 'SMT', unit: 'Khoa Đông', amount: 400000, date: `03/01/${next}`, receiptNo: 'PT-N' }] } })).body.counts.accepted).toBe(1);
    const here = (await s.call('GET', `/api/v1/years/${YEAR}/contributions`)).body.totals;
    expect(here.drives.find((d: any) => d.code === 'SMT').money).toBe(0);
    const there = (await s.call('GET', `/api/v1/years/${next}/contributions`)).body.totals;
    expect(there.drives.map((d: any) => [d.code, d.money])).toEqual([['SMT', 400_000]]);
    expect((await s.call('POST', `/api/v1/years/${YEAR}/decisions`, { body: { kind: 'finalise', reason: 'Chốt năm' } })).status).toBe(201);
    const refused = await s.call('POST', `/api/v1/years/${YEAR}/contributions`, { body: { rows: [{ driveCode: 'VNN', unit: 'Khoa Đông', amount: 1000 }] } });
    expect(refused.status).toBe(409);
    expect((await s.call('POST', `/api/v1/years/${YEAR}/movements`, { body: { rows: MOVEMENTS } })).status).toBe(409);
  });
});
