import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonMonth } from '../../../server/contract/push.ts';
import type { YearResults } from '../../../server/contract/year-results.ts';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';

const YEAR = '2027';
const MONTHS = [1, 2, 3, 4, 5, 6];
const period = (m: number) => `${YEAR}-${String(m).padStart(2, '0')}`;
const who = (code: string) => ({ code, name: `Người ${code}`, unit: 'Phòng Đào tạo', dutyGroup: 'Chuyên viên' });

/** Task rows that differ month by month, so each month's result from tasks is its own (research §3.3 TASK-2). */
const tasksOf = (code: string, m: number) => [
  { ref: 2, code, taskRef: 'T1', taskName: 'Báo cáo tổng kết', k: 1, g: 2, h: 2, qFails: 0, dFails: m % 2 },
  { ref: 3, code, taskRef: 'T2', taskName: 'Đề án tuyển sinh', k: 2, g: 1, h: 1, qFails: m % 3 === 0 ? 1 : 0, dFails: 0 },
  { ref: 4, code, taskRef: 'T3', taskName: 'Quy chế chi tiêu', k: 1, g: 1, h: m < 4 ? 1 : 0 },
];

describe.each(testDatabases())('the year rated on the months’ task results on $name', (database) => {
  let s: TestService;
  let year: YearResults;
  const views = new Map<number, PersonMonth>();

  beforeAll(async () => {
    s = await startService(await database.open());
    for (const m of MONTHS) {
      const people = await s.call('POST', `/api/v1/months/${period(m)}/people`, {
        body: {
          rows: [
            // Scored only through task rows: the month row carries the general part and nothing else.
            { ...who('NV01'), general: 27 },
            // Typed scores, no task rows.
            { ...who('NV02'), score: 80 + m },
            // A typed score next to task rows: the month keeps what was typed.
            { ...who('NV03'), general: 25, score: 90 },
          ],
        },
      });
      expect(people.body.counts.accepted).toBe(3);
      const tasks = await s.call('POST', `/api/v1/months/${period(m)}/tasks`, { body: { rows: [...tasksOf('NV01', m), ...tasksOf('NV03', m)] } });
      expect(tasks.body.counts).toMatchObject({ accepted: 6, rejected: 0 });
      views.set(m, (await s.call<PersonMonth>('GET', `/api/v1/months/${period(m)}/people`)).body);
    }
    year = (await s.call<YearResults>('GET', `/api/v1/years/${YEAR}/results`)).body;
  });
  afterAll(async () => {
    await s.db.close();
  });

  const inYear = (code: string) => year.people.find((p) => p.code === code)!;
  const monthScore = (m: number, code: string) => views.get(m)!.rows.find((r) => r.code === code)!.score;

  it('counts a month scored only through its task rows with the score its month view rates it on', () => {
    const fromViews = MONTHS.map((m) => monthScore(m, 'NV01'));
    // Each month's view rated NV01 on general + results from the tasks, and the months differ.
    expect(fromViews.every((score) => typeof score === 'number' && score > 27)).toBe(true);
    expect(new Set(fromViews).size).toBeGreaterThan(1);
    const p = inYear('NV01');
    expect(p.monthScores).toEqual([...fromViews, null, null, null, null, null, null]);
    expect(p.monthsCounted).toBe(6);
    expect(p.annualScore).not.toBeNull();
    expect(p.level).not.toBe('NONE');
  });

  it('keeps every month’s score as its view has it, with or without task rows', () => {
    for (const code of ['NV01', 'NV02', 'NV03']) {
      expect(inYear(code).monthScores.slice(0, 6), code).toEqual(MONTHS.map((m) => monthScore(m, code)));
    }
  });

  it('leaves a year of typed scores as typed', () => {
    expect(inYear('NV02')).toMatchObject({ monthScores: [81, 82, 83, 84, 85, 86, null, null, null, null, null, null], monthsCounted: 6, annualScore: 83.5 });
    expect(inYear('NV03').monthScores.slice(0, 6)).toEqual([90, 90, 90, 90, 90, 90]);
  });

  it('gives a leader each month’s score from the levels of the people they manage, as the month view does (preset nd335-2026)', async () => {
    expect((await s.call('PUT', '/api/v1/rule-set', { body: { preset: 'nd335-2026' } })).status).toBe(200);
    try {
      const leaderYear = '2028';
      const scores: (number | null)[] = [];
      for (const m of MONTHS) {
        const at = `${leaderYear}-${String(m).padStart(2, '0')}`;
        await s.call('POST', `/api/v1/months/${at}/people`, {
          body: {
            rows: [
              { code: 'L1', name: 'Đinh Văn Lãnh', unit: 'Khoa L', general: 27, leaderOtherPct: 80 },
              // Below HT in odd months, so the leader's unit-results axis moves with the month's levels.
              { code: 'L2', name: 'Đinh Thị Lan', unit: 'Khoa L', score: m % 2 === 1 ? 40 : 85 },
            ],
          },
        });
        await s.call('POST', `/api/v1/months/${at}/tasks`, { body: { rows: [{ ref: 2, code: 'L1', taskRef: 'L-1', taskName: 'Kế hoạch khoa', h: 1 }] } });
        scores.push((await s.call<PersonMonth>('GET', `/api/v1/months/${at}/people`)).body.rows.find((r) => r.code === 'L1')!.score);
      }
      // 70 · (300 + d + đ 100 + e 80) / 600 + 27: d = 50 in odd months (88.8), 100 in even ones (94.7).
      expect(scores).toEqual([88.8, 94.7, 88.8, 94.7, 88.8, 94.7]);
      const leader = (await s.call<YearResults>('GET', `/api/v1/years/${leaderYear}/results`)).body.people.find((p) => p.code === 'L1')!;
      expect(leader.monthScores).toEqual([...scores, null, null, null, null, null, null]);
    } finally {
      await s.call('PUT', '/api/v1/rule-set', { body: { preset: 'default' } });
    }
  });
});
