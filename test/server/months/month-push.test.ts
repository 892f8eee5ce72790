import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { rosterSchema } from '../../../server/contract/admin.ts';
import type { ErrorBody } from '../../../server/contract/errors.ts';
import type { PersonMonth, PersonPushResponse } from '../../../server/contract/push.ts';
import { testDatabases } from '../../support/databases.ts';
import { FIXTURE_EXPECTED, fixtureRows } from '../../support/fixture.ts';
import { startService, type TestService } from '../../support/service.ts';

/** A push's answer, or the error body of a refused one. */
type Reply<T> = T & ErrorBody;

describe.each(testDatabases())('push of person rows on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
  });
  afterAll(async () => {
    await s.db.close();
  });

  const push = (period: string, rows: unknown[], key?: string, idem?: string) =>
    s.call<Reply<PersonPushResponse>>('POST', `/api/v1/months/${period}/people`, {
      body: { rows },
      ...(key ? { key } : {}),
      ...(idem ? { headers: { 'idempotency-key': idem } } : {}),
    });

  it('gives exactly the expected results for the public fixture', async () => {
    const rows = await fixtureRows();
    expect(rows).toHaveLength(50);
    const res = await push('2021-10', rows);
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ accepted: 50, unchanged: 0, rejected: 0, conflict: 0 });
    const byCode = new Map(res.body.rows.map((r) => [r.code, r]));
    for (const [code, want] of Object.entries(FIXTURE_EXPECTED.rows)) {
      const got = byCode.get(code)!;
      expect({ code, level: got.level, label: got.label, tieAtQuota: got.tieAtQuota, rankInUnit: got.rankInUnit, rankInOrg: got.rankInOrg }).toEqual({
        code,
        level: want.level,
        label: want.label,
        tieAtQuota: want.tieAtQuota,
        rankInUnit: want.rankInUnit,
        rankInOrg: want.rankInOrg,
      });
    }
    const pulled = await s.call<PersonMonth>('GET', '/api/v1/months/2021-10/people');
    expect(pulled.body.rows).toEqual(res.body.rows);
  });

  it('stores the good rows and rejects the bad ones with Vietnamese messages naming each field', async () => {
    const res = await push('2022-01', [
      { code: 'A1', name: 'Nguyễn Văn An', unit: 'Khoa A', dutyGroup: 'Giảng viên', score: '85,5', ref: 6 },
      { code: 'A2', name: 'Trần Thị Bình', unit: 'Khoa A', score: 101, selfScore: 'abc', ref: 7 },
      { code: 'A3', name: '', unit: 'Khoa A', score: 80, ref: 8 },
      { code: 'A4', name: 'Lê Văn Cường', unit: 'Khoa A', score: 80, general: 20, results: 50, ref: 9 },
      { code: 'A5', name: 'Phạm Thị Dung', unit: 'Khoa A', score: 70.25, ref: 10 },
      { code: 'A1', name: 'Nguyễn Văn An', unit: 'Khoa A', score: 90, ref: 11 },
    ]);
    expect(res.status).toBe(200);
    const r = res.body.results;
    expect(r.map((x) => x.status)).toEqual(['accepted', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected']);
    expect(r[1]!.errors).toEqual([
      { field: 'score', message: 'Điểm đánh giá phải từ 0 đến 100' },
      { field: 'selfScore', message: 'Điểm tự chấm phải là số' },
    ]);
    expect(r[2]!.errors).toEqual([{ field: 'name', message: 'Thiếu Họ và tên' }]);
    expect(r[3]!.errors.map((e) => e.field)).toEqual(['score', 'general', 'results']);
    expect(r[3]!.errors[0]!.message).toContain('20 + 50 = 70');
    expect(r[4]!.errors[0]!.message).toBe('Điểm đánh giá chỉ được có một chữ số thập phân');
    expect(r[5]!.errors[0]!.message).toContain('xuất hiện nhiều lần');
    expect(r[1]!.ref).toBe(7);
    const month = await s.call<PersonMonth>('GET', '/api/v1/months/2022-01/people');
    expect(month.body.rows.map((x) => [x.code, x.score])).toEqual([['A1', 85.5]]);
  });

  it('answers a conflict with the stored values when the row was changed since the version it saw', async () => {
    const first = await push('2022-02', [{ code: 'C1', name: 'Ngô Văn Em', unit: 'Khoa B', score: 80 }]);
    expect(first.body.results[0]).toMatchObject({ status: 'accepted', version: 1 });
    const second = await push('2022-02', [{ code: 'C1', name: 'Ngô Văn Em', unit: 'Khoa B', score: 85, baseVersion: 1 }]);
    expect(second.body.results[0]).toMatchObject({ status: 'accepted', version: 2 });
    const stale = await push('2022-02', [{ code: 'C1', name: 'Ngô Văn Em', unit: 'Khoa B', score: 95, baseVersion: 1 }]);
    expect(stale.body.results[0]).toMatchObject({ status: 'conflict', version: 2 });
    expect(stale.body.results[0]!.stored).toMatchObject({ score: 85, version: 2 });
    const never = await push('2022-02', [{ code: 'C1', name: 'Ngô Văn Em', unit: 'Khoa B', score: 70 }]);
    expect(never.body.results[0]!.status).toBe('conflict');
    const same = await push('2022-02', [{ code: 'C1', name: 'Ngô Văn Em', unit: 'Khoa B', score: 85, baseVersion: 1 }]);
    expect(same.body.results[0]).toMatchObject({ status: 'unchanged', version: 2 });
    const month = await s.call('GET', '/api/v1/months/2022-02/people');
    expect(month.body.rows[0]).toMatchObject({ score: 85, version: 2 });
  });

  it('keeps the version of a row pushed again unchanged', async () => {
    await push('2022-03', [{ code: 'U1', name: 'Đinh Thị Gấm', unit: 'Khoa B', score: 75 }]);
    const again = await push('2022-03', [{ code: 'U1', name: 'Đinh Thị Gấm', unit: 'Khoa B', score: 75, baseVersion: 1 }]);
    expect(again.body.results[0]).toMatchObject({ status: 'unchanged', version: 1 });
  });

  it('replays a retried push with the same idempotency key and stores nothing twice', async () => {
    const rows = [
      { code: 'I1', name: 'Hà Văn Hải', unit: 'Khoa C', score: 88 },
      { name: 'Người Mới Không Mã', unit: 'Khoa C', score: 77 },
    ];
    const first = await push('2022-04', rows, undefined, 'retry-key-0001');
    const auditBefore = await s.call('GET', '/api/v1/audit?period=2022-04');
    const retry = await push('2022-04', rows, undefined, 'retry-key-0001');
    expect(retry.status).toBe(200);
    expect(retry.body.results).toEqual(first.body.results);
    const auditAfter = await s.call('GET', '/api/v1/audit?period=2022-04');
    expect(auditAfter.body).toHaveLength(auditBefore.body.length);
    const roster = await s.call<z.infer<typeof rosterSchema>>('GET', '/api/v1/roster');
    expect(roster.body.people.filter((p) => p.name === 'Người Mới Không Mã')).toHaveLength(1);
    const different = await push('2022-04', [{ ...rows[0], score: 90 }], undefined, 'retry-key-0001');
    expect(different.status).toBe(422);
    expect(different.body.error.code).toBe('idempotency_mismatch');
  });

  it('refuses pushes to a finalised month with a clear message, and accepts them after reopening', async () => {
    await push('2022-05', [{ code: 'F1', name: 'Lò Văn Khánh', unit: 'Khoa D', score: 80 }]);
    const council = await s.keyFor('council');
    const fin = await s.call('POST', '/api/v1/months/2022-05/decisions', { body: { kind: 'finalise' }, key: council });
    expect(fin.status).toBe(201);
    const refused = await push('2022-05', [{ code: 'F1', name: 'Lò Văn Khánh', unit: 'Khoa D', score: 90, baseVersion: 1 }]);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('period_finalised');
    expect(refused.body.error.message).toContain('đã được Hội đồng chốt');
    const month = await s.call('GET', '/api/v1/months/2022-05/people');
    expect(month.body.finalised).toBe(true);
    expect(month.body.rows[0].score).toBe(80);
    const noReason = await s.call('POST', '/api/v1/months/2022-05/decisions', { body: { kind: 'reopen' }, key: council });
    expect(noReason.status).toBe(422);
    const reopen = await s.call('POST', '/api/v1/months/2022-05/decisions', { body: { kind: 'reopen', reason: 'Sửa điểm theo khiếu nại' }, key: council });
    expect(reopen.status).toBe(201);
    const ok = await push('2022-05', [{ code: 'F1', name: 'Lò Văn Khánh', unit: 'Khoa D', score: 90, baseVersion: 1 }]);
    expect(ok.body.results[0]!.status).toBe('accepted');
  });

  it('lets a rater write only the units named for it', async () => {
    const rater = await s.keyFor('rater', ['khoa e']);
    const res = await push(
      '2022-06',
      [
        { code: 'R1', name: 'Vì Văn Long', unit: 'Khoa E', score: 80 },
        { code: 'R2', name: 'Cầm Thị Mai', unit: 'Khoa F', score: 80 },
      ],
      rater,
    );
    expect(res.body.results.map((r) => r.status)).toEqual(['accepted', 'rejected']);
    expect(res.body.results[1]!.errors[0]!.field).toBe('unit');
    const viewer = await s.keyFor('viewer');
    const denied = await push('2022-06', [{ code: 'R1', name: 'Vì Văn Long', unit: 'Khoa E', score: 81 }], viewer);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('forbidden');
  });

  it('creates people without a staff code once and then matches them by name within the unit', async () => {
    const first = await push('2022-07', [{ name: 'Quàng Văn Nam', unit: 'Khoa G', score: 70 }]);
    const code = first.body.results[0]!.key;
    expect(code).toMatch(/^BX\d{4}$/);
    const second = await push('2022-08', [{ name: 'QUÀNG VĂN NAM'.normalize('NFD'), unit: ' khoa g ', score: 71 }]);
    expect(second.body.results[0]!.key).toBe(code);
  });
});

describe.each(testDatabases())('council decisions on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('awards HTXS to a tie run only within the quota and explains it', async () => {
    // RULES.md §9: k = 2; 95 keeps HTXS, the 93/93 run is flagged for the council.
    const scores = [95, 93, 93, 91, 88, 86, 85, 80, 78, 75, 72, 70];
    const rows = scores.map((score, i) => ({ code: `G${i + 1}`, name: `Giảng viên ${i + 1}`, unit: 'Khoa H', dutyGroup: 'Giảng viên', score }));
    const res = await s.call<PersonPushResponse>('POST', '/api/v1/months/2023-01/people', { body: { rows } });
    expect(res.body.rows.filter((r) => r.level === 'HTXS').map((r) => r.code)).toEqual(['G1']);
    expect(res.body.rows.filter((r) => r.tieAtQuota).map((r) => r.code).sort()).toEqual(['G2', 'G3']);
    const summary = await s.call('GET', '/api/v1/months/2023-01/summary');
    expect(summary.body.ties).toEqual([{ group: 'Giảng viên', codes: ['G2', 'G3'] }]);
    const tooMany = await s.call('POST', '/api/v1/months/2023-01/decisions', { body: { kind: 'award', keys: ['G2', 'G3'], reason: 'Cả hai xuất sắc' } });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error.message).toContain('chỉ được 2 HTXS');
    const one = await s.call('POST', '/api/v1/months/2023-01/decisions', { body: { kind: 'award', keys: ['G2'], reason: 'Có sáng kiến trong tháng' } });
    expect(one.status).toBe(201);
    const month = await s.call<PersonMonth>('GET', '/api/v1/months/2023-01/people');
    const g2 = month.body.rows.find((r) => r.code === 'G2')!;
    expect(g2.level).toBe('HTXS');
    expect(g2.reasons.join(' ')).toContain('Có sáng kiến trong tháng');
    const raised = await s.call('POST', '/api/v1/months/2023-01/decisions', { body: { kind: 'raise-rate', rate: 30, reason: 'x'.repeat(5) } });
    expect(raised.status).toBe(422);
  });

  it('changes results through the rule set alone', async () => {
    await s.call('POST', '/api/v1/months/2023-02/people', { body: { rows: [{ code: 'P1', name: 'A', unit: 'Khoa I', score: 80 }] } });
    const before = await s.call('GET', '/api/v1/months/2023-02/people');
    expect(before.body.rows[0].level).toBe('HTT');
    const put = await s.call('PUT', '/api/v1/rule-set', { body: { preset: 'haiphong-2025' } });
    expect(put.status).toBe(200);
    const after = await s.call('GET', '/api/v1/months/2023-02/people');
    expect(after.body.rows[0].level).toBe('HT');
    expect(after.body.ruleSetVersion).toBe(put.body.version);
    await s.call('PUT', '/api/v1/rule-set', { body: { preset: 'default' } });
  });
});
