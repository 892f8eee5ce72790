import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../server/contract/admin.ts';
import { DEFAULT_RULE_SET } from '../../server/contract/rule-set.ts';
import { cleanText } from '../../server/contract/text.ts';
import { testDatabases } from '../support/databases.ts';
import { isContractAnswer, openOrg, type Answer, type Org } from './support.ts';

const HOSTILE = [
  '=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', "Robert'); drop table person;--",
  '\uD800', 'x\uDFFF', '\u0000\u0007', 'NaN', 'Infinity', '-0', '1e309', '0x1F', '   ', '', 'đ'.repeat(201),
  'A'.repeat(100_000), '<script>alert(1)</script>', '${7*7}', '\u202Eevil', 'Nguye\u0302\u0303n', '\uFEFF😀', '__proto__',
  'constructor', '\t\n\r\v', '%00', 'Ａ１', '١٢٫٥',
];
/** A nested object 1,000 deep, built in a loop. */
const deep = (depth: number) => {
  let value: unknown = 'đáy';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};
const DEEP = deep(1000);

const text = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 12 }));
const cell = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 2, arbitrary: fc.oneof(fc.double(), fc.integer(), fc.constantFrom(1e10, -1, 2 ** 31, 100.05, 85.5)) },
  { weight: 1, arbitrary: fc.oneof(fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 2 })) },
  { weight: 1, arbitrary: fc.constantFrom(DEEP, Array.from({ length: 20_000 }, (_, i) => i)) },
);
const FIELDS = ['ref', 'code', 'name', 'unit', 'dutyGroup', 'title', 'sex', 'recruitedOn', 'leave', 'score', 'selfScore', 'general', 'results',
  'allTasksDone', 'exceededPct', 'latePct', 'discipline', 'note', 'baseVersion'];
const score = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(70, 80, '80', ' 70 ') }, fc.integer({ min: 0, max: 100 }), fc.constantFrom('85,5', '70.2'));
/** A plausible row (codes from a small pool, so people are updated and conflict) with up to three fields made hostile. */
const personRow = fc
  .tuple(
    fc.record(
      { code: fc.constantFrom('F1', 'F2', 'F3', 'F-4', 'F.5'),
        name: fc.oneof(fc.constantFrom('Lò Văn Khánh', 'LÒ VĂN  KHÁNH', 'Cầm Thị Mai'), text, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 })),
        unit: fc.constantFrom('Khoa A', ' khoa  a ', 'Khoa B'), score, baseVersion: fc.nat({ max: 3 }) },
      { requiredKeys: ['name', 'unit'] },
    ),
    fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 8 })), cell, { maxKeys: 2 }),
  )
  .map(([row, hostile]) => ({ ...row, ...hostile }));
const pushBody = (row: fc.Arbitrary<Record<string, unknown>>) =>
  fc.oneof({ weight: 8, arbitrary: fc.record({ rows: fc.array(row, { maxLength: 10 }) }) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: fc.record({ rows: cell }) });

/** What the month answers must show for every row the push accepted: the name as sent, after NFC and space cleanup. */
function namesStoredAsSent(sent: Answer & { rows: unknown[] }) {
  const byCode = new Map<string, any>(sent.body.rows.map((r: any) => [r.code, r]));
  for (const result of sent.body.results) {
    if (result.status !== 'accepted' && result.status !== 'unchanged') continue;
    const name = (sent.rows[result.index] as { name: unknown }).name;
    const expected = typeof name === 'number' ? String(name) : cleanText(name as string);
    expect(byCode.get(result.key)?.name, `row ${result.index}`).toBe(expected);
  }
}

describe.each(testDatabases().filter((d) => d.name === 'pglite'))('random hostile bodies on $name', (database) => {
  let org: Org;
  let target: number;
  const protectedIds = new Set<number>();
  const must = async (method: string, path: string, body: unknown) => {
    const res = await org.call(method, path, { body });
    if (!isContractAnswer(res)) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    return res;
  };
  beforeAll(async () => {
    org = await openOrg(await database.open(), 'fuzz', { authThrottle: false });
    target = (await org.user('viewer')).id;
    const me = await org.call('GET', '/api/v1/me');
    protectedIds.add(me.body.user.id);
    for (const k of (await org.call('GET', '/api/v1/keys')).body) protectedIds.add(k.id);
  });
  afterAll(async () => {
    const health = await org.call('GET', '/health', { key: null });
    expect(health.status).toBe(200);
    const [{ n } = { n: 0 }] = await org.db.query<{ n: number }>('select count(*)::int as n from person');
    expect(n).toBeGreaterThan(0);
    await org.db.close();
  });
  const runs = { numRuns: 60 };

  it('answers any people push with a result or the error shape, storing every accepted name exactly as sent', async () => {
    let stored = 0;
    await fc.assert(
      fc.asyncProperty(pushBody(personRow), fc.option(fc.string({ minLength: 8, maxLength: 12 }), { nil: undefined }), async (body, idem) => {
        const res = await org.call('POST', '/api/v1/months/2031-02/people', { body, ...(idem ? { headers: { 'idempotency-key': idem } } : {}) });
        expect(isContractAnswer(res), JSON.stringify(res.body).slice(0, 300)).toBe(true);
        // A replayed key answers with its first push's results, so only fresh pushes are compared.
        if (res.status === 200 && !idem) namesStoredAsSent({ ...res, rows: (body as { rows: unknown[] }).rows });
        if (res.status === 200) stored += res.body.counts.accepted + res.body.counts.unchanged;
      }),
      runs,
    );
    expect(stored, 'rows the fuzz got stored').toBeGreaterThan(20);
  });

  it('answers any unit push with a result or the error shape', async () => {
    const unitRow = personRow.map(({ code: _, name: __, ...row }) => row);
    await fc.assert(fc.asyncProperty(pushBody(unitRow), async (body) => void (await must('POST', '/api/v1/months/2031-02/units', body))), runs);
  });

  it('answers any council decision with the decision or the error shape', async () => {
    const decision = fc.record(
      { kind: fc.oneof(fc.constantFrom('award', 'withdraw-award', 'raise-rate', 'finalise', 'reopen'), text), subject: fc.oneof(fc.constantFrom('person', 'unit'), cell),
        keys: fc.oneof(fc.array(fc.oneof(fc.constantFrom('F1', 'F2'), text), { maxLength: 4 }), cell), reason: fc.oneof(text, cell), rate: fc.oneof(fc.integer({ min: -5, max: 120 }), cell) },
      { requiredKeys: ['kind'] },
    );
    await fc.assert(fc.asyncProperty(fc.oneof(decision, fc.jsonValue({ maxDepth: 2 })), async (body) => void (await must('POST', '/api/v1/months/2031-01/decisions', body))), runs);
  });

  it('answers any rule set with the new version or the error shape', async () => {
    const ruleSet = fc
      .tuple(fc.constantFrom(...Object.keys(DEFAULT_RULE_SET)), cell)
      .map(([field, value]) => ({ ...DEFAULT_RULE_SET, [field]: value }));
    const preset = fc.record({ preset: fc.oneof(fc.constantFrom('default', 'haiphong-2025', '__proto__', 'constructor', 'toString', 'hasOwnProperty'), text) });
    await fc.assert(fc.asyncProperty(fc.oneof(ruleSet, preset, fc.jsonValue({ maxDepth: 2 })), async (body) => void (await must('PUT', '/api/v1/rule-set', body))), runs);
    expect((await must('PUT', '/api/v1/rule-set', { preset: 'default' })).status).toBe(200);
  });

  it('answers any user or key request with the record or the error shape', async () => {
    const id = fc.oneof(fc.constant(String(target)), fc.integer().map(String), fc.constantFrom('abc', '1e3', '-1', '99999999999', '0x10', '%00', '1.5', '%F0%9F%98%80'));
    const safeId = id.map((v) => (protectedIds.has(Number(v)) ? String(target) : v));
    const user = fc.record({ name: fc.oneof(text, cell), role: fc.oneof(fc.constantFrom(...ROLES), text), units: fc.oneof(fc.array(text, { maxLength: 3 }), cell), disabled: fc.oneof(fc.boolean(), cell) }, { requiredKeys: [] });
    const key = fc.record({ userId: fc.oneof(fc.constant(target), fc.integer(), cell),
      label: fc.oneof(text, cell), expiresAt: fc.oneof(fc.constantFrom('2020-01-01T00:00:00Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59+14:00'), text, cell) }, { requiredKeys: [] });
    await fc.assert(
      fc.asyncProperty(user, safeId, key, safeId, async (u, userId, k, keyId) => {
        await must('POST', '/api/v1/users', u);
        await must('PATCH', `/api/v1/users/${userId}`, u);
        await must('POST', '/api/v1/keys', k);
        await must('DELETE', `/api/v1/keys/${keyId}`, undefined);
      }),
      { numRuns: 40 },
    );
  });
});

describe.each(testDatabases())('fixed hostile input on $name', (database) => {
  let org: Org;
  beforeAll(async () => {
    org = await openOrg(await database.open(), 'hostile', { authThrottle: false });
  });
  afterAll(async () => {
    await org.db.close();
  });

  it('stores formula-looking, SQL-looking and tabbed text as text, exactly as sent (controls XML cannot hold are refused: xml-characters.test.ts)', async () => {
    const names = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', "Robert'); drop table person;--", 'Chuông\tbáo', 'Nguye\u0302\u0303n  Văn   A', '😀 Đặng'];
    const rows = names.map((name, i) => ({ code: `H${i}`, name, unit: "Khoa'); drop table unit;--", score: 80, note: name }));
    const res = await org.call('POST', '/api/v1/months/2031-03/people', { body: { rows } });
    expect(res.body.counts.accepted).toBe(names.length);
    const month = await org.call('GET', '/api/v1/months/2031-03/people');
    expect(month.body.rows.map((r: any) => [r.name, r.unit])).toEqual(names.map((n) => [cleanText(n), "Khoa'); drop table unit;--"]));
    const stored = await org.db.query<{ full_name: string; note: string }>(
      `select p.full_name, m.note from person p join person_month m on m.person_id = p.id where m.period = '2031-03' order by p.code`,
    );
    expect(stored).toEqual(names.map((n) => ({ full_name: cleanText(n), note: cleanText(n) })));
  });

  it('refuses a row whose text PostgreSQL cannot hold, keeps the others, and still replays the push', async () => {
    const rows = [
      { code: 'U0', name: 'Nul\u0000Byte', unit: 'Khoa A', score: 70, ref: 'r\uD800' },
      { code: 'U1', name: 'Lẻ \uD800 cặp', unit: 'Khoa A', score: 70 },
      { code: 'U\u0000', name: 'Mã lỗi', unit: 'Khoa A', score: 70 },
      { code: 'U3', name: 'Phiên bản', unit: 'Khoa A', score: 70, baseVersion: 1e10 },
      { code: 'U4', name: 'Năm không', unit: 'Khoa A', score: 70, recruitedOn: '01/01/0000' },
      { code: 'U5', name: 'Người tốt', unit: 'Khoa A', score: 70, junk: DEEP },
    ];
    const send = () => org.call('POST', '/api/v1/months/2031-04/people', { body: { rows }, headers: { 'idempotency-key': 'hostile-0001' } });
    const first = await send();
    expect(first.status).toBe(200);
    expect(first.body.results.map((r: any) => [r.status, r.errors[0]?.field ?? null])).toEqual([
      ['rejected', 'ref'], ['rejected', 'name'], ['rejected', 'code'], ['rejected', 'baseVersion'], ['rejected', 'recruitedOn'], ['accepted', null],
    ]);
    expect(first.body.results[1].errors[0].message).toContain('không hợp lệ');
    expect((await send()).body.results).toEqual(first.body.results);
  });

  it('answers other unstorable values and deep nesting with the error shape, never 500', async () => {
    const tooDeep = `{"rows":[{"code":"Z1","name":"x","unit":"y","junk":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`;
    const answers = [
      await org.call('POST', '/api/v1/months/2031-05/people', { body: tooDeep }),
      await org.call('POST', '/api/v1/months/2031-05/people', { body: { rows: Array.from({ length: 50_001 }, () => ({})) } }),
      await org.call('POST', '/api/v1/months/2031-05/people', { body: JSON.stringify(DEEP) }),
      await org.call('POST', '/api/v1/months/2031-05/people', { body: '{"rows":[]}', headers: { 'content-type': 'text/plain' } }),
      await org.call('PATCH', '/api/v1/users/99999999999', { body: { name: 'x' } }),
      await org.call('DELETE', '/api/v1/keys/99999999999'),
      await org.call('POST', '/api/v1/keys', { body: { userId: 99999999999 } }),
      await org.call('POST', '/api/v1/keys', { body: { userId: 1, expiresAt: '0000-01-01T00:00:00Z' } }),
      await org.call('GET', '/api/v1/audit?actor=99999999999'),
      await org.call('GET', '/api/v1/audit?record=%00'),
      await org.call('POST', '/api/v1/users', { body: { name: 'a\u0000', role: 'viewer' } }),
      await org.call('POST', '/api/v1/months/2031-05/decisions', { body: { kind: 'withdraw-award', keys: ['\uD800'], reason: 'abc' } }),
      await org.call('PUT', '/api/v1/rule-set', { body: { ...DEFAULT_RULE_SET, name: 'x\u0000' } }),
    ];
    expect(answers.map((a) => a.status)).toEqual([400, 422, 422, 415, 422, 422, 422, 422, 422, 422, 422, 422, 422]);
    for (const a of answers) expect(isContractAnswer(a), JSON.stringify(a.body)).toBe(true);
    expect(answers[3]!.body.error.message).toContain('JSON');
    expect((await org.call('GET', '/health', { key: null })).status).toBe(200);
  });

  it('finds no preset on the object prototype', async () => {
    const before = await org.call('GET', '/api/v1/rule-set');
    for (const preset of ['__proto__', 'constructor', 'toString']) {
      expect((await org.call('PUT', '/api/v1/rule-set', { body: { preset } })).status).toBe(422);
    }
    expect((await org.call('GET', '/api/v1/rule-set')).body).toEqual(before.body);
  });

  it('refuses a second row reaching the same person by name, instead of failing the push', async () => {
    await org.call('POST', '/api/v1/months/2031-07/people', { body: { rows: [{ code: 'D1', name: 'Hà Thị Dung', unit: 'Khoa A', score: 80 }] } });
    const res = await org.call('POST', '/api/v1/months/2031-07/people', {
      body: { rows: [{ code: 'D1', name: 'Hà Thị Dung', unit: 'Khoa A', score: 81, baseVersion: 1, ref: 5 }, { name: 'Hà Thị Dung', unit: 'Khoa A', score: 82, ref: 6 }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: any) => [r.status, r.key])).toEqual([['accepted', 'D1'], ['rejected', 'D1']]);
    expect(res.body.results[1].errors[0].message).toContain('dòng 5');
    expect(res.body.rows.map((r: any) => [r.code, r.score])).toEqual([['D1', 81]]);
  });

  it('never gives a new person an automatic code someone already typed', async () => {
    const typed = await org.call('POST', '/api/v1/months/2031-08/people', { body: { rows: [{ code: 'BX0001', name: 'Người Gõ Mã', unit: 'Khoa A', score: 60 }] } });
    expect(typed.body.counts.accepted).toBe(1);
    const fresh = await org.call('POST', '/api/v1/months/2031-08/people', { body: { rows: [{ name: 'Người Không Mã', unit: 'Khoa A', score: 95 }] } });
    expect(fresh.body.results[0]).toMatchObject({ status: 'accepted', key: expect.not.stringMatching(/^BX0001$/) });
    expect(fresh.body.rows.map((r: any) => [r.name, r.score])).toEqual([['Người Gõ Mã', 60], ['Người Không Mã', 95]]);
  });

  it('stores a corrected name even when the month values it came with are unchanged', async () => {
    const row = { code: 'N1', name: 'Nguyen Van An', unit: 'Khoa A', score: 80 };
    await org.call('POST', '/api/v1/months/2031-06/people', { body: { rows: [row] } });
    const again = await org.call('POST', '/api/v1/months/2031-06/people', { body: { rows: [{ ...row, name: 'Nguyễn Văn An', baseVersion: 1 }] } });
    expect(again.body.results[0].status).toBe('unchanged');
    expect(again.body.rows[0].name).toBe('Nguyễn Văn An');
    const roster = await org.call('GET', '/api/v1/roster');
    expect(roster.body.people.find((p: any) => p.code === 'N1').name).toBe('Nguyễn Văn An');
  });
});
