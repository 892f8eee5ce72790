import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../server/contract/errors.ts';
import type { PersonPushResponse, UnitPushResponse } from '../../../server/contract/push.ts';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';

type Reply<T> = T & ErrorBody;

describe.each(testDatabases())('the parts of the score against the rule set’s resultsMax on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
  });
  afterAll(async () => {
    await s.db.close();
  });

  const pushPeople = (period: string, rows: unknown[]) =>
    s.call<Reply<PersonPushResponse>>('POST', `/api/v1/months/${period}/people`, { body: { rows } });
  const preset = async (name: string) => expect((await s.call('PUT', '/api/v1/rule-set', { body: { preset: name } })).status).toBe(200);

  it('refuses a results score above 70 under the default rule set, naming the cell and the setting, and stores the other rows', async () => {
    await preset('default');
    const res = await pushPeople('2026-01', [
      { ref: 5, code: 'PM01', name: 'Lê Văn Một', unit: 'Phòng Đào tạo', general: 5, results: 75 },
      { ref: 6, code: 'PM02', name: 'Lê Văn Hai', unit: 'Phòng Đào tạo', general: 25, results: 70 },
      { ref: 7, code: 'PM03', name: 'Lê Văn Ba', unit: 'Phòng Đào tạo', general: 31, results: 50 },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ accepted: 1, unchanged: 0, rejected: 2, conflict: 0 });
    expect(res.body.results[0]).toMatchObject({
      ref: 5,
      key: 'PM01',
      status: 'rejected',
      errors: [{ field: 'results', message: 'Điểm kết quả thực hiện nhiệm vụ phải từ 0 đến 70 (resultsMax của bộ quy tắc)' }],
    });
    expect(res.body.results[2]!.errors).toEqual([
      { field: 'general', message: 'Điểm tiêu chí chung phải từ 0 đến 30 (100 − resultsMax 70 của bộ quy tắc)' },
    ]);
    // A rejected row creates nobody.
    expect(res.body.rows.map((r) => r.code)).toEqual(['PM02']);
  });

  it('accepts results up to 80 and general up to 20 under haiphong-2025 (20 + 80), and refuses general 25 there', async () => {
    await preset('haiphong-2025');
    try {
      const res = await pushPeople('2026-02', [
        { ref: 2, code: 'HP01', name: 'Phạm Thị Một', unit: 'Phòng Tổ chức', general: 18, results: 78 },
        { ref: 3, code: 'HP02', name: 'Phạm Thị Hai', unit: 'Phòng Tổ chức', general: 25, results: 60 },
      ]);
      expect(res.body.counts).toEqual({ accepted: 1, unchanged: 0, rejected: 1, conflict: 0 });
      expect(res.body.rows.find((r) => r.code === 'HP01')).toMatchObject({ score: 96, levelBeforeQuota: 'HTXS' });
      expect(res.body.results[1]!.errors).toEqual([
        { field: 'general', message: 'Điểm tiêu chí chung phải từ 0 đến 20 (100 − resultsMax 80 của bộ quy tắc)' },
      ]);
    } finally {
      await preset('default');
    }
  });

  it('checks a unit’s month the same way', async () => {
    const res = await s.call<Reply<UnitPushResponse>>('POST', '/api/v1/months/2026-03/units', {
      body: { rows: [{ ref: 4, unit: 'Khoa Lý luận', general: 20, results: 71 }, { ref: 5, unit: 'Phòng Đào tạo', general: 20, results: 70 }] },
    });
    expect(res.body.counts).toEqual({ accepted: 1, unchanged: 0, rejected: 1, conflict: 0 });
    expect(res.body.results[0]).toMatchObject({ key: 'Khoa Lý luận', errors: [{ field: 'results' }] });
  });
});
