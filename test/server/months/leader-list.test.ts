import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../server/contract/errors.ts';
import { RULE_SET_PRESETS } from '../../../server/contract/rule-set.ts';
import type { TaskPushResponse } from '../../../server/contract/task-sheet.ts';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';

type Reply<T> = T & ErrorBody;

describe.each(testDatabases())('leaders who manage a typed list (leaderScope = list) on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
  });
  afterAll(async () => {
    await s.db.close();
  });

  const nd335 = RULE_SET_PRESETS['nd335-2026']!;
  const withList = (leaderManages: Record<string, string[]>) => ({
    ...nd335,
    tasks: { ...nd335.tasks, leaderScope: 'list', leaderManages },
  });

  it('takes d from the listed people, across units, and leaves out the leader’s own unit', async () => {
    expect((await s.call('PUT', '/api/v1/rule-set', { body: withList({ TP1: ['GV1', 'GV2'] }) })).status).toBe(200);
    await s.call('POST', '/api/v1/months/2026-06/people', {
      body: {
        rows: [
          { code: 'TP1', name: 'Hà Văn Trưởng', unit: 'Phòng Đào tạo', general: 27, leaderOtherPct: 80 },
          // Same unit, not listed: below HT, yet d stays 100.
          { code: 'CV1', name: 'Hà Thị Chuyên', unit: 'Phòng Đào tạo', score: 40 },
          { code: 'GV1', name: 'Hà Văn Giảng', unit: 'Khoa Lý luận', score: 85 },
          { code: 'GV2', name: 'Hà Thị Viên', unit: 'Khoa Nhà nước', score: 75 },
        ],
      },
    });
    const res = await s.call<Reply<TaskPushResponse>>('POST', '/api/v1/months/2026-06/tasks', {
      body: { rows: [{ code: 'TP1', taskRef: 'KH-1', taskName: 'Kế hoạch năm học', h: 1 }] },
    });
    const leader = res.body.people.find((p) => p.code === 'TP1')!;
    // 70 · (300 + d 100 + đ 100 + e 80) / 600 = 67.67 → 67.7
    expect(leader).toMatchObject({ results: 67.7, score: 94.7 });
    expect(leader.reasons).toContain('Kết quả đơn vị 100%: cả 2 người do lãnh đạo quản lý đạt Hoàn thành nhiệm vụ trở lên (leaderScope)');

    // One listed person falls below HT: d = 50.
    await s.call('POST', '/api/v1/months/2026-06/people', {
      body: { rows: [{ code: 'GV2', name: 'Hà Thị Viên', unit: 'Khoa Nhà nước', score: 45, baseVersion: 1 }] },
    });
    const again = await s.call<Reply<TaskPushResponse>>('GET', '/api/v1/months/2026-06/tasks');
    expect(again.body.people.find((p) => p.code === 'TP1')).toMatchObject({ results: 61.8 });
  });

  it('says a leader the list does not name manages nobody, and computes no result', async () => {
    expect((await s.call('PUT', '/api/v1/rule-set', { body: withList({ OTHER: ['GV1'] }) })).status).toBe(200);
    const res = await s.call<Reply<TaskPushResponse>>('GET', '/api/v1/months/2026-06/tasks');
    const leader = res.body.people.find((p) => p.code === 'TP1')!;
    expect(leader.resultsUsed).toBeNull();
    expect(leader.reasons).toContain('Chưa có người nào do lãnh đạo quản lý được xếp loại — chưa tính kết quả đơn vị (leaderScope)');
  });

  it('refuses a list with a code that is no staff code, naming it', async () => {
    const res = await s.call<ErrorBody>('PUT', '/api/v1/rule-set', { body: withList({ TP1: ['GV 1'] }) });
    expect(res.status).toBe(422);
  });
});
