import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../addin/cli.ts';
import { plainValue, readXlsx } from '../../addin/workbook/file.ts';
import { capture } from '../support/capture.ts';
import { testDatabases } from '../support/databases.ts';
import { startHttpService } from '../support/http-service.ts';
import { layoutPeople, mergedUnitSheet, renamedCsv, SECTION_STYLES, sectionSheet } from '../support/office-sheets/layouts.ts';
import { hasSoffice, layoutXls, layoutXlsx } from '../support/office-sheets/write.ts';

const people = layoutPeople(32);
const soffice = await hasSoffice();
if (!soffice) console.warn('LibreOffice (soffice) is not installed: the .xls test is skipped here (CI installs it).');

describe.each(testDatabases())('the command line on office sheets, on $name', (database) => {
  let s: Awaited<ReturnType<typeof startHttpService>>;
  const dir = mkdtempSync(join(tmpdir(), 'binhxet-cli-office-'));
  beforeAll(async () => {
    s = await startHttpService(await database.open());
  });
  afterAll(async () => {
    await s.close();
  });
  const env = () => ({ BINHXET_URL: s.url, BINHXET_TOKEN: s.adminKey });

  async function sync(file: string, bytes: Uint8Array, extra: string[] = []) {
    const input = join(dir, file);
    writeFileSync(input, bytes);
    const out = join(dir, `out-${file.replace(/\.\w+$/, '')}.xlsx`);
    const err = capture();
    const code = await runCli(['sync', input, '--out', out, ...extra], env(), err.stream);
    return { code, text: err.text(), out, input };
  }

  async function month(period: string) {
    const answer = await s.call('GET', `/api/v1/months/${period}/people`);
    return answer.body as { rows: { name: string; unit: string; level: string }[]; quotas: { candidates: number }[] };
  }

  it('sends every person of a sheet whose units are merged down over their rows (32 of 32), and the quota counts 32', async () => {
    const run = await sync('merged.xlsx', await layoutXlsx([mergedUnitSheet(people, 'T01-2022')]));
    expect(run.code).toBe(0);
    const m = await month('2022-01');
    expect(m.rows).toHaveLength(32);
    expect(m.rows.filter((r) => r.unit === 'Khoa Lý luận cơ sở')).toHaveLength(8);
    expect(m.quotas.reduce((n, q) => n + q.candidates, 0)).toBe(32);
  });

  it('gives a heading naming a known unit by meaning ("II. K. LÝ LUẬN CƠ SỞ") that unit\'s spelling', async () => {
    // After the merged sheet above, the service knows "Khoa Lý luận cơ sở".
    const layout = sectionSheet(people, 'roman-merged', 'T06-2022');
    const at = layout.values.findIndex((line) => line[0] === 'II. KHOA LÝ LUẬN CƠ SỞ');
    layout.values[at] = ['II. K. LY LUAN CO SO'];
    const run = await sync('known-unit.xlsx', await layoutXlsx([layout]));
    expect(run.code).toBe(0);
    const units = new Set((await month('2022-06')).rows.map((r) => r.unit));
    expect(units).toContain('Khoa Lý luận cơ sở');
    expect([...units].some((u) => /LY LUAN/i.test(u))).toBe(false);
  });

  SECTION_STYLES.forEach((style, k) => {
    it(`reads units from heading rows (${style}); headings get no computed values`, async () => {
      const period = `2022-${String(k + 2).padStart(2, '0')}`;
      const layout = sectionSheet(people, style, `T${String(k + 2).padStart(2, '0')}-2022`);
      const run = await sync(`sections-${style}.xlsx`, await layoutXlsx([layout]));
      expect(run.code).toBe(0);
      const m = await month(period);
      expect(m.rows).toHaveLength(32);
      expect(new Set(m.rows.map((r) => r.unit.toLowerCase())).size).toBe(4);
      const ws = (await readXlsx(readFileSync(run.out))).worksheets[0]!;
      const header = (ws.getRow(5).values as unknown[]).map((v) => plainValue(v as never));
      const level = header.indexOf('Xếp loại');
      expect(level).toBeGreaterThan(0);
      layout.values.forEach((line, i) => {
        if (i <= 4) return;
        const written = plainValue(ws.getCell(i + 1, level).value);
        const person = typeof line[0] === 'number';
        if (person) expect(written, `row ${i + 1}`).not.toBeNull();
        else expect(written, `row ${i + 1}`).toBeNull();
      });
    });
  });

  it('syncs the sheet asked for in a workbook of two months', async () => {
    const bytes = await layoutXlsx([mergedUnitSheet(people, 'T07-2022'), mergedUnitSheet(people.slice(0, 20), 'T08-2022')]);
    const run = await sync('two-months.xlsx', bytes, ['--sheet', 'T08-2022']);
    expect(run.code).toBe(0);
    expect((await month('2022-08')).rows).toHaveLength(20);
    expect((await month('2022-07')).rows).toHaveLength(0);
  });

  it.skipIf(!soffice)('converts an Excel 97–2003 (.xls) sheet with LibreOffice, keeps the .xlsx beside it, and syncs it', async () => {
    const xls = await layoutXls(await layoutXlsx([mergedUnitSheet(people, 'T09-2022')]));
    writeFileSync(join(dir, 'old.xlsx'), 'a file the user already has');
    const run = await sync('old.xls', xls);
    expect(run.text).toContain('Đã chuyển "old.xls" (Excel 97–2003)');
    expect(run.code).toBe(0);
    // The user's own old.xlsx is left alone; the conversion goes beside it under a free name.
    expect(readFileSync(join(dir, 'old.xlsx'), 'utf8')).toBe('a file the user already has');
    expect(existsSync(join(dir, 'old (1).xlsx'))).toBe(true);
    expect((await month('2022-09')).rows).toHaveLength(32);
  });

  it('names a CSV saved as .xlsx and says what to do, sending nothing', async () => {
    const run = await sync('renamed.xlsx', renamedCsv(people));
    expect(run.code).toBe(2);
    expect(run.text).toContain('Tệp "renamed.xlsx" là tệp văn bản (CSV?), không phải .xlsx; mở bằng Excel và chọn Lưu thành');
    expect(run.text).not.toMatch(/central directory|zip/i);
  });

  it('refuses --out into a folder that does not exist before sending anything', async () => {
    const input = join(dir, 'nowhere.xlsx');
    writeFileSync(input, await layoutXlsx([mergedUnitSheet(people, 'T10-2022')]));
    const err = capture();
    const out = join(dir, 'missing-folder', 'out.xlsx');
    expect(await runCli(['sync', input, '--out', out], env(), err.stream)).toBe(2);
    expect(err.text()).toContain('không tồn tại');
    expect((await month('2022-10')).rows).toHaveLength(0);
  });
});
