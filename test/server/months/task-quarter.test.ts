import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../server/contract/errors.ts';
import type { TaskQuarter } from '../../../server/contract/task-sheet.ts';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';

type Reply<T> = T & ErrorBody;

describe.each(testDatabases())('a quarter’s task results over HTTP on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
    const person = { code: 'Q01', name: 'Vũ Thị Quý', unit: 'Phòng Đào tạo' };
    await s.call('POST', '/api/v1/months/2026-12/people', { body: { rows: [{ ...person, general: 27 }] } });
    await s.call('POST', '/api/v1/months/2026-09/people', { body: { rows: [{ code: 'Q02', name: 'Vũ Văn Hai', unit: 'Phòng Đào tạo', score: 80 }] } });
    const push = async (period: string, rows: unknown[]) =>
      expect((await s.call('POST', `/api/v1/months/${period}/tasks`, { body: { rows } })).body.counts.rejected).toBe(0);
    // October: 1 of 1 done; November: nothing assigned of weight (g = 0); December: k = 2, 1 of 3 done.
    await push('2026-10', [{ ...person, taskRef: 'A', taskName: 'Báo cáo tháng 10', g: 1, h: 1 }]);
    await push('2026-11', [{ ...person, taskRef: 'B', taskName: 'Việc tháng 11', g: 0, h: 0 }]);
    await push('2026-12', [{ ...person, taskRef: 'C', taskName: 'Đề án', k: 2, g: 3, h: 1 }]);
    // Someone with tasks in the quarter but no row on December's sheet of people.
    await push('2026-10', [{ code: 'Q02', name: 'Vũ Văn Hai', unit: 'Phòng Đào tạo', taskRef: 'D', taskName: 'Tờ trình', h: 1 }]);
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('adds the three months’ sums before the formula (Σ done over Σ assigned, never the mean of monthly percentages)', async () => {
    const res = await s.call<Reply<TaskQuarter>>('GET', '/api/v1/quarters/2026-Q4/tasks');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ quarter: '2026-Q4', months: ['2026-10', '2026-11', '2026-12'] });
    expect(res.body.rows.map((r) => [r.code, r.taskRef, r.period])).toEqual([
      ['Q01', 'A', '2026-10'],
      ['Q02', 'D', '2026-10'],
      ['Q01', 'B', '2026-11'],
      ['Q01', 'C', '2026-12'],
    ]);
    // A = 1 + 0 + 6 = 7, done 1 + 2 = 3: 42.86 %; the mean of the months' 100 % and 33.33 % would be 66.67 %.
    const q01 = res.body.people.find((p) => p.code === 'Q01')!;
    expect(q01).toMatchObject({ quantityPct: 42.86, qualityPct: 42.86, progressPct: 42.86, results: 30, score: 57, allTasksDone: false });
    // Gates from the tasks: latePct = 4/7 = 57.1 > 20 → KHT.
    expect(q01.level).toBe('KHT');
    expect(q01.reasons[0]).toBe('Điểm kết quả tính từ nhiệm vụ: 30/70 (số lượng 42,86%, chất lượng 42,86%, tiến độ 42,86%; taskAxisWeights 1:1:1; deductionMode = graduated: trừ 25% mỗi lần chưa đạt hoặc chậm)');
    expect(res.body.people.find((p) => p.code === 'Q02')).toMatchObject({ results: 70, level: 'NONE', label: 'Không xếp loại', reasons: expect.arrayContaining(['Chưa có điểm tiêu chí chung — chưa tính được điểm đánh giá']) });
  });

  it('refuses a quarter that is not YYYY-Qn, in Vietnamese', async () => {
    const res = await s.call<ErrorBody>('GET', '/api/v1/quarters/2026-Q5/tasks');
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('Quý phải có dạng YYYY-Qn');
  });
});
