import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../addin/cli.ts';
import { readXlsx } from '../../addin/workbook/file.ts';
import { testDatabases } from '../support/databases.ts';
import { startHttpService } from '../support/http-service.ts';
import { yearGrid } from './sheet/kinds/grids.ts';
import { capture } from '../support/capture.ts';


describe.each(testDatabases())('the command line\'s year kinds and year command on $name', (database) => {
  let s: Awaited<ReturnType<typeof startHttpService>>;
  const dir = mkdtempSync(join(tmpdir(), 'binhxet-cli-year-'));
  const env = () => ({ BINHXET_URL: s.url, BINHXET_TOKEN: s.adminKey });
  /** The yearly sheet without its year anywhere: no "Năm" in its name or title. */
  let undated = '';
  beforeAll(async () => {
    s = await startHttpService(await database.open());
    const g = yearGrid('Sheet1');
    g.values[1] = ['BẢNG XẾP LOẠI CÔNG CHỨC, VIÊN CHỨC'];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    g.values.forEach((row) => ws.addRow(row.map((v) => (v === '' ? null : v))));
    undated = join(dir, 'undated.xlsx');
    writeFileSync(undated, Buffer.from(await wb.xlsx.writeBuffer()));
  });
  afterAll(async () => {
    await s.close();
  });

  const run = async (args: string[]) => {
    const err = capture();
    const said = capture();
    const code = await runCli(args, env(), err.stream, said.stream);
    // What was written goes to stdout, warnings and errors to stderr; these tests read both, stderr first.
    return { code, text: err.text() + said.text(), err: err.text(), said: said.text() };
  };

  it('refuses an unknown kind, a period of the wrong form for the kind and a bad year, with exit code 2', async () => {
    const out = join(dir, 'x.xlsx');
    expect(await run(['sync', undated, '--out', out, '--kind', 'lop'])).toMatchObject({ code: 2, text: expect.stringContaining('--kind phải là một trong: person, unit, year, initiative, student, tasks') });
    expect(await run(['sync', undated, '--out', out, '--kind', 'year', '--period', '2021-10'])).toMatchObject({ code: 2, text: expect.stringContaining('--period (hoặc --year) phải có dạng YYYY') });
    expect(await run(['sync', undated, '--out', out, '--kind', 'person', '--period', '2021'])).toMatchObject({ code: 2, text: expect.stringContaining('--period phải có dạng YYYY-MM') });
    expect(await run(['year', '21', '--out', out])).toMatchObject({ code: 2, text: expect.stringContaining('Năm phải có dạng YYYY, không phải "21"') });
    expect(await run(['year'])).toMatchObject({ code: 2, text: expect.stringContaining('Thiếu năm (YYYY)') });
    const usage = await run(['--help']);
    expect(usage.text).toContain('year <YYYY> --out <ra.xlsx>');
    expect(usage.text).toContain('initiative');
  });

  it('exits 2 without the year, and syncs with --year', async () => {
    const out = join(dir, 'dated.xlsx');
    const without = await run(['sync', undated, '--out', out, '--kind', 'year']);
    expect(without.code).toBe(2);
    expect(without.text).toContain('Không xác định được năm');
    const withYear = await run(['sync', undated, '--out', out, '--kind', 'year', '--year', '2021']);
    expect(withYear).toMatchObject({ code: 0, said: expect.stringContaining('Trang "Sheet1", năm 2021: 3 dòng, đã gửi 3: 3 nhận'), err: '' });
  });

  it('writes the year\'s two sheets for a year without data, warns, and exits 1', async () => {
    const out = join(dir, 'nam-2030.xlsx');
    const result = await run(['year', '2030', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Cảnh báo: máy chủ chưa có dữ liệu của năm 2030');
    const wb = await readXlsx(readFileSync(out));
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['Xếp loại năm 2030', 'Đề nghị khen thưởng 2030']);
  });
});
