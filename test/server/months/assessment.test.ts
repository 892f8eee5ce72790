import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../server/contract/errors.ts';
import type { PersonMonth, PersonPushResponse } from '../../../server/contract/push.ts';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';

type Reply<T> = T & ErrorBody;

describe.each(testDatabases())('self-assessment and approval on the month’s row (TASK-5) on $name', (database) => {
  let s: TestService;
  let rater: string;
  beforeAll(async () => {
    s = await startService(await database.open());
    // A rater's units are kept as match keys (server/contract/text.ts).
    rater = await s.keyFor('rater', ['phòng đào tạo']);
  });
  afterAll(async () => {
    await s.db.close();
  });

  const push = (rows: unknown[], key?: string) =>
    s.call<Reply<PersonPushResponse>>('POST', '/api/v1/months/2026-04/people', { body: { rows }, ...(key ? { key } : {}) });
  const row = async (code: string) => (await s.call<PersonMonth>('GET', '/api/v1/months/2026-04/people')).body.rows.find((r) => r.code === code)!;
  const parts = { generalI1: 5, generalI2: 4.5, generalII1: 2.5, generalII2: 2, generalII3: 2.5, generalII4: 2.5, generalIII: 8 };
  const who = { code: 'TC01', name: 'Lò Văn Tự', unit: 'Phòng Đào tạo' };

  it('fills a blank general score from the seven parts, names every cell when the parts and the general score differ, and bounds TC III by generalPartIIIMax', async () => {
    const res = await push([
      { ref: 2, ...who, ...parts, results: 60, selfScore: 97, headScore: 88 },
      { ref: 3, code: 'TC02', name: 'Lò Thị Hai', unit: 'Phòng Đào tạo', generalI1: 5, generalII1: 2.5, general: 8 },
      { ref: 4, code: 'TC03', name: 'Lò Văn Ba', unit: 'Phòng Đào tạo', generalIII: 12 },
    ]);
    expect(res.body.counts).toMatchObject({ accepted: 1, rejected: 2 });
    expect(res.body.results[1]!.errors.map((e) => e.field)).toEqual(['general', 'generalI1', 'generalII1']);
    expect(res.body.results[1]!.errors[0]!.message).toBe('Điểm tiêu chí chung (8) phải bằng tổng TC I.1 + TC II.1 (7,5)');
    expect(res.body.results[2]!.errors).toEqual([{ field: 'generalIII', message: 'TC III phải từ 0 đến 10 (generalPartIIIMax)' }]);
    // 27 + 60 = 87; the self score 97 is 10 away: flagged, never changed.
    expect(await row('TC01')).toMatchObject({ score: 87, selfScore: 97, headScore: 88, assessmentStatus: null });
    expect((await row('TC01')).reasons.at(-1)).toBe('Điểm tự chấm lệch 10 điểm so với điểm đánh giá (selfGapWarn)');
  });

  it('lets a rater move their unit’s rows up to Trưởng đơn vị only, keeps the council’s step when the cell is blank, and shows Đã chốt once the month is finalised', async () => {
    const who = { code: 'TC11', name: 'Lò Văn Mười Một', unit: 'Phòng Đào tạo' };
    const row = async (code: string) => (await s.call<PersonMonth>('GET', '/api/v1/months/2026-05/people')).body.rows.find((r) => r.code === code)!;
    const push = (rows: unknown[], key?: string) =>
      s.call<Reply<PersonPushResponse>>('POST', '/api/v1/months/2026-05/people', { body: { rows }, ...(key ? { key } : {}) });
    expect((await push([{ ...who, ...parts, results: 60 }])).body.counts.accepted).toBe(1);
    let res = await push([{ ...who, ...parts, results: 60, assessmentStatus: 'Trưởng đơn vị', baseVersion: 1 }], rater);
    expect(res.body.counts.accepted).toBe(1);
    expect((await row('TC11')).assessmentStatus).toBe('truong-don-vi');

    res = await push([{ ...who, ...parts, results: 60, assessmentStatus: 'Hội đồng', baseVersion: 2 }], rater);
    expect(res.body.results[0]!.errors).toEqual([{ field: 'assessmentStatus', message: 'Chỉ Hội đồng hoặc quản trị mới chuyển trạng thái đánh giá sang «Hội đồng»' }]);

    expect((await push([{ ...who, ...parts, results: 60, assessmentStatus: 'hội đồng', baseVersion: 2 }])).body.counts.accepted).toBe(1);
    // The rater's sheet without the column (blank status) keeps the council's step; taking it back is refused.
    res = await push([{ ...who, ...parts, results: 61, baseVersion: 3 }], rater);
    expect(res.body.counts.accepted).toBe(1);
    expect(await row('TC11')).toMatchObject({ score: 88, assessmentStatus: 'hoi-dong' });
    res = await push([{ ...who, ...parts, results: 61, assessmentStatus: 'Tự chấm', baseVersion: 4 }], rater);
    expect(res.body.results[0]!.errors[0]!.message).toBe('Đánh giá đang ở bước «Hội đồng»: chỉ Hội đồng hoặc quản trị mới đổi được');

    expect((await s.call('POST', '/api/v1/months/2026-05/decisions', { body: { kind: 'finalise', reason: 'Họp Hội đồng' } })).status).toBe(201);
    expect((await row('TC11')).assessmentStatus).toBe('da-chot');
  });
});
