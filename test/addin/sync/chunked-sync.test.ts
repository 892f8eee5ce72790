import { readFileSync } from 'node:fs';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../addin/api/client.ts';
import type { Progress } from '../../../addin/sync/outcome.ts';
import { syncSheet } from '../../../addin/sync/sync-sheet.ts';
import { fileWorkbook, plainValue, readXlsx } from '../../../addin/workbook/file.ts';
import { testDatabases } from '../../support/databases.ts';
import { FIXTURE_EXPECTED, FIXTURE_XLSX, fixtureRows } from '../../support/fixture.ts';
import { startService, type TestService } from '../../support/service.ts';

const SHEET = 'T10-2021';
const HEADER_ROW = 5;

interface Exchange {
  method: string;
  path: string;
  prefer: string | null;
  codes: string[];
  answer: Record<string, unknown> | null;
}

/**
 * The add-in's real client answered in-process, recording every exchange; `drop` loses the answer of the
 * n-th push (counted from 1) after the service has stored it, as a dropped connection would.
 */
function recordingClient(s: TestService, drop: { push: number } = { push: 0 }) {
  const exchanges: Exchange[] = [];
  let pushes = 0;
  const client = createClient({
    baseUrl: 'http://binhxet.test',
    token: s.adminKey,
    attempts: 1,
    fetch: (async (url: string | URL | Request, init?: RequestInit) => {
      const path = String(url).replace('http://binhxet.test', '');
      const res = await s.app.request(path, init);
      const headers = new Headers(init?.headers);
      const sent = init?.body ? (JSON.parse(String(init.body)) as { rows: { code?: string }[] }) : null;
      const text = await res.text();
      exchanges.push({
        method: init?.method ?? 'GET',
        path,
        prefer: headers.get('prefer'),
        codes: sent?.rows.map((r) => String(r.code)) ?? [],
        answer: text === '' ? null : JSON.parse(text),
      });
      if (init?.method === 'POST' && ++pushes === drop.push) throw new TypeError('fetch failed');
      return new Response(text, { status: res.status, headers: res.headers });
    }) as typeof fetch,
  });
  return { client, exchanges };
}

/** The computed columns and the status the sync wrote, by staff code. */
function writtenColumns(wb: ExcelJS.Workbook) {
  const ws = wb.getWorksheet(SHEET)!;
  const headers = (ws.getRow(HEADER_ROW).values as unknown[]).map((v) => plainValue(v as never));
  const at = (r: number, header: string) => (headers.includes(header) ? (plainValue(ws.getCell(r, headers.indexOf(header)).value) ?? null) : null);
  const out = new Map<string, { label: unknown; rankInUnit: unknown; rankInOrg: unknown; status: unknown }>();
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const code = at(r, 'Mã CB');
    if (typeof code !== 'string') continue;
    out.set(code, { label: at(r, 'Xếp loại'), rankInUnit: at(r, 'Hạng trong đơn vị'), rankInOrg: at(r, 'Hạng toàn trường'), status: at(r, 'Trạng thái đồng bộ') });
  }
  return out;
}

const pushesOf = (exchanges: Exchange[]) => exchanges.filter((e) => e.method === 'POST');

describe.each(testDatabases())('a sync sent in pieces on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('asks minimal answers for all pieces but the last and writes every row from the last answer, conflicts included', async () => {
    // Another officer stored the third row of the sheet first, with another score: a conflict in the first piece.
    const rows = await fixtureRows();
    const other = rows[2]!;
    await s.call('POST', '/api/v1/months/2021-10/people', { body: { rows: [{ ...other, score: Number(other.score) - 1 }] } });

    const wb = await readXlsx(readFileSync(FIXTURE_XLSX));
    const { client, exchanges } = recordingClient(s);
    const steps: Parameters<Progress>[0][] = [];
    const outcome = await syncSheet({ workbook: fileWorkbook(wb), client, progress: (step) => steps.push(step) }, { kind: 'person', chunkRows: 20 });

    expect(outcome).toMatchObject({ offline: false, sent: 50, counts: { accepted: 49, unchanged: 0, rejected: 0, conflict: 1 } });
    expect(outcome.rowProblems).toEqual([expect.objectContaining({ key: other.code, status: 'conflict' })]);
    const pushes = pushesOf(exchanges);
    expect(pushes.map((e) => [e.codes.length, e.prefer])).toEqual([
      [20, 'return=minimal'],
      [20, 'return=minimal'],
      [10, null],
    ]);
    expect(pushes[0]!.codes).toContain(other.code);
    expect(pushes.slice(0, 2).map((e) => e.answer!.rows)).toEqual([undefined, undefined]);
    // The month is the last answer's: no further request for it.
    expect(exchanges.filter((e) => e.method === 'GET' && e.path.endsWith('/people'))).toEqual([]);
    // The bar shows from the start, before the first piece is answered.
    expect(steps.filter((p) => p.phase === 'send').map((p) => p.done)).toEqual([0, 20, 40, 50]);

    // Every row, the first pieces' too, carries the computed columns of the month as the service has it now.
    const month = (await s.call('GET', '/api/v1/months/2021-10/people')).body;
    const written = writtenColumns(wb);
    expect(written.size).toBe(50);
    for (const r of month.rows) {
      const got = written.get(r.code)!;
      expect({ code: r.code, label: got.label, rankInUnit: got.rankInUnit, rankInOrg: got.rankInOrg }).toEqual({
        code: r.code,
        label: r.label,
        rankInUnit: r.rankInUnit,
        rankInOrg: r.rankInOrg,
      });
      expect(String(got.status)).toMatch(r.code === other.code ? /^Xung đột: Điểm đánh giá đã lưu/ : /^Đã đồng bộ \(phiên bản 1\)$/);
    }
  });
});

describe.each(testDatabases())('a sync in pieces whose network drops in the middle on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('keeps the rest for the next sync, which replays the lost piece once and writes the whole month', async () => {
    const wb = await readXlsx(readFileSync(FIXTURE_XLSX));
    const lost = recordingClient(s, { push: 2 });
    const dropped = await syncSheet({ workbook: fileWorkbook(wb), client: lost.client }, { kind: 'person', chunkRows: 20 });
    expect(dropped).toMatchObject({ offline: true, sent: 0 });
    expect(pushesOf(lost.exchanges).map((e) => e.prefer)).toEqual(['return=minimal', 'return=minimal']);
    expect(writtenColumns(wb).get('CB001')!.label).toBeNull();

    // The first piece is remembered as synced, the second as sent under its key: the next sync sends the
    // second again with that key (the service replays it, now as the last-but-one piece) and then the third.
    const again = recordingClient(s);
    const outcome = await syncSheet({ workbook: fileWorkbook(wb), client: again.client }, { kind: 'person', chunkRows: 20 });
    expect(outcome).toMatchObject({ offline: false, sent: 30, counts: { accepted: 30, unchanged: 0, rejected: 0, conflict: 0 } });
    const pushes = pushesOf(again.exchanges);
    expect(pushes.map((e) => [e.codes, e.prefer])).toEqual([
      [pushesOf(lost.exchanges)[1]!.codes, 'return=minimal'],
      [expect.any(Array), null],
    ]);
    expect(pushes[0]!.answer!.results).toEqual(pushesOf(lost.exchanges)[1]!.answer!.results);

    const [{ n } = { n: -1 }] = await s.db.query<{ n: number }>(
      `select count(*)::int as n from audit where org_id = $1 and period = '2021-10' and entity = 'person_month'`,
      [s.orgId],
    );
    expect(n).toBe(50);
    const written = writtenColumns(wb);
    for (const [code, want] of Object.entries(FIXTURE_EXPECTED.rows)) {
      const got = written.get(code)!;
      expect({ code, label: got.label, rankInUnit: got.rankInUnit, rankInOrg: got.rankInOrg }).toEqual({
        code,
        label: want.label,
        rankInUnit: want.rankInUnit,
        rankInOrg: want.rankInOrg,
      });
      expect(got.status).toBe('Đã đồng bộ (phiên bản 1)');
    }
    const third = await syncSheet({ workbook: fileWorkbook(wb), client: recordingClient(s).client }, { kind: 'person', chunkRows: 20 });
    expect(third.sent).toBe(0);
  });
});
