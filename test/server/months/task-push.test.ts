import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../server/contract/errors.ts';
import type { PersonMonth } from '../../../server/contract/push.ts';
import type { TaskMonth, TaskPushResponse } from '../../../server/contract/task-sheet.ts';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';

type Reply<T> = T & ErrorBody;

/** Research §3.3 TASK-2's worked example: CB010's three rows in October. */
const CB010_TASKS = [
  { ref: 2, code: 'CB010', taskRef: 'T1', taskName: 'Báo cáo tổng kết', k: 1, g: 2, h: 2, qFails: 0, dFails: 1, dueOn: '2026-10-20' },
  { ref: 3, code: 'CB010', taskRef: 'T2', taskName: 'Đề án tuyển sinh', k: 2, g: 1, h: 1, qFails: 1, dFails: 0 },
  { ref: 4, code: 'CB010', taskRef: 'T3', taskName: 'Quy chế chi tiêu', k: 1, g: 1, h: 0 },
];

describe.each(testDatabases())('the tasks sheet of a month on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
  });
  afterAll(async () => {
    await s.db.close();
  });

  const pushPeople = (period: string, rows: unknown[]) => s.call('POST', `/api/v1/months/${period}/people`, { body: { rows } });
  const pushTasks = (period: string, rows: unknown[], options: { key?: string; idem?: string } = {}) =>
    s.call<Reply<TaskPushResponse>>('POST', `/api/v1/months/${period}/tasks`, {
      body: { rows },
      ...(options.key ? { key: options.key } : {}),
      ...(options.idem ? { headers: { 'idempotency-key': options.idem } } : {}),
    });

  it('rates CB010 of the worked example KHT through the gates, one reason per step, and HT with the objective cause', async () => {
    const people = await pushPeople('2026-10', [
      { code: 'CB010', name: 'Nguyễn Văn Mười', unit: 'Phòng Đào tạo', general: 27 },
      { code: 'CB011', name: 'Trần Thị Mười Một', unit: 'Phòng Đào tạo', score: 85 },
    ]);
    expect(people.body.counts).toEqual({ accepted: 2, unchanged: 0, rejected: 0, conflict: 0 });

    const res = await pushTasks('2026-10', CB010_TASKS);
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ accepted: 3, unchanged: 0, rejected: 0, conflict: 0 });
    const person = res.body.people.find((p) => p.code === 'CB010')!;
    expect(person).toMatchObject({
      quantityPct: 80,
      qualityPct: 70,
      progressPct: 70,
      results: 51.3,
      resultsUsed: 51.3,
      score: 78.3,
      allTasksDone: false,
      latePct: 60,
      level: 'KHT',
    });
    // The rows' parts add up to the person's axes: QNT = 4/5, QLT = 3.5/5, PRG = 3.5/5.
    const rows = res.body.rows.filter((r) => r.code === 'CB010');
    expect(rows.map((r) => [r.taskRef, r.assigned, r.done, r.quality, r.progress])).toEqual([
      ['T1', 2, 2, 2, 1.5],
      ['T2', 2, 2, 1.5, 2],
      ['T3', 1, 0, null, null],
    ]);
    expect(rows[0]!.deductions).toBe('Chậm tiến độ 1 lần (−25%)');
    expect(rows[2]!.deductions).toBe('Hoàn thành 0/1');

    const month = await s.call<PersonMonth>('GET', '/api/v1/months/2026-10/people');
    const cb010 = month.body.rows.find((r) => r.code === 'CB010')!;
    expect(cb010.level).toBe('KHT');
    expect(cb010.score).toBe(78.3);
    const reasons = cb010.reasons.join('\n');
    expect(reasons).toMatch(/Điểm kết quả tính từ nhiệm vụ: 51,3\/70/);
    expect(reasons).toMatch(/tiêu chí chung 27 \+ kết quả 51,3 = 78,3/);
    expect(reasons).toMatch(/hoàn thành 100% nhiệm vụ: không; tỷ lệ chậm tiến độ 60%/);
    // The person without task rows is rated as typed, with no task reason.
    const cb011 = month.body.rows.find((r) => r.code === 'CB011')!;
    expect(cb011.score).toBe(85);
    expect(cb011.reasons.join('\n')).not.toMatch(/nhiệm vụ:/);

    const stored = (await s.call<TaskMonth>('GET', '/api/v1/months/2026-10/tasks')).body;
    const t1 = stored.rows.find((r) => r.taskRef === 'T1')!;
    const excused = await pushTasks('2026-10', [
      { ...CB010_TASKS[0], objective: 'Có', confirmedBy: 'Trưởng phòng', baseVersion: t1.version },
    ]);
    expect(excused.body.counts.accepted).toBe(1);
    const after = excused.body.people.find((p) => p.code === 'CB010')!;
    expect(after).toMatchObject({ progressPct: 80, results: 53.7, score: 80.7, latePct: 20, level: 'HT' });
    expect(after.reasons.join('\n')).toMatch(/nguyên nhân khách quan đã được xác nhận: T1/);
    expect(excused.body.rows.find((r) => r.taskRef === 'T1')!.deductions).toBe('Nguyên nhân khách quan đã xác nhận: không trừ');
    const again = await s.call<PersonMonth>('GET', '/api/v1/months/2026-10/people');
    expect(again.body.rows.find((r) => r.code === 'CB010')!.level).toBe('HT');
  });

  it('keeps a typed Điểm kết quả and typed gates, and says both results when they differ', async () => {
    await pushPeople('2026-11', [{ code: 'CB010', name: 'Nguyễn Văn Mười', unit: 'Phòng Đào tạo', general: 27, results: 55, allTasksDone: 'Có', latePct: 0 }]);
    const res = await pushTasks('2026-11', CB010_TASKS.map((t) => ({ ...t, dueOn: undefined })));
    const p = res.body.people[0]!;
    expect(p).toMatchObject({ results: 51.3, resultsUsed: 55, score: 82, allTasksDone: true, latePct: 0 });
    expect(p.reasons.join('\n')).toMatch(/Điểm kết quả nhập tay 55; tính từ nhiệm vụ 51,3: dùng điểm nhập tay \(resultsSource = typed-wins\)/);
    expect(p.level).toBe('HTT');
  });

  it('rejects bad rows with Vietnamese messages naming the field, and never creates people', async () => {
    await pushPeople('2026-09', [{ code: 'A1', name: 'Lê Văn An', unit: 'Khoa A', general: 25 }]);
    const res = await pushTasks('2026-09', [
      { ref: 2, code: 'A1', taskName: 'Soạn giáo án', g: 3, h: 3 },
      { ref: 3, code: 'A1', taskName: 'Chấm bài', qFails: 5 },
      { ref: 4, code: 'A1', taskName: 'Coi thi', objective: 'Có' },
      { ref: 5, code: 'ZZ9', taskName: 'Dự giờ' },
      { ref: 6, code: 'A1', taskName: 'soạn giáo án' },
      { ref: 7, code: 'A1', taskName: 'Hội giảng', dueOn: '2026-10-02' },
      { ref: 8, name: 'Lê Văn An', unit: 'Khoa A', taskRef: 'VB-12', taskName: 'Trả lời công văn', doneOn: '2026-09-10' },
    ]);
    expect(res.status).toBe(200);
    const byRef = new Map(res.body.results.map((r) => [r.ref, r]));
    expect(byRef.get(2)!.status).toBe('accepted');
    expect(byRef.get(3)!.errors).toEqual([{ field: 'qFails', message: 'Số lần chưa đạt chất lượng phải là số nguyên từ 0 đến 4' }]);
    expect(byRef.get(4)!.errors[0]!.field).toBe('confirmedBy');
    expect(byRef.get(5)!.errors[0]!.message).toMatch(/Không tìm thấy cán bộ Mã CB ZZ9/);
    expect(byRef.get(6)!.errors[0]!.message).toMatch(/xuất hiện nhiều lần trong lần gửi này/);
    expect(byRef.get(7)!.errors).toEqual([
      { field: 'dueOn', message: 'Hạn hoàn thành 02/10/2026 thuộc tháng 10/2026; ghi nhiệm vụ này vào bảng nhiệm vụ tháng 10/2026' },
    ]);
    expect(byRef.get(8)!).toMatchObject({ status: 'accepted', key: 'A1' });
    const roster = await s.call('GET', '/api/v1/people');
    expect(JSON.stringify(roster.body)).not.toMatch(/ZZ9/);
  });

  it('answers a retry from its idempotency key, reports a stale row as a conflict, and refuses a finalised month', async () => {
    await pushPeople('2026-08', [{ code: 'B1', name: 'Phạm Thị Bình', unit: 'Khoa B', general: 28 }]);
    const first = await pushTasks('2026-08', [{ code: 'B1', taskRef: 'K-1', taskName: 'Kế hoạch năm', h: 1 }], { idem: 'tasks-0001' });
    const retry = await pushTasks('2026-08', [{ code: 'B1', taskRef: 'K-1', taskName: 'Kế hoạch năm', h: 1 }], { idem: 'tasks-0001' });
    expect(retry.body.results).toEqual(first.body.results);
    const unchanged = await pushTasks('2026-08', [{ code: 'B1', taskRef: 'K-1', taskName: 'Kế hoạch năm', h: 1, baseVersion: 1 }]);
    expect(unchanged.body.counts.unchanged).toBe(1);
    // The Mã nhiệm vụ is matched without case: the same row, now with nothing done.
    const moved = await pushTasks('2026-08', [{ code: 'B1', taskRef: 'k-1', taskName: 'Kế hoạch năm', h: 0, baseVersion: 1 }]);
    expect(moved.body.results[0]).toMatchObject({ status: 'accepted', version: 2 });
    const stale = await pushTasks('2026-08', [{ code: 'B1', taskRef: 'K-1', taskName: 'Kế hoạch năm', h: 1, qFails: 2, baseVersion: 1 }]);
    expect(stale.body.results[0]).toMatchObject({ status: 'conflict', stored: expect.objectContaining({ h: 0, taskRef: 'k-1' }) });
    expect((await s.call<TaskMonth>('GET', '/api/v1/months/2026-08/tasks')).body.rows).toHaveLength(1);

    const council = await s.keyFor('council');
    expect((await s.call('POST', '/api/v1/months/2026-08/decisions', { body: { kind: 'finalise' }, key: council })).status).toBe(201);
    const refused = await pushTasks('2026-08', [{ code: 'B1', taskRef: 'K-2', taskName: 'Báo cáo quý' }]);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/đã được Hội đồng chốt/);
  });

  it('warns both rows when two people are Chủ trì of one Mã nhiệm vụ, and counts a Phối hợp row for nothing by default', async () => {
    await pushPeople('2026-06', [
      { code: 'E1', name: 'Vũ Văn Em', unit: 'Khoa E', general: 25 },
      { code: 'E2', name: 'Vũ Thị Én', unit: 'Khoa E', general: 25 },
    ]);
    const res = await pushTasks('2026-06', [
      { code: 'E1', taskRef: 'KH-7', taskName: 'Kế hoạch thi', h: 1 },
      { code: 'E2', taskRef: 'kh-7', taskName: 'Kế hoạch thi', h: 1 },
      { code: 'E2', taskRef: 'KH-8', taskName: 'Đề cương', role: 'Phối hợp', h: 0 },
    ]);
    expect(res.body.rows.map((r) => [r.code, r.taskRef, r.warning, r.assigned])).toEqual([
      ['E1', 'KH-7', 'Hai người chủ trì cùng nhiệm vụ', 1],
      ['E2', 'kh-7', 'Hai người chủ trì cùng nhiệm vụ', 1],
      ['E2', 'KH-8', null, 0],
    ]);
    expect(res.body.rows[2]!.deductions).toBe('Vai trò phối hợp: không tính (supportRoleFactor = 0)');
    // Both count: each Chủ trì has the shared task assigned and done.
    expect(res.body.people.find((p) => p.code === 'E1')).toMatchObject({ quantityPct: 100, results: 70, score: 95 });
    expect(res.body.people.find((p) => p.code === 'E2')).toMatchObject({ quantityPct: 100, results: 70, score: 95 });
  });

  it('rates someone with task rows but no row on the month\'s sheet of people NONE, with their results (TASK-7 item 8)', async () => {
    // Known from the roster (another month's sheet), absent from April's.
    await pushPeople('2026-04', [{ code: 'G1', name: 'Lê Văn Gia', unit: 'Khoa G', general: 26 }]);
    await pushPeople('2026-03', [{ code: 'G2', name: 'Lê Thị Giang', unit: 'Khoa G', general: 26 }]);
    const res = await pushTasks('2026-04', [
      { ref: 2, code: 'G1', taskRef: 'VB-1', taskName: 'Tờ trình', h: 1 },
      { ref: 3, code: 'G2', taskRef: 'VB-2', taskName: 'Báo cáo', h: 1 },
    ]);
    expect(res.body, JSON.stringify(res.body).slice(0, 400)).toMatchObject({ counts: { accepted: 2, rejected: 0 } });
    const read = await s.call<Reply<TaskMonth>>('GET', '/api/v1/months/2026-04/tasks');
    for (const people of [res.body.people, read.body.people]) {
      expect(people.find((p) => p.code === 'G1')).toMatchObject({ results: 70, score: 96, level: 'HTT' });
      expect(people.find((p) => p.code === 'G2')).toEqual(expect.objectContaining({
        unit: 'Khoa G',
        general: null,
        results: 70,
        score: null,
        allTasksDone: true,
        level: 'NONE',
        label: 'Không xếp loại',
        reasons: expect.arrayContaining(['Chưa có điểm tiêu chí chung — chưa tính được điểm đánh giá', 'Chưa có điểm đánh giá']),
      }));
    }
  });

  it('gives a leader the unit-results axis from the month of the people they manage (preset nd335-2026)', async () => {
    expect((await s.call('PUT', '/api/v1/rule-set', { body: { preset: 'nd335-2026' } })).status).toBe(200);
    try {
      await pushPeople('2026-05', [
        { code: 'L1', name: 'Đinh Văn Lãnh', unit: 'Khoa L', general: 27, leaderOtherPct: 80 },
        { code: 'L2', name: 'Đinh Thị Lan', unit: 'Khoa L', score: 85 },
      ]);
      const res = await pushTasks('2026-05', [{ code: 'L1', taskRef: 'L-1', taskName: 'Kế hoạch khoa', h: 1 }]);
      // 70 · (3 · 100 + d 100 + đ 100 (leaderOrganiseDefault) + e 80) / 600 = 67.67 → 67.7.
      const leader = res.body.people.find((p) => p.code === 'L1')!;
      expect(leader).toMatchObject({ results: 67.7, score: 94.7 });
      expect(leader.reasons.join('\n')).toMatch(/Kết quả đơn vị 100%: cả 1 người/);
      expect(leader.reasons.join('\n')).toMatch(/Năng lực tổ chức chưa nhập: lấy 100% \(leaderOrganiseDefault\)/);

      // The person they manage falls below HT: d = 50, 70 · (300 + 50 + 100 + 80) / 600 = 61.83 → 61.8.
      await pushPeople('2026-05', [{ code: 'L2', name: 'Đinh Thị Lan', unit: 'Khoa L', score: 40, baseVersion: 1 }]);
      const month = await s.call<PersonMonth>('GET', '/api/v1/months/2026-05/people');
      const l1 = month.body.rows.find((r) => r.code === 'L1')!;
      expect(l1.score).toBe(88.8);
      expect(l1.reasons.join('\n')).toMatch(/Kết quả đơn vị 50%: 1\/1 người/);
    } finally {
      await s.call('PUT', '/api/v1/rule-set', { body: { preset: 'default' } });
    }
  });

  it('documents the tasks routes with the row contract and the computed answer', async () => {
    const doc = (await s.call('GET', '/openapi.json', { key: null })).body;
    expect(Object.keys(doc.paths['/api/v1/months/{period}/tasks'])).toEqual(expect.arrayContaining(['get', 'post']));
    for (const name of ['TaskRow', 'TaskMonth', 'TaskPushResponse', 'ComputedTask', 'TaskPerson']) {
      expect(doc.components.schemas[name], name).toBeDefined();
    }
    const row = doc.components.schemas.TaskRow;
    expect(Object.keys(row.properties ?? row.$defs.TaskRow.properties)).toEqual(
      expect.arrayContaining(['code', 'taskRef', 'taskName', 'k', 'g', 'h', 'dueOn', 'doneOn', 'qFails', 'dFails', 'objective', 'confirmedBy']),
    );
  });

  it('lets a rater write only the people of its units', async () => {
    await pushPeople('2026-07', [
      { code: 'C1', name: 'Hoàng Văn Cư', unit: 'Khoa C', general: 26 },
      { code: 'D1', name: 'Đỗ Thị Dung', unit: 'Khoa D', general: 26 },
    ]);
    const rater = await s.keyFor('rater', ['khoa c']);
    const res = await pushTasks('2026-07', [
      { ref: 2, code: 'C1', taskName: 'Soạn đề cương' },
      { ref: 3, code: 'D1', taskName: 'Soạn đề cương' },
    ], { key: rater });
    expect(res.body.results.map((r) => r.status)).toEqual(['accepted', 'rejected']);
    expect(res.body.results[1]!.errors[0]!.message).toMatch(/thuộc đơn vị khác/);
  });
});
