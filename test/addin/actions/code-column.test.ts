import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCodeColumn } from '../../../addin/actions/code-column.ts';
import { syncSheet } from '../../../addin/actions/sync-sheet.ts';
import { fileWorkbook, plainValue, readXlsx } from '../../../addin/workbook/file.ts';
import { testDatabases } from '../../support/databases.ts';
import { FIXTURE_EXPECTED, FIXTURE_XLSX, fixtureRows } from '../../support/fixture.ts';
import { inProcessClient } from '../../support/in-process-client.ts';
import { startService, type TestService } from '../../support/service.ts';

describe.each(testDatabases())('a sheet without staff codes on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
    // The roster the school already has (pushed once with codes), with a namesake of CB001 in the same unit.
    const rows = await fixtureRows();
    const first = rows.find((r) => r.code === 'CB001')!;
    await s.call('POST', '/api/v1/months/2021-09/people', { body: { rows: [...rows, { ...first, code: 'CB099', ref: 99 }] } });
  });
  afterAll(async () => {
    await s.db.close();
  });

  async function codelessFixture() {
    const wb = await readXlsx(readFileSync(FIXTURE_XLSX));
    const ws = wb.getWorksheet('T10-2021')!;
    ws.spliceColumns(2, 1); // remove "Mã CB"
    ws.getCell('B8').value = 'Người Chưa Có Trong Danh Sách';
    return wb;
  }

  it('syncs by name within the unit, never guessing a namesake, and adds a code column on request', async () => {
    const wb = await codelessFixture();
    const deps = { workbook: fileWorkbook(wb), client: inProcessClient(s) };
    const outcome = await syncSheet(deps, { kind: 'person' });
    expect(outcome.period).toBe('2021-10');
    // CB001's row matches two people of the roster: reported on its row, not sent.
    const ambiguous = outcome.issues.filter((i) => i.severity === 'error');
    expect(ambiguous).toHaveLength(1);
    expect(ambiguous[0]!.cell).toMatch(/^B6$/);
    expect(outcome.counts.accepted).toBe(49);
    const month = await s.call('GET', '/api/v1/months/2021-10/people');
    const byCode = new Map(month.body.rows.map((r: any) => [r.code, r]));
    expect((byCode.get('CB010') as any).level).toBe(FIXTURE_EXPECTED.rows.CB010!.level);
    expect(month.body.rows.filter((r: any) => r.name === 'Người Chưa Có Trong Danh Sách')[0].code).toMatch(/^BX/);

    const added = await addCodeColumn(deps, { sheet: 'T10-2021' });
    expect(added.matched).toBeGreaterThanOrEqual(47);
    const ws = wb.getWorksheet('T10-2021')!;
    const header = (ws.getRow(5).values as unknown[]).map((v) => plainValue(v as never));
    const codeCol = header.indexOf('Mã CB');
    expect(codeCol).toBeGreaterThan(0);
    expect(plainValue(ws.getCell(15, codeCol).value)).toBe('CB010');
  });
});
