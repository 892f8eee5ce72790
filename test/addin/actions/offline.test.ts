import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../../addin/api/client.ts';
import { syncSheet } from '../../../addin/actions/sync-sheet.ts';
import { fileWorkbook, readXlsx, writeXlsx } from '../../../addin/workbook/file.ts';
import { testDatabases } from '../../support/databases.ts';
import { FIXTURE_XLSX } from '../../support/fixture.ts';
import { startService, type TestService } from '../../support/service.ts';

/** A client whose network drops: the request reaches the service, the answer never comes back. */
function droppingClient(s: TestService, drop: { answers: boolean }) {
  return createClient({
    baseUrl: 'http://binhxet.test',
    token: s.adminKey,
    attempts: 1,
    fetch: (async (url: string | URL | Request, init?: RequestInit) => {
      const res = await s.app.request(String(url).replace('http://binhxet.test', ''), init);
      if (drop.answers && init?.method === 'POST') throw new TypeError('fetch failed');
      return res;
    }) as typeof fetch,
  });
}

describe.each(testDatabases())('a sync whose network drops on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('keeps the changes in the workbook and sends them once with the next sync', async () => {
    const wb = await readXlsx(readFileSync(FIXTURE_XLSX));
    const drop = { answers: true };
    const deps = { workbook: fileWorkbook(wb), client: droppingClient(s, drop) };
    const lost = await syncSheet(deps, { kind: 'person' });
    expect(lost.offline).toBe(true);
    // The service stored the push, but the officer never heard; the file is saved and reopened later.
    const reopened = await readXlsx(await writeXlsx(wb));
    drop.answers = false;
    const again = await syncSheet({ workbook: fileWorkbook(reopened), client: droppingClient(s, drop) }, { kind: 'person' });
    expect(again.offline).toBe(false);
    expect(again.sent).toBe(50);
    // The same idempotency key: the first answer is replayed, nothing is written twice.
    expect(again.counts).toEqual({ accepted: 50, unchanged: 0, rejected: 0, conflict: 0 });
    const [{ n } = { n: -1 }] = await s.db.query<{ n: number }>(
      `select count(*)::int as n from audit where org_id = $1 and period = '2021-10' and entity = 'person_month'`,
      [s.orgId],
    );
    expect(n).toBe(50);
    const third = await syncSheet({ workbook: fileWorkbook(reopened), client: droppingClient(s, drop) }, { kind: 'person' });
    expect(third.sent).toBe(0);
  });
});
