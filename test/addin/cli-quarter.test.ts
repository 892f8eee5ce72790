import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../addin/cli.ts';
import { plainValue, readXlsx } from '../../addin/workbook/file.ts';
import { capture } from '../support/capture.ts';
import { testDatabases } from '../support/databases.ts';
import { startHttpService } from '../support/http-service.ts';

describe.each(testDatabases())('npm run sheet -- quarter on $name', (database) => {
  let s: Awaited<ReturnType<typeof startHttpService>>;
  const dir = mkdtempSync(join(tmpdir(), 'binhxet-quarter-'));
  beforeAll(async () => {
    s = await startHttpService(await database.open());
    const person = { code: 'Q01', name: 'Vũ Thị Quý', unit: 'Phòng Đào tạo' };
    await s.call('POST', '/api/v1/months/2026-03/people', { body: { rows: [{ ...person, general: 28 }] } });
    await s.call('POST', '/api/v1/months/2026-01/tasks', { body: { rows: [{ ...person, taskRef: 'A', taskName: 'Báo cáo', g: 2, h: 2 }] } });
    await s.call('POST', '/api/v1/months/2026-03/tasks', { body: { rows: [{ ...person, taskRef: 'B', taskName: 'Đề án', g: 2, h: 1 }] } });
  });
  afterAll(async () => {
    await s.close();
  });

  const run = async (args: string[]) => {
    const err = capture();
    const said = capture();
    const code = await runCli(args, { BINHXET_URL: s.url, BINHXET_TOKEN: s.adminKey }, err.stream, said.stream);
    return { code, text: err.text() + said.text() };
  };

  it('writes "Nhiệm vụ Q1-2026" from the three months summed, rated on March’s sheet of people', async () => {
    const out = join(dir, 'quy.xlsx');
    const res = await run(['quarter', '2026-Q1', '--out', out]);
    expect(res).toEqual({ code: 0, text: `Đã ghi trang "Nhiệm vụ Q1-2026" vào ${out}: 1 cán bộ có nhiệm vụ trong quý.\n` });
    const ws = (await readXlsx(readFileSync(out))).getWorksheet('Nhiệm vụ Q1-2026')!;
    const row = (n: number) => (ws.getRow(n).values as ExcelJS.CellValue[]).slice(1).map(plainValue);
    expect(row(1)).toEqual(['KẾT QUẢ THỰC HIỆN NHIỆM VỤ QUÝ 1/2026']);
    // A = 4, done 3: 75 % on each axis; results 52.5; score 28 + 52.5 = 80.5; late 25 % > 20 → KHT after HT.
    expect(row(4).slice(0, 10)).toEqual(['Q01', 'Vũ Thị Quý', 'Phòng Đào tạo', 75, 75, 75, 52.5, 52.5, 80.5, 'Không hoàn thành nhiệm vụ']);
  });

  it('refuses a quarter that is not YYYY-Qn with exit code 2', async () => {
    expect(await run(['quarter', '2026-Q5', '--out', join(dir, 'x.xlsx')])).toMatchObject({ code: 2, text: expect.stringContaining('Quý phải có dạng YYYY-Qn') });
  });
});
