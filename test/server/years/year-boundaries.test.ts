import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';

const p = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

describe.each(testDatabases())('yearly pushes and results at the boundaries on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
  });
  afterAll(async () => {
    await s.db.close();
  });

  /** Months `from`…`to` of one person, the same row each month. */
  async function months(year: number, row: Record<string, unknown>, from: number, to: number) {
    for (let m = from; m <= to; m++) {
      const res = await s.call('POST', `/api/v1/months/${p(year, m)}/people`, { body: { rows: [row] } });
      expect(res.body.counts.rejected).toBe(0);
    }
  }
  const result = async (year: number, code: string) =>
    (await s.call('GET', `/api/v1/years/${year}/results`)).body.people.find((r: any) => r.code === code);

  it('classifies a person with exactly 6 months worked and leaves 5 unclassified', async () => {
    const row = (code: string) => ({ code, name: `Người ${code}`, unit: 'Khoa Sáu', dutyGroup: 'Giảng viên', score: 85 });
    await months(2031, row('S6'), 1, 6);
    await months(2031, row('S5'), 1, 5);
    await months(2031, row('SM'), 1, 4);
    await months(2031, { ...row('SM'), score: '', leave: 'Thai sản' }, 5, 6);
    expect(await result(2031, 'S6')).toMatchObject({ monthsCounted: 6, annualScore: 85, level: 'HTT' });
    expect(await result(2031, 'SM')).toMatchObject({ monthsCounted: 6, monthsMaternity: 2, level: 'HTT' });
    const five = await result(2031, 'S5');
    expect(five).toMatchObject({ monthsCounted: 5, level: 'NONE', rankInOrg: null });
    expect(five.reasons).toEqual([expect.stringMatching(/^Chưa đủ 6 tháng công tác \(5 tháng công tác; tối thiểu 6 tháng/)]);
  });

  it('makes an HTT person CSTĐCS once a recognised initiative of the year is pushed', async () => {
    await months(2032, { code: 'K1', name: 'Kiều Văn Khởi', unit: 'Khoa Sáng', dutyGroup: 'Giảng viên', score: 85 }, 1, 12);
    const cstdcs = async () =>
      (await s.call('GET', '/api/v1/years/2032/proposals')).body.people.find((x: any) => x.code === 'K1').proposals.find((t: any) => t.title === 'CSTDCS');
    expect((await cstdcs()).eligible).toBe(false);
    const push = await s.call('POST', '/api/v1/years/2032/initiatives', {
      body: {
        rows: [
          { ref: 3, code: 'K1', kind: 'Sáng kiến', title: 'Ngân hàng câu hỏi ôn tập', level: 'Cơ sở', recognisedOn: '05/12/2032' },
          { ref: 4, code: 'K1', kind: 'Sáng kiến', title: 'Năm trước', level: 'Cơ sở', recognisedOn: '05/12/2031' },
          { ref: 5, code: 'NOBODY', kind: 'Sáng kiến', title: 'Không ai', level: 'Cơ sở', recognisedOn: '05/12/2032' },
          { ref: 6, code: 'K1', kind: 'Sáng kiến', title: 'Thiếu cấp', recognisedOn: '05/12/2032' },
          { ref: 7, name: 'Kiều Văn Khởi', kind: 'Sáng kiến', title: 'Thiếu đơn vị', level: 'Tỉnh', recognisedOn: '05/12/2032' },
        ],
      },
    });
    expect(push.body.results.map((r: any) => r.status)).toEqual(['accepted', 'rejected', 'rejected', 'rejected', 'rejected']);
    expect(push.body.results[1].errors).toEqual([
      { field: 'recognisedOn', message: 'Ngày công nhận 05/12/2031 không thuộc năm 2032; ghi vào bảng sáng kiến, đề tài năm 2031' },
    ]);
    expect(push.body.results[2].errors[0].message).toContain('Không tìm thấy cán bộ Mã CB NOBODY');
    expect(push.body.results[3].errors).toEqual([{ field: 'level', message: 'Sáng kiến cần Cấp công nhận: cơ sở, tỉnh hoặc toàn quốc' }]);
    expect(push.body.results[4].errors).toEqual([{ field: 'code', message: 'Cần Mã CB, hoặc Họ và tên và Đơn vị' }]);
    const after = await cstdcs();
    expect(after.eligible).toBe(true);
    expect(after.reasons[1]).toBe('Đạt: sáng kiến «Ngân hàng câu hỏi ôn tập» công nhận cấp cơ sở ngày 05/12/2032 (Luật TĐKT Điều 23)');
  });

  it('refuses pushes to a finalised year with a clear message, and accepts them after reopening', async () => {
    const row = { code: 'F1', name: 'Lò Thị Phương', unit: 'Khoa Chốt', allTasksDone: 'Có' };
    expect((await s.call('POST', '/api/v1/years/2033/people', { body: { rows: [row] } })).body.counts.accepted).toBe(1);
    const council = await s.keyFor('council');
    expect((await s.call('POST', '/api/v1/years/2033/decisions', { body: { kind: 'finalise' }, key: council })).status).toBe(201);
    const refused = await s.call('POST', '/api/v1/years/2033/people', { body: { rows: [{ ...row, allTasksDone: 'Không', baseVersion: 1 }] } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'period_finalised', message: 'Năm 2033 đã được Hội đồng chốt; không thể sửa. Đề nghị Hội đồng mở lại nếu cần.' });
    const initiative = { code: 'F1', kind: 'Đề tài', title: 'Đề tài chốt', recognisedOn: '01/03/2033' };
    expect((await s.call('POST', '/api/v1/years/2033/initiatives', { body: { rows: [initiative] } })).status).toBe(409);
    const sheet = await s.call('GET', '/api/v1/years/2033/people');
    expect(sheet.body).toMatchObject({ finalised: true, rows: [{ code: 'F1', allTasksDone: true, version: 1 }] });
    const again = await s.call('POST', '/api/v1/years/2033/decisions', { body: { kind: 'raise-rate', rate: 25, reason: 'Đơn vị xuất sắc' }, key: council });
    expect(again.body.error).toMatchObject({ code: 'period_finalised', message: 'Năm 2033 đã chốt; cần mở lại trước khi thay đổi' });
    expect((await s.call('POST', '/api/v1/years/2033/decisions', { body: { kind: 'reopen' }, key: council })).status).toBe(422);
    expect((await s.call('POST', '/api/v1/years/2033/decisions', { body: { kind: 'reopen', reason: 'Bổ sung kỷ luật' }, key: council })).status).toBe(201);
    const ok = await s.call('POST', '/api/v1/years/2033/people', { body: { rows: [{ ...row, allTasksDone: 'Không', baseVersion: 1 }] } });
    expect(ok.body.results[0]).toMatchObject({ status: 'accepted', version: 2 });
    expect((await s.call('GET', '/api/v1/years/2033/results')).body.decisions.map((d: any) => d.kind)).toEqual(['finalise', 'reopen']);
  });

  it('lets a rater write yearly rows and initiatives only for the units named for it', async () => {
    await s.call('POST', '/api/v1/months/2034-01/people', {
      body: { rows: [{ code: 'R1', name: 'Vì Văn Long', unit: 'Khoa E', score: 80 }, { code: 'R2', name: 'Cầm Thị Mai', unit: 'Khoa F', score: 80 }] },
    });
    const rater = await s.keyFor('rater', ['khoa e']);
    const yearly = await s.call('POST', '/api/v1/years/2034/people', {
      body: { rows: [{ code: 'R1', name: 'Vì Văn Long', unit: 'Khoa E', latePct: 10 }, { code: 'R2', name: 'Cầm Thị Mai', unit: 'Khoa F', latePct: 10 }] },
      key: rater,
    });
    expect(yearly.body.results.map((r: any) => r.status)).toEqual(['accepted', 'rejected']);
    expect(yearly.body.results[1].errors).toEqual([{ field: 'unit', message: 'Bạn không được phân công ghi kết quả cho đơn vị này' }]);
    const moved = await s.call('POST', '/api/v1/years/2034/people', { body: { rows: [{ code: 'R2', name: 'Cầm Thị Mai', unit: 'Khoa E' }] }, key: rater });
    expect(moved.body.results[0].errors[0]).toEqual({ field: 'code', message: 'Cán bộ R2 thuộc đơn vị khác; bạn không được ghi kết quả cho người này' });
    const initiatives = await s.call('POST', '/api/v1/years/2034/initiatives', {
      body: { rows: [{ code: 'R1', kind: 'Đề tài', title: 'Đề tài E', recognisedOn: '02/02/2034' }, { code: 'R2', kind: 'Đề tài', title: 'Đề tài F', recognisedOn: '02/02/2034' }] },
      key: rater,
    });
    expect(initiatives.body.results.map((r: any) => r.status)).toEqual(['accepted', 'rejected']);
    const viewer = await s.keyFor('viewer');
    expect((await s.call('POST', '/api/v1/years/2034/people', { body: { rows: [] }, key: viewer })).status).toBe(403);
    expect((await s.call('GET', '/api/v1/years/2034/results', { key: viewer })).status).toBe(200);
  });

  // postgres.js once failed on an array parameter whose first element was a boolean.
  it('stores yes/no cells whichever row carries them first, on the monthly and the yearly sheet', async () => {
    const row = { code: 'B1', name: 'Mạc Văn Bool', unit: 'Khoa B', score: 92, allTasksDone: 'Có', exceededPct: 40 };
    const month = await s.call('POST', '/api/v1/months/2036-01/people', { body: { rows: [row, { ...row, code: 'B2', allTasksDone: '' }] } });
    expect(month.body.counts.accepted).toBe(2);
    const year = await s.call('POST', '/api/v1/years/2036/people', {
      body: { rows: [{ code: 'B1', name: row.name, unit: row.unit, allTasksDone: 'Không', pendingDisciplineCase: 'Có' }] },
    });
    expect(year.body.rows[0]).toMatchObject({ code: 'B1', allTasksDone: false, pendingDisciplineCase: true, level: 'NONE' });
  });

  it('versions yearly rows, answers conflicts with the stored values, replays retries and names bad fields', async () => {
    const push = (rows: unknown[], idem?: string) =>
      s.call('POST', '/api/v1/years/2035/people', { body: { rows }, ...(idem ? { headers: { 'idempotency-key': idem } } : {}) });
    const row = { code: 'V1', name: 'Hà Văn Vinh', unit: 'Khoa V', exceededPct: 30 };
    expect((await push([row])).body.results[0]).toMatchObject({ status: 'accepted', version: 1 });
    expect((await push([{ ...row, exceededPct: 40, baseVersion: 1 }])).body.results[0]).toMatchObject({ status: 'accepted', version: 2 });
    const stale = (await push([{ ...row, exceededPct: 50, baseVersion: 1 }])).body.results[0];
    expect(stale).toMatchObject({ status: 'conflict', version: 2, stored: { exceededPct: 40, version: 2 } });
    expect((await push([{ ...row, exceededPct: 40, baseVersion: 1 }])).body.results[0]).toMatchObject({ status: 'unchanged', version: 2 });

    const rows = [{ code: 'V2', name: 'Đinh Thị Vân', unit: 'Khoa V', note: 'Mới' }];
    const first = await push(rows, 'year-retry-0001');
    const audit = (await s.call('GET', '/api/v1/audit?period=2035')).body;
    expect(audit.filter((e: any) => e.entity === 'person_year').map((e: any) => e.entityKey).sort()).toEqual(['V1', 'V1', 'V2']);
    const retry = await push(rows, 'year-retry-0001');
    expect(retry.body.results).toEqual(first.body.results);
    expect((await s.call('GET', '/api/v1/audit?period=2035')).body).toHaveLength(audit.length);

    const bad = await push([
      { code: 'V3', name: 'Bad Vote', unit: 'Khoa V', voteAgree: 11, voteTotal: 10 },
      { code: 'V4', name: 'Bad Prior', unit: 'Khoa V', priorTitles: 'CSTĐCS 2034, 2035' },
      { code: 'V5', name: 'Bad Prior', unit: 'Khoa V', priorTitles: 'Huân chương 2030' },
      { code: 'V6', name: 'Bad Pct', unit: 'Khoa V', exceededPct: 120, pendingDisciplineCase: 'có lẽ' },
    ]);
    expect(bad.body.results.map((r: any) => r.errors)).toEqual([
      [{ field: 'voteAgree', message: 'Số phiếu đồng ý (CSTĐCS) (11) lớn hơn Số thành viên Hội đồng (10)' }],
      [{ field: 'priorTitles', message: 'Danh hiệu các năm trước chỉ ghi các năm trước 2035 (có năm 2035)' }],
      [{ field: 'priorTitles', message: 'Danh hiệu các năm trước: không hiểu «Huân chương 2030» (ghi như "CSTĐCS 2019, CSTĐCS 2020, HTXS 2020")' }],
      [
        { field: 'exceededPct', message: 'Tỷ lệ nhiệm vụ vượt mức phải từ 0 đến 100' },
        { field: 'pendingDisciplineCase', message: 'Đang xem xét kỷ luật phải là "Có" hoặc "Không"' },
      ],
    ]);
  });
});
