/**
 * TASK-7 item 9: an e-office export of 10,000 documents imported onto the month's tasks sheet and synced as the
 * add-in does, in pushes of 5,000 rows within the month's push envelope (the first answered minimally). How long
 * it takes is `npm run bench -- --tasks`; this proves it arrives whole and every row gets its computed columns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../addin/api/client.ts';
import { importTaskExport } from '../../../addin/actions/import-tasks.ts';
import { syncSheet } from '../../../addin/actions/sync-sheet.ts';
import { fileWorkbook, newWorkbook } from '../../../addin/workbook/file.ts';
import type { TaskMonth } from '../../../server/contract/task-sheet.ts';
import { testDatabases } from '../../support/databases.ts';
import { inProcessClient } from '../../support/in-process-client.ts';
import { startService, type TestService } from '../../support/service.ts';

const DOCUMENTS = 10_000;
const PEOPLE = 1_000;
const SHEET = 'Nhiệm vụ T10-2026';

const people = Array.from({ length: PEOPLE }, (_, i) => ({
  code: `NV${String(i + 1).padStart(4, '0')}`,
  name: `Cán bộ số ${i + 1}`,
  unit: `Khoa ${(i % 10) + 1}`,
  general: 27,
}));

/** The export: ten documents a person, every third a report (k = 2 from the catalogue), every fifth not done. */
function exportCells(): (string | number | null)[][] {
  const cells: (string | number | null)[][] = [['Số, ký hiệu', 'Loại văn bản', 'Trích yếu', 'Mã CB', 'Người xử lý chính', 'Đơn vị xử lý', 'Hạn xử lý', 'Ngày hoàn thành', 'Trạng thái']];
  for (let i = 0; i < DOCUMENTS; i++) {
    const p = people[i % PEOPLE]!;
    const day = String((i % 28) + 1).padStart(2, '0');
    const done = i % 5 !== 0;
    cells.push([`${i + 1}/VB`, i % 3 === 0 ? 'Báo cáo' : 'Công văn', `Văn bản số ${i + 1}`, p.code, p.name, p.unit, `${day}/10/2026`, done ? `${day}/10/2026` : '', done ? 'Hoàn thành' : 'Đang xử lý']);
  }
  return cells;
}

/** The add-in's client answered in-process (bodies gzip-compressed as sent), recording each push's rows and Prefer header. */
function recordingClient(s: TestService) {
  const pushes: [number, string | null][] = [];
  const client = createClient({
    baseUrl: 'http://binhxet.test',
    token: s.adminKey,
    fetch: (async (url: string | URL | Request, init?: RequestInit) => {
      const res = await s.app.request(String(url).replace('http://binhxet.test', ''), init);
      if (init?.method === 'POST') {
        const { counts } = (await res.clone().json()) as { counts: Record<string, number> };
        pushes.push([Object.values(counts).reduce((a, b) => a + b, 0), new Headers(init.headers).get('prefer')]);
      }
      return res;
    }) as typeof fetch,
  });
  return { client, pushes };
}

describe.each(testDatabases())('10,000 documents imported and synced on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
    expect((await s.call('POST', '/api/v1/months/2026-10/people', { body: { rows: people } })).body.counts.accepted).toBe(PEOPLE);
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('goes in two pushes of 5,000, every row stored, and every row written back with its person\'s results', async () => {
    const wb = newWorkbook();
    const exported = { cells: exportCells(), catalogue: new Map([['bao cao', 2]]) };
    const imported = await importTaskExport({ workbook: fileWorkbook(wb), client: inProcessClient(s) }, exported, '2026-10');
    expect(imported).toMatchObject({ sheet: SHEET, added: DOCUMENTS, kept: 0, messages: [] });

    const { client, pushes } = recordingClient(s);
    const outcome = await syncSheet({ workbook: fileWorkbook(wb), client }, { kind: 'tasks', sheet: SHEET });
    expect(outcome).toMatchObject({ offline: false, sent: DOCUMENTS, counts: { accepted: DOCUMENTS, unchanged: 0, rejected: 0, conflict: 0 } });
    expect(pushes).toEqual([[5_000, 'return=minimal'], [5_000, null]]);

    const month = (await s.call<TaskMonth>('GET', '/api/v1/months/2026-10/tasks')).body;
    expect(month.rows).toHaveLength(DOCUMENTS);
    expect(month.people).toHaveLength(PEOPLE);
    const byCode = new Map(month.people.map((p) => [p.code, p]));

    // The sheet as the sync left it: each row's person results and level, as the service computed them.
    const ws = wb.getWorksheet(SHEET)!;
    const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const col = (name: string) => header.indexOf(name);
    const [code, results, level] = [col('Mã CB'), col('Điểm kết quả tính từ nhiệm vụ'), col('Xếp loại tháng')];
    expect([code, results, level].every((c) => c > 0)).toBe(true);
    let checked = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const person = byCode.get(String(row.getCell(code).value))!;
      expect([row.getCell(results).value, row.getCell(level).value]).toEqual([person.results, person.label]);
      checked += 1;
    });
    expect(checked).toBe(DOCUMENTS);
    // Document i is person i mod 1,000's and is done unless i mod 5 = 0: a fifth of the people have done
    // nothing of theirs (results 0, KHT), the rest everything (results 70, score 97; HTXS needs exceeded work).
    const levels: Record<string, number> = {};
    for (const p of month.people) levels[`${p.level} ${p.results}`] = (levels[`${p.level} ${p.results}`] ?? 0) + 1;
    expect(levels).toEqual({ 'KHT 0': 200, 'HTT 70': 800 });
  });
});
