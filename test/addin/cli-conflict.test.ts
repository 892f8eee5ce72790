import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../addin/cli.ts';
import { readXlsx, writeXlsx } from '../../addin/workbook/file.ts';
import { capture } from '../support/capture.ts';
import { testDatabases } from '../support/databases.ts';
import { startHttpService } from '../support/http-service.ts';

const SHEET = 'T06-2022';

describe.each(testDatabases())('a conflict on the command line on $name', (database) => {
  let s: Awaited<ReturnType<typeof startHttpService>>;
  const dir = mkdtempSync(join(tmpdir(), 'binhxet-cli-conflict-'));
  beforeAll(async () => {
    s = await startHttpService(await database.open());
  });
  afterAll(async () => {
    await s.close();
  });
  const env = () => ({ BINHXET_URL: s.url, BINHXET_TOKEN: s.adminKey });

  /** A copy of `from` with the score of the one person set to `score`. */
  async function withScore(from: string, to: string, score: number): Promise<string> {
    const wb = await readXlsx(readFileSync(from));
    wb.getWorksheet(SHEET)!.getCell('E2').value = score;
    writeFileSync(to, await writeXlsx(wb));
    return to;
  }

  it('ends with pull then sync: the officer\'s value goes over the version they saw', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(SHEET);
    ws.addRow(['Mã CB', 'Họ và tên', 'Đơn vị', 'Nhóm', 'Điểm đánh giá']);
    ws.addRow(['GV31', 'Lò Văn Long', 'Khoa Lý luận cơ sở', 'Giảng viên', 85]);
    const start = join(dir, 'start.xlsx');
    writeFileSync(start, await writeXlsx(wb));
    const synced = join(dir, 'synced.xlsx');
    expect(await runCli(['sync', start, '--out', synced], env(), capture().stream, capture().stream)).toBe(0);

    // Officer A and officer B each hold the synced file; A stores 91 first.
    const a = await withScore(synced, join(dir, 'a.xlsx'), 91);
    expect(await runCli(['sync', a, '--out', a], env(), capture().stream, capture().stream)).toBe(0);
    const b = await withScore(synced, join(dir, 'b.xlsx'), 88);
    const err = capture();
    const said = capture();
    expect(await runCli(['sync', b, '--out', b], env(), err.stream, said.stream)).toBe(1);
    expect(err.text()).toBe(
      'Xung đột: dòng 2 (GV31 Lò Văn Long): Điểm đánh giá đã lưu 91, bạn nhập 88 (phiên bản 2)\n' +
        'Xung đột: chạy pull rồi sync để gửi giá trị của bạn thay bản đã lưu, hoặc sửa ô theo bản đã lưu.\n',
    );
    expect(said.text()).toContain('1 xung đột');
    // Again without pull: still refused, never silently stored.
    expect(await runCli(['sync', b, '--out', b], env(), capture().stream, capture().stream)).toBe(1);

    const pulled = capture();
    expect(await runCli(['pull', b, '--out', b], env(), capture().stream, pulled.stream)).toBe(0);
    expect(pulled.text()).toContain('1 dòng xung đột đã lấy bản đã lưu; chạy sync để gửi giá trị của bạn thay bản đó.');
    const resent = capture();
    expect(await runCli(['sync', b, '--out', b], env(), capture().stream, resent.stream)).toBe(0);
    expect(resent.text()).toContain('đã gửi 1: 1 nhận, 0 không đổi, 0 lỗi, 0 xung đột');
    const month = await s.call('GET', '/api/v1/months/2022-06/people');
    expect(month.body.rows).toEqual([expect.objectContaining({ code: 'GV31', score: 88, version: 3 })]);
  });
});
