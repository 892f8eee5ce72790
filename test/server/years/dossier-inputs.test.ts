import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';

describe.each(testDatabases())('council votes and the decisions register on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
    const rows = [
      { code: 'V1', name: 'Vũ Thị Vân', unit: 'Khoa Vàng', dutyGroup: 'Giảng viên', score: 92 },
      { code: 'V2', name: 'Võ Văn Vĩnh', unit: 'Khoa Vàng', dutyGroup: 'Giảng viên', score: 85 },
    ];
    expect((await s.call('POST', '/api/v1/months/2040-01/people', { body: { rows } })).body.counts.accepted).toBe(2);
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('stores votes of people and collectives, computing Tỷ lệ đồng ý and Kết quả, and rejects bad rows by cell', async () => {
    const council = await s.keyFor('council');
    const push = await s.call('POST', '/api/v1/years/2040/votes', {
      key: council,
      body: {
        rows: [
          { ref: 2, code: 'V1', title: 'CSTĐCS', members: 9, present: 9, agree: 8 },
          { ref: 3, name: 'Võ Văn Vĩnh', unit: 'Khoa Vàng', title: 'CSTĐCS', members: 9, present: 6, agree: 7 },
          { ref: 4, unit: 'Khoa Vàng', title: 'Tập thể LĐXS', members: 9, agree: 5 },
          { ref: 5, code: 'V1', title: 'CSTĐCS', members: 9, agree: 9 },
          { ref: 6, code: 'V2', title: 'LĐTT', members: 9, agree: 10 },
          { ref: 7, code: 'V2', title: 'LĐTT', members: 0, agree: 0 },
          { ref: 8, code: 'NOBODY', title: 'LĐTT', members: 9, agree: 9 },
          { ref: 9, unit: 'Khoa Không Có', title: 'Tập thể LĐTT', members: 9, agree: 9 },
        ],
      },
    });
    expect(push.status).toBe(200);
    expect(push.body.results.map((r: any) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected']);
    expect(push.body.results.map((r: any) => r.key).slice(0, 3)).toEqual(['V1', 'V2', 'Khoa Vàng']);
    expect(push.body.results[3].errors).toEqual([{ field: 'title', message: 'Biểu quyết CSTĐCS của cùng một người xuất hiện nhiều lần trong lần gửi này' }]);
    expect(push.body.results[4].errors).toEqual([{ field: 'agree', message: 'Số phiếu đồng ý (10) lớn hơn Số thành viên Hội đồng (9)' }]);
    expect(push.body.results[5].errors).toContainEqual({ field: 'members', message: 'Số thành viên Hội đồng phải từ 1 trở lên' });
    expect(push.body.results[6].errors[0].message).toContain('Không tìm thấy cán bộ Mã CB NOBODY');
    expect(push.body.results[7].errors).toEqual([
      { field: 'unit', message: 'Không tìm thấy đơn vị «Khoa Không Có»; hãy đồng bộ trước bảng đánh giá có đơn vị này' },
    ]);
    const sheet = (await s.call('GET', '/api/v1/years/2040/votes')).body;
    expect(sheet.rows.map((r: any) => [r.holder, r.code, r.unit, r.title, r.agreePct, r.passed])).toEqual([
      ['person', 'V1', 'Khoa Vàng', 'CSTDCS', 88.9, true],
      ['person', 'V2', 'Khoa Vàng', 'CSTDCS', 77.8, false],
      ['unit', null, 'Khoa Vàng', 'TT_LDXS', 55.6, null],
    ]);
    expect(sheet.rows[1].warnings[0]).toMatch(/^Phiên họp xét khen thưởng cần ít nhất 80% thành viên dự \(có 6\/9/);
    expect(sheet.rows[2].reasons[0]).toMatch(/danh hiệu này không cần biểu quyết theo voteThresholds/);
    // Sent again with its version it is unchanged; with an old version, a conflict carrying the stored counts.
    const again = await s.call('POST', '/api/v1/years/2040/votes', {
      key: council,
      body: { rows: [{ code: 'V1', title: 'CSTĐCS', members: 9, present: 9, agree: 8, baseVersion: 1 }, { code: 'V2', title: 'CSTĐCS', members: 9, agree: 9, baseVersion: 0 }] },
    });
    expect(again.body.results.map((r: any) => r.status)).toEqual(['unchanged', 'conflict']);
    expect(again.body.results[1].stored).toMatchObject({ members: 9, present: 6, agree: 7 });
  });

  it('lets only the council or an admin write votes and decisions', async () => {
    const rater = await s.keyFor('rater', ['khoa vàng']);
    for (const path of ['votes', 'decisions-register']) {
      const refused = await s.call('POST', `/api/v1/years/2040/${path}`, { key: rater, body: { rows: [] } });
      expect(refused.status, path).toBe(403);
      expect(refused.body.error.message).toBe('Bạn không có quyền thực hiện thao tác này');
      expect((await s.call('GET', `/api/v1/years/2040/${path}`, { key: rater })).status, path).toBe(200);
    }
  });

  it('stores decisions by holder, title and Năm thành tích with «Năm chưa chốt» while that year is open', async () => {
    const push = await s.call('POST', '/api/v1/years/2040/decisions-register', {
      body: {
        rows: [
          { ref: 2, decisionNo: '12/QĐ-TCT', decidedOn: '20/01/2040', issuer: 'Trường Chính trị', code: 'V1', title: 'CSTĐCS', achievementYear: 2039 },
          { ref: 3, decisionNo: '12/QĐ-TCT', decidedOn: '20/01/2040', code: 'V1', title: 'LĐTT', achievementYear: 2039 },
          { ref: 4, decisionNo: '13/QĐ-TCT', decidedOn: '20/01/2040', holder: 'Tập thể', unit: 'Khoa Vàng', title: 'Tập thể LĐTT', achievementYear: 2039 },
          { ref: 5, decisionNo: '14/QĐ-TCT', decidedOn: '21/01/2040', code: 'V1', title: 'CSTĐCS', achievementYear: 2039 },
          { ref: 6, decisionNo: '15/QĐ-TCT', decidedOn: '21/01/2040', code: 'V1', title: 'Tập thể LĐTT', achievementYear: 2039 },
          { ref: 7, decisionNo: '', decidedOn: '21/01/2040', code: 'V2', title: 'LĐTT', achievementYear: 2039 },
        ],
      },
    });
    expect(push.body.results.map((r: any) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'rejected', 'rejected', 'rejected']);
    expect(push.body.results[3].errors).toEqual([{ field: 'title', message: 'CSTĐCS năm thành tích 2039 của cùng một người xuất hiện nhiều lần trong lần gửi này' }]);
    expect(push.body.results[4].errors[0]).toEqual({ field: 'unit', message: 'Thiếu Đơn vị (tập thể được khen thưởng)' });
    expect(push.body.results[5].errors[0]).toMatchObject({ field: 'decisionNo' });
    const sheet = (await s.call('GET', '/api/v1/years/2040/decisions-register')).body;
    expect(sheet.rows.map((r: any) => [r.holder, r.code, r.unit, r.title, r.achievementYear, r.decisionNo, r.decidedOn])).toEqual([
      ['person', 'V1', 'Khoa Vàng', 'CSTDCS', 2039, '12/QĐ-TCT', '2040-01-20'],
      ['person', 'V1', 'Khoa Vàng', 'LDTT', 2039, '12/QĐ-TCT', '2040-01-20'],
      ['unit', null, 'Khoa Vàng', 'TT_LDTT', 2039, '13/QĐ-TCT', '2040-01-20'],
    ]);
    expect(sheet.rows[0].warnings).toEqual(['Năm chưa chốt: kết quả xét của Bình Xét có thể còn thay đổi']);
    const council = await s.keyFor('council');
    expect((await s.call('POST', '/api/v1/years/2039/decisions', { body: { kind: 'finalise' }, key: council })).status).toBe(201);
    expect((await s.call('GET', '/api/v1/years/2040/decisions-register')).body.rows[0].warnings).toEqual([]);
  });

  it('refuses votes and decisions to a finalised year', async () => {
    const council = await s.keyFor('council');
    expect((await s.call('POST', '/api/v1/years/2041/decisions', { body: { kind: 'finalise' }, key: council })).status).toBe(201);
    const vote = await s.call('POST', '/api/v1/years/2041/votes', { key: council, body: { rows: [{ code: 'V1', title: 'CSTĐCS', members: 9, agree: 9 }] } });
    expect(vote.status).toBe(409);
    expect(vote.body.error.code).toBe('period_finalised');
    const decision = await s.call('POST', '/api/v1/years/2041/decisions-register', {
      key: council,
      body: { rows: [{ decisionNo: '1/QĐ', decidedOn: '01/02/2041', code: 'V1', title: 'LĐTT', achievementYear: 2040 }] },
    });
    expect(decision.status).toBe(409);
  });
});
