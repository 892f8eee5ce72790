import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../addin/cli.ts';
import { plainValue, readXlsx } from '../../addin/workbook/file.ts';
import { testDatabases } from '../support/databases.ts';
import { FIXTURE_EXPECTED, FIXTURE_XLSX, fixtureRows } from '../support/fixture.ts';
import { startHttpService } from '../support/http-service.ts';
import { capture } from '../support/capture.ts';


const SHEET = 'Tổng hợp T10-2021';

async function sheetRows(file: string, name = SHEET) {
  const ws = (await readXlsx(readFileSync(file))).getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  ws.eachRow((row, r) => void (rows[r - 1] = (row.values as unknown[]).slice(1).map((v) => plainValue(v as never))));
  return rows;
}

async function chartParts(file: string): Promise<string[]> {
  return Object.keys((await JSZip.loadAsync(readFileSync(file))).files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
}

describe.each(testDatabases())('npm run sheet -- summary on $name', (database) => {
  let s: Awaited<ReturnType<typeof startHttpService>>;
  const dir = mkdtempSync(join(tmpdir(), 'binhxet-cli-summary-'));
  const env = () => ({ BINHXET_URL: s.url, BINHXET_TOKEN: s.adminKey });
  beforeAll(async () => {
    s = await startHttpService(await database.open());
    const pushed = await s.call('POST', '/api/v1/months/2021-10/people', { body: { rows: await fixtureRows() } });
    expect(pushed.body.counts.accepted).toBe(50);
  });
  afterAll(async () => {
    await s.close();
  });

  it('writes the summary sheet with its chart into a new workbook and exits 0', async () => {
    const out = join(dir, 'tong-hop.xlsx');
    const err = capture();
    const said = capture();
    expect(await runCli(['summary', '2021-10', '--out', out], env(), err.stream, said.stream)).toBe(0);
    expect(said.text()).toContain(`Đã ghi trang "${SHEET}"`);
    expect(said.text()).toContain('50 cán bộ');
    expect(err.text()).toBe('');
    const rows = await sheetRows(out);
    expect(rows[0]?.[0]).toBe('TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI THÁNG 10/2021');
    const total = rows.find((r) => r?.[0] === 'Toàn trường')!;
    const levels = Object.values(FIXTURE_EXPECTED.rows).map((r) => r.level);
    const count = (level: string) => levels.filter((l) => l === level).length;
    expect(total).toEqual(['Toàn trường', count('HTXS'), count('HTT'), count('HT'), count('KHT'), count('NONE'), 50]);
    const summary = await s.call('GET', '/api/v1/months/2021-10/summary');
    expect(summary.body.ties.length).toBeGreaterThan(0);
    for (const tie of summary.body.ties as { codes: string[] }[]) {
      for (const code of tie.codes) {
        expect(said.text()).toContain(`${code} ${FIXTURE_EXPECTED.rows[code]!.name}`);
        expect(rows.some((r) => r?.[1] === code && r?.[2] === FIXTURE_EXPECTED.rows[code]!.name)).toBe(true);
      }
    }
    expect(await chartParts(out)).toEqual(['xl/charts/chart1.xml']);
  });

  it('writes into a copy of --in, keeping its sheets, and replaces the summary when run again', async () => {
    const first = join(dir, 'with-month.xlsx');
    expect(await runCli(['summary', '2021-10', '--in', FIXTURE_XLSX.pathname, '--out', first], env(), capture().stream, capture().stream)).toBe(0);
    await s.call('POST', '/api/v1/months/2021-10/decisions', { body: { kind: 'finalise', reason: 'Hội đồng họp ngày 5/11' } });
    const second = join(dir, 'with-month-2.xlsx');
    expect(await runCli(['summary', '2021-10', '--in', first, '--out', second], env(), capture().stream, capture().stream)).toBe(0);
    const wb = await readXlsx(readFileSync(second));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['T10-2021', SHEET]);
    const month = await sheetRows(second, 'T10-2021');
    const original = await sheetRows(FIXTURE_XLSX.pathname, 'T10-2021');
    expect(month).toEqual(original);
    const rows = await sheetRows(second);
    expect(rows[1]).toEqual(['Trạng thái', 'Đã chốt']);
    expect(rows.some((r) => r?.[1] === 'Chốt tháng' && r?.[3] === 'Hội đồng họp ngày 5/11')).toBe(true);
    expect(await chartParts(second)).toEqual(['xl/charts/chart1.xml']);
  });

  it('exits 1 for a month the service has no rows of, after writing the empty summary', async () => {
    const out = join(dir, 'empty.xlsx');
    const err = capture();
    expect(await runCli(['summary', '2021-09', '--out', out], env(), err.stream)).toBe(1);
    expect(err.text()).toContain('chưa có dữ liệu của tháng 09/2021');
    expect((await sheetRows(out, 'Tổng hợp T09-2021'))[0]?.[0]).toContain('THÁNG 09/2021');
    expect(await chartParts(out)).toEqual([]);
  });

  it('exits 2, writing nothing, on a bad month, a missing file, a wrong key or no --out', async () => {
    const out = join(dir, 'never.xlsx');
    const cases: [string[], Record<string, string>, string][] = [
      [['summary', '10-2021', '--out', out], env(), 'Tháng phải có dạng YYYY-MM'],
      [['summary', '2021-10', '--in', join(dir, 'missing.xlsx'), '--out', out], env(), 'Không đọc được tệp'],
      [['summary', '2021-10', '--out', out], { ...env(), BINHXET_TOKEN: 'bx_wrong' }, 'Khóa truy cập không hợp lệ'],
      [['summary', '2021-10'], env(), 'Thiếu --out'],
      [['summary'], env(), 'Thiếu tháng'],
    ];
    for (const [argv, environment, message] of cases) {
      const err = capture();
      expect(await runCli(argv, environment, err.stream)).toBe(2);
      expect(err.text()).toContain(message);
    }
    expect(() => readFileSync(out)).toThrow();
  });
});
