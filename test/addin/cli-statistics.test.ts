import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../addin/cli.ts';
import { capture } from '../support/capture.ts';
import { testDatabases } from '../support/databases.ts';
import { startHttpService } from '../support/http-service.ts';
import { pushYear, quotaOfAll, SEED_FIGURES } from '../server/years/statistics-year.ts';

async function chartParts(file: string): Promise<string[]> {
  return Object.keys((await JSZip.loadAsync(readFileSync(file))).files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
}

/** Label → value of a sheet's two-column rows (the first cell that is text, the next cell). */
function rowsOf(ws: ExcelJS.Worksheet): Map<string, unknown[]> {
  const rows = new Map<string, unknown[]>();
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    if (typeof values[0] === 'string' && !rows.has(values[0])) rows.set(values[0], values.slice(1));
  });
  return rows;
}

describe.each(testDatabases())('npm run sheet -- statistics <YYYY> on $name', (database) => {
  let s: Awaited<ReturnType<typeof startHttpService>>;
  const dir = mkdtempSync(join(tmpdir(), 'binhxet-cli-statistics-'));
  beforeAll(async () => {
    s = await startHttpService(await database.open());
    expect((await s.call('PUT', '/api/v1/rule-set', { body: quotaOfAll(20) })).status).toBe(200);
    await pushYear(s, SEED_FIGURES, 2021);
  });
  afterAll(async () => {
    await s.close();
  });

  it('writes "Tổng hợp thi đua 2021" with the seed’s figures and "Tổng hợp phong trào 2021", each with its chart', async () => {
    const out = join(dir, 'tong-hop.xlsx');
    const err = capture();
    const said = capture();
    const code = await runCli(['statistics', '2021', '--out', out], { BINHXET_URL: s.url, BINHXET_TOKEN: s.adminKey }, err.stream, said.stream);
    expect(err.text()).toBe('');
    expect(code).toBe(0);
    expect(said.text()).toContain('441 lượt cá nhân, 45 lượt khoa, phòng, 52 học viên được khen thưởng, ủng hộ hơn 28 triệu đồng');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const stats = rowsOf(wb.getWorksheet('Tổng hợp thi đua 2021')!);
    expect(stats.get('Lượt cá nhân được đánh giá, xếp loại')?.[0]).toBe(441);
    expect(stats.get('Lượt khoa, phòng được đánh giá, xếp loại')?.[0]).toBe(45);
    expect(stats.get('Lượt cá nhân Hoàn thành xuất sắc nhiệm vụ')?.[0]).toBe(75);
    expect(stats.get('Học viên được khen thưởng')?.[0]).toBe(52);
    expect(stats.get('Tổng số tiền ủng hộ')?.[0]).toBe('hơn 28 triệu đồng');
    // The chart's table: HTXS person-months and unit-months.
    expect(stats.get('HTXS')?.slice(0, 2)).toEqual([75, 25]);
    expect(stats.get('Tổng')?.slice(0, 2)).toEqual([441, 45]);
    const drives = rowsOf(wb.getWorksheet('Tổng hợp phong trào 2021')!);
    expect(drives.get('Tổng số tiền (đồng)')?.[0]).toBe(28_250_000);
    expect(drives.get('Tổng')?.[0]).toBe(28_250_000);
    expect(await chartParts(out)).toHaveLength(2);
  });

  it('refuses a bad year with exit code 2', async () => {
    const err = capture();
    const code = await runCli(['statistics', '21', '--out', join(dir, 'x.xlsx')], { BINHXET_URL: s.url, BINHXET_TOKEN: s.adminKey }, err.stream, capture().stream);
    expect(code).toBe(2);
    expect(err.text()).toContain('Năm phải có dạng YYYY, không phải "21"');
  });
});
