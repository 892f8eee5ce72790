import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../../addin/sheet/index.ts';
import { syncSheet } from '../../../addin/actions/sync-sheet.ts';
import { fileWorkbook, plainValue, readXlsx, writeXlsx } from '../../../addin/workbook/file.ts';
import { testDatabases } from '../../support/databases.ts';
import { FIXTURE_EXPECTED, FIXTURE_XLSX } from '../../support/fixture.ts';
import { inProcessClient } from '../../support/in-process-client.ts';
import { startService, type TestService } from '../../support/service.ts';
import { codeHeaderRow, computedByCode, gridSheet } from '../workbook/read-back.ts';

type Grid = CellValue[][];

async function grid(data: Uint8Array | Buffer): Promise<Grid> {
  const wb = await readXlsx(data);
  const ws = wb.getWorksheet('T10-2021')!;
  const out: Grid = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const line: CellValue[] = [];
    for (let c = 1; c <= ws.columnCount; c++) line.push(plainValue(ws.getCell(r, c).value));
    out.push(line);
  }
  return out;
}

/** Computed columns by staff code, found by their headers on the header row. */
function computedOf(g: Grid) {
  const sheet = gridSheet(g);
  return computedByCode(sheet, codeHeaderRow(sheet));
}

describe.each(testDatabases())('syncing the public fixture file on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('writes exactly the expected results and changes no other cell; sorting then syncing again changes nothing', async () => {
    const original = readFileSync(FIXTURE_XLSX);
    const wb = await readXlsx(original);
    const deps = { workbook: fileWorkbook(wb), client: inProcessClient(s) };
    const first = await syncSheet(deps, { kind: 'person' });
    expect(first.period).toBe('2021-10');
    expect(first.counts).toEqual({ accepted: 50, unchanged: 0, rejected: 0, conflict: 0 });
    expect(first.issues.filter((i) => i.severity === 'error')).toEqual([]);

    const saved = await writeXlsx(wb);
    const before = await grid(original);
    const after = await grid(saved);
    const width = before[4]!.length;
    // Every cell the user had is unchanged; the five computed columns were appended to its right.
    for (let r = 0; r < before.length; r++) expect(after[r]!.slice(0, width)).toEqual(before[r]!.slice(0, width));
    expect(after[4]!.slice(width, width + 5)).toEqual(['Xếp loại', 'Hạng trong đơn vị', 'Hạng toàn trường', 'Giải thích', 'Trạng thái đồng bộ']);
    const results = computedOf(after);
    for (const [code, want] of Object.entries(FIXTURE_EXPECTED.rows)) {
      const got = results.get(code)!;
      expect({ code, label: got.label, rankInUnit: got.rankInUnit, rankInOrg: got.rankInOrg }).toEqual({
        code,
        label: want.label,
        rankInUnit: want.rankInUnit,
        rankInOrg: want.rankInOrg,
      });
      expect(String(got.status)).toMatch(/^Đã đồng bộ/);
    }

    // Sort the data rows by name (as a user would), reopen the saved file, and sync again.
    const reopened = await readXlsx(saved);
    const ws = reopened.getWorksheet('T10-2021')!;
    const rows = after.slice(5).filter((row) => row.some((v) => v !== null));
    const sorted = [...rows].sort((a, b) => String(a[2]).localeCompare(String(b[2]), 'vi'));
    sorted.forEach((row, i) => row.forEach((v, c) => (ws.getCell(6 + i, c + 1).value = v)));
    const second = await syncSheet({ workbook: fileWorkbook(reopened), client: inProcessClient(s) }, { kind: 'person' });
    expect(second.sent).toBe(0);
    const resorted = computedOf(await grid(await writeXlsx(reopened)));
    for (const [code, want] of Object.entries(FIXTURE_EXPECTED.rows)) {
      expect(resorted.get(code)!.label).toBe(want.label);
      expect(resorted.get(code)!.rankInOrg).toBe(want.rankInOrg);
    }
  });
});
