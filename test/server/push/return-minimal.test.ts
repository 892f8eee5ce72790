import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { classifyMonth, classifyStudents, classifyYear } from '../../../server/rules/index.ts';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';

// The rules, spied on: a minimal answer must not compute the period it was pushed to.
vi.mock('../../../server/rules/index.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../server/rules/index.ts')>();
  return {
    ...actual,
    classifyMonth: vi.fn(actual.classifyMonth),
    classifyYear: vi.fn(actual.classifyYear),
    classifyStudents: vi.fn(actual.classifyStudents),
  };
});

const MINIMAL = { prefer: 'return=minimal' };
const STATE_KEYS = ['counts', 'finalised', 'period', 'rate', 'results', 'ruleSetVersion'];

const monthRows = () => [
  { code: 'M1', name: 'Nguyễn Văn Một', unit: 'Khoa Gọn', dutyGroup: 'Giảng viên', score: 91, ref: 6 },
  { code: 'M2', name: 'Trần Thị Hai', unit: 'Khoa Gọn', dutyGroup: 'Giảng viên', score: 84, ref: 7 },
  { code: 'M3', name: '', unit: 'Khoa Gọn', score: 80, ref: 8 },
];

describe.each(testDatabases())('a push under Prefer: return=minimal on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
  });
  afterAll(async () => {
    await s.db.close();
  });
  beforeEach(() => {
    vi.mocked(classifyMonth).mockClear();
    vi.mocked(classifyYear).mockClear();
    vi.mocked(classifyStudents).mockClear();
  });

  const push = (path: string, rows: unknown[], headers: Record<string, string> = {}) => s.call('POST', path, { body: { rows }, headers });
  const stateOf = ({ period, finalised, rate, ruleSetVersion }: Record<string, unknown>) => ({ period, finalised, rate, ruleSetVersion });

  it("answers the row results, the counts and the month's state, and computes no month", async () => {
    const res = await push('/api/v1/months/2025-03/people', monthRows(), MINIMAL);
    expect(res.status).toBe(200);
    expect(res.headers.get('preference-applied')).toBe('return=minimal');
    expect(res.headers.get('vary')).toContain('Prefer');
    expect(Object.keys(res.body).sort()).toEqual(STATE_KEYS);
    expect(res.body.counts).toEqual({ accepted: 2, unchanged: 0, rejected: 1, conflict: 0 });
    expect(res.body.results.map((r: any) => [r.ref, r.key, r.status, r.version])).toEqual([
      [6, 'M1', 'accepted', 1],
      [7, 'M2', 'accepted', 1],
      [8, 'M3', 'rejected', null],
    ]);
    expect(res.body.results[2].errors).toEqual([{ field: 'name', message: 'Thiếu Họ và tên' }]);
    expect(classifyMonth).not.toHaveBeenCalled();

    // Stored all the same, and the state it answered is the computed month's.
    const month = await s.call('GET', '/api/v1/months/2025-03/people');
    expect(classifyMonth).toHaveBeenCalledTimes(1);
    expect(month.body.rows.map((r: any) => r.code).sort()).toEqual(['M1', 'M2']);
    expect(stateOf(month.body)).toEqual(stateOf(res.body));
    expect(res.body).toMatchObject({ period: '2025-03', finalised: false });
  });

  it('answers the whole computed month without the preference, or when asked for return=representation', async () => {
    for (const headers of [{}, { prefer: 'return=representation' }] as Record<string, string>[]) {
      vi.mocked(classifyMonth).mockClear();
      const res = await push('/api/v1/months/2025-04/people', monthRows().slice(0, 2), headers);
      expect(res.status).toBe(200);
      expect(res.headers.get('preference-applied')).toBeNull();
      expect(res.headers.get('vary')).toContain('Prefer');
      expect(res.body.rows.map((r: any) => r.code).sort()).toEqual(['M1', 'M2']);
      expect(res.body.quotas.length).toBeGreaterThan(0);
      expect(classifyMonth).toHaveBeenCalledTimes(1);
    }
  });

  it('replays a retried push with its first row results whichever representation the retry asks for', async () => {
    const audit = async () => (await s.call('GET', '/api/v1/audit?period=2025-05')).body.length;
    const rows = monthRows();

    const minimal = await push('/api/v1/months/2025-05/people', rows, { ...MINIMAL, 'idempotency-key': 'prefer-replay-0001' });
    const logged = await audit();
    const full = await push('/api/v1/months/2025-05/people', rows, { 'idempotency-key': 'prefer-replay-0001' });
    expect(full.status).toBe(200);
    expect(full.headers.get('preference-applied')).toBeNull();
    expect(full.body.results).toEqual(minimal.body.results);
    expect(full.body.counts).toEqual(minimal.body.counts);
    expect(full.body.rows.map((r: any) => [r.code, r.version]).sort()).toEqual([['M1', 1], ['M2', 1]]);
    expect(await audit()).toBe(logged);

    const changed = rows.map((r) => ({ ...r, score: 70, baseVersion: 1 }));
    const first = await push('/api/v1/months/2025-05/people', changed, { 'idempotency-key': 'prefer-replay-0002' });
    expect(first.body.counts).toMatchObject({ accepted: 2, rejected: 1 });
    const afterFirst = await audit();
    vi.mocked(classifyMonth).mockClear();
    const replay = await push('/api/v1/months/2025-05/people', changed, { ...MINIMAL, 'idempotency-key': 'prefer-replay-0002' });
    expect(replay.headers.get('preference-applied')).toBe('return=minimal');
    expect(Object.keys(replay.body).sort()).toEqual(STATE_KEYS);
    expect(replay.body.results).toEqual(first.body.results);
    expect(classifyMonth).not.toHaveBeenCalled();
    expect(await audit()).toBe(afterFirst);

    const other = await push('/api/v1/months/2025-05/people', rows.slice(0, 1), { ...MINIMAL, 'idempotency-key': 'prefer-replay-0002' });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_mismatch');
  });

  it("says the council's raised rate as the computed month does, and is refused like any push once finalised", async () => {
    await push('/api/v1/months/2025-06/people', monthRows().slice(0, 2));
    const council = await s.keyFor('council');
    const raise = { kind: 'raise-rate', rate: 25, reason: 'Đơn vị có nhiều thành tích trong tháng' };
    expect((await s.call('POST', '/api/v1/months/2025-06/decisions', { body: raise, key: council })).status).toBe(201);
    vi.mocked(classifyMonth).mockClear();
    const res = await push('/api/v1/months/2025-06/people', [{ code: 'M4', name: 'Lê Văn Bốn', unit: 'Khoa Gọn', score: 88 }], MINIMAL);
    expect(res.body).toMatchObject({ period: '2025-06', finalised: false, rate: 25 });
    expect(stateOf((await s.call('GET', '/api/v1/months/2025-06/people')).body)).toEqual(stateOf(res.body));
    // The units' month shares the raised rate; its answer has the same state fields.
    const units = await push('/api/v1/months/2025-06/units', [{ unit: 'Khoa Gọn', score: 88 }], MINIMAL);
    expect(units.headers.get('preference-applied')).toBe('return=minimal');
    expect(Object.keys(units.body).sort()).toEqual(STATE_KEYS);
    expect(units.body).toMatchObject({ period: '2025-06', rate: 25, counts: { accepted: 1 } });
    expect(stateOf((await s.call('GET', '/api/v1/months/2025-06/units')).body)).toEqual(stateOf(units.body));
    expect(classifyMonth).toHaveBeenCalledTimes(2); // the two pulls, not the pushes

    expect((await s.call('POST', '/api/v1/months/2025-06/decisions', { body: { kind: 'finalise' }, key: council })).status).toBe(201);
    const refused = await push('/api/v1/months/2025-06/people', [{ code: 'M4', name: 'Lê Văn Bốn', unit: 'Khoa Gọn', score: 90, baseVersion: 1 }], MINIMAL);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('period_finalised');
  });

  it('answers the yearly sheet, the initiatives and a class minimally too, computing none of them', async () => {
    const year = await push('/api/v1/years/2025/people', [{ code: 'M1', name: 'Nguyễn Văn Một', unit: 'Khoa Gọn', allTasksDone: 'Có' }], MINIMAL);
    expect(year.status).toBe(200);
    expect(year.headers.get('preference-applied')).toBe('return=minimal');
    expect(Object.keys(year.body).sort()).toEqual(['counts', 'finalised', 'rate', 'results', 'ruleSetVersion', 'year']);
    expect(year.body.counts.accepted).toBe(1);
    expect(classifyYear).not.toHaveBeenCalled();
    const sheet = (await s.call('GET', '/api/v1/years/2025/people')).body;
    expect({ year: sheet.year, finalised: sheet.finalised, rate: sheet.rate, ruleSetVersion: sheet.ruleSetVersion }).toEqual({
      year: '2025',
      finalised: year.body.finalised,
      rate: year.body.rate,
      ruleSetVersion: year.body.ruleSetVersion,
    });

    const initiatives = await push('/api/v1/years/2025/initiatives', [{ code: 'M1', kind: 'Đề tài', title: 'Đề tài gọn', recognisedOn: '02/02/2025' }], MINIMAL);
    expect(initiatives.headers.get('preference-applied')).toBe('return=minimal');
    expect(initiatives.body).toEqual({ year: '2025', finalised: false, results: [expect.objectContaining({ status: 'accepted' })], counts: expect.objectContaining({ accepted: 1 }) });

    const klass = await push(`/api/v1/classes/${encodeURIComponent('TC K60')}/students`, [{ code: 'HV1', name: 'Học Viên Một', gpa: 8.5, conduct: 'Tốt' }], MINIMAL);
    expect(klass.headers.get('preference-applied')).toBe('return=minimal');
    expect(Object.keys(klass.body).sort()).toEqual(['class', 'counts', 'results', 'ruleSetVersion']);
    expect(klass.body).toMatchObject({ class: 'TC K60', counts: { accepted: 1 } });
    expect(classifyStudents).not.toHaveBeenCalled();
    const full = await push(`/api/v1/classes/${encodeURIComponent('tc k60')}/students`, [{ code: 'HV2', name: 'Học Viên Hai', gpa: 7 }]);
    expect(full.body).toMatchObject({ class: 'TC K60', size: 2 });
    expect(full.body.students).toHaveLength(2);
  });

  it('documents the Prefer header, the Preference-Applied header and the minimal answers', async () => {
    const doc = (await s.call('GET', '/openapi.json', { key: null })).body;
    const answers = {
      '/api/v1/months/{period}/people': ['PersonPushResponse', 'MonthPushMinimal'],
      '/api/v1/months/{period}/units': ['UnitPushResponse', 'MonthPushMinimal'],
      '/api/v1/years/{year}/people': ['PersonYearPushResponse', 'PersonYearPushMinimal'],
      '/api/v1/years/{year}/initiatives': ['InitiativePushResponse', 'InitiativePushMinimal'],
      '/api/v1/classes/{class}/students': ['ClassStudentsPushResponse', 'ClassStudentsPushMinimal'],
    };
    for (const [path, schemas] of Object.entries(answers)) {
      const post = doc.paths[path].post;
      expect(post.parameters.find((p: any) => p.in === 'header' && p.name === 'prefer'), path).toBeDefined();
      const ok = post.responses['200'];
      expect(ok.headers['Preference-Applied'].schema.enum, path).toEqual(['return=minimal']);
      expect(ok.content['application/json'].schema.anyOf.map((s: any) => s.$ref), path).toEqual(schemas.map((n) => `#/components/schemas/${n}`));
    }
    expect(doc.components.schemas.MonthPushMinimal.required.sort()).toEqual(STATE_KEYS);
    expect(doc.components.schemas.MonthPushMinimal.properties.rows).toBeUndefined();
  });
});
