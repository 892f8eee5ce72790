import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../addin/cli.ts';
import { plainValue, readXlsx, writeXlsx } from '../../addin/workbook/file.ts';
import { testDatabases } from '../support/databases.ts';
import { FIXTURE_EXPECTED, FIXTURE_XLSX } from '../support/fixture.ts';
import { startHttpService } from '../support/http-service.ts';
import { capture } from '../support/capture.ts';


describe.each(testDatabases())('the command line on $name', (database) => {
  let s: Awaited<ReturnType<typeof startHttpService>>;
  const dir = mkdtempSync(join(tmpdir(), 'binhxet-cli-'));
  beforeAll(async () => {
    s = await startHttpService(await database.open());
  });
  afterAll(async () => {
    await s.close();
  });
  const env = () => ({ BINHXET_URL: s.url, BINHXET_TOKEN: s.adminKey });

  it('syncs the fixture, writes the computed columns and exits 0; pull then changes nothing', async () => {
    const out = join(dir, 'out.xlsx');
    const err = capture();
    const said = capture();
    expect(await runCli(['sync', FIXTURE_XLSX.pathname, '--out', out], env(), err.stream, said.stream)).toBe(0);
    expect(said.text()).toBe('Trang "T10-2021", tháng 10/2021: 50 dòng, đã gửi 50: 50 nhận, 0 không đổi, 0 lỗi, 0 xung đột.\n');
    // The fixture's one person without a score is sent, with a warning naming them.
    expect(err.text()).toBe(`Cảnh báo: H39: chưa có điểm đánh giá — sẽ là "Không xếp loại" — ${FIXTURE_EXPECTED.rows.CB034!.name}\n`);
    const ws = (await readXlsx(readFileSync(out))).getWorksheet('T10-2021')!;
    const header = ws.getRow(5).values as unknown[];
    for (let r = 6; r <= 55; r++) {
      const code = String(plainValue(ws.getCell(r, header.indexOf('Mã CB')).value));
      expect(plainValue(ws.getCell(r, header.indexOf('Xếp loại')).value)).toBe(FIXTURE_EXPECTED.rows[code]!.label);
      expect(plainValue(ws.getCell(r, header.indexOf('Hạng trong đơn vị')).value)).toBe(FIXTURE_EXPECTED.rows[code]!.rankInUnit);
    }
    const again = join(dir, 'again.xlsx');
    expect(await runCli(['pull', out, '--out', again], env(), capture().stream)).toBe(0);
  });

  it('exits 1 when some rows are bad, stores the others and names the bad cell', async () => {
    const wb = await readXlsx(readFileSync(FIXTURE_XLSX));
    const ws = wb.worksheets[0]!;
    ws.name = 'T11-2021';
    ws.getCell('H7').value = 150;
    ws.getCell('H8').value = '85,5';
    const input = join(dir, 'bad.xlsx');
    writeFileSync(input, await writeXlsx(wb));
    const err = capture();
    const said = capture();
    expect(await runCli(['sync', input, '--out', join(dir, 'bad-out.xlsx')], env(), err.stream, said.stream)).toBe(1);
    expect(err.text()).toContain('H7: Điểm đánh giá phải từ 0 đến 100');
    // The row held back is counted in the summary, which says nothing of problems itself.
    expect(said.text()).toBe(
      'Trang "T11-2021", tháng 11/2021: 50 dòng, đã gửi 49: 49 nhận, 0 không đổi, 0 lỗi, 0 xung đột; ' +
        '1 dòng lỗi chưa gửi (sửa các ô đã nêu rồi chạy lại).\n',
    );
    const month = await s.call('GET', '/api/v1/months/2021-11/people');
    expect(month.body.rows).toHaveLength(49);
    expect(month.body.rows.find((r: any) => r.code === 'CB003').score).toBe(85.5);
    const out = (await readXlsx(readFileSync(join(dir, 'bad-out.xlsx')))).worksheets[0]!;
    const status = String(plainValue(out.getCell(7, 15).value));
    expect(status).toMatch(/^Lỗi: /);
  });

  it('keeps a level typed over the computed one unless --overwrite-typed, saying so on each stream', async () => {
    const wb = await readXlsx(readFileSync(FIXTURE_XLSX));
    wb.worksheets[0]!.name = 'T01-2022';
    const first = join(dir, 'typed-1.xlsx');
    writeFileSync(first, await writeXlsx(wb));
    const synced = join(dir, 'typed-2.xlsx');
    expect(await runCli(['sync', first, '--out', synced], env(), capture().stream, capture().stream)).toBe(0);
    const typedIn = await readXlsx(readFileSync(synced));
    const ws = typedIn.worksheets[0]!;
    const header = ws.getRow(5).values as unknown[];
    const levelCol = header.indexOf('Xếp loại');
    const computedLabel = plainValue(ws.getCell(6, levelCol).value);
    const name = plainValue(ws.getCell(6, header.indexOf('Họ và tên')).value);
    ws.getCell(6, levelCol).value = 'KHT';
    const typed = join(dir, 'typed-3.xlsx');
    writeFileSync(typed, await writeXlsx(typedIn));

    const err = capture();
    const said = capture();
    const kept = join(dir, 'typed-kept.xlsx');
    expect(await runCli(['pull', typed, '--out', kept], env(), err.stream, said.stream)).toBe(0);
    const cell = `${String.fromCharCode(64 + levelCol)}6`;
    expect(err.text()).toContain(`Cảnh báo: ${cell}: Hội đồng ghi KHT cho ${name}, tính được `);
    expect(said.text()).toContain('1 ô do người dùng ghi khác kết quả tính, chưa ghi đè (thêm --overwrite-typed để ghi đè).');
    expect(plainValue((await readXlsx(readFileSync(kept))).worksheets[0]!.getCell(6, levelCol).value)).toBe('KHT');

    const over = join(dir, 'typed-over.xlsx');
    const quiet = capture();
    expect(await runCli(['pull', typed, '--out', over, '--overwrite-typed'], env(), quiet.stream, capture().stream)).toBe(0);
    expect(quiet.text()).not.toContain('Hội đồng ghi');
    expect(plainValue((await readXlsx(readFileSync(over))).worksheets[0]!.getCell(6, levelCol).value)).toBe(computedLabel);
  });

  it('names the address it cannot reach and speaks of no pending change when there is none', async () => {
    const err = capture();
    const said = capture();
    const gone = { BINHXET_URL: 'http://127.0.0.1:9', BINHXET_TOKEN: s.adminKey };
    expect(await runCli(['pull', FIXTURE_XLSX.pathname, '--out', join(dir, 'gone.xlsx')], gone, err.stream, said.stream)).toBe(2);
    expect(err.text()).toContain('Không kết nối được máy chủ http://127.0.0.1:9');
    expect(err.text()).not.toContain('chưa gửi');
    expect(said.text()).toBe('');
  });

  it('exits 2 with a Vietnamese message when nothing can be done', async () => {
    const err = capture();
    expect(await runCli(['sync', FIXTURE_XLSX.pathname, '--out', join(dir, 'x.xlsx')], {}, err.stream)).toBe(2);
    expect(err.text()).toContain('BINHXET_URL');
    const bad = capture();
    expect(await runCli(['sync', FIXTURE_XLSX.pathname, '--out', join(dir, 'x.xlsx')], { ...env(), BINHXET_TOKEN: 'bx_wrong' }, bad.stream)).toBe(2);
    expect(bad.text()).toContain('Khóa truy cập không hợp lệ');
    const usage = capture();
    expect(await runCli(['frobnicate'], env(), usage.stream)).toBe(2);
    expect(usage.text()).toContain('Cách dùng');
  });

  it('refuses to sync into a finalised month and says so', async () => {
    const wb = await readXlsx(readFileSync(FIXTURE_XLSX));
    wb.worksheets[0]!.name = 'T12-2021';
    const input = join(dir, 'dec.xlsx');
    writeFileSync(input, await writeXlsx(wb));
    await s.call('POST', '/api/v1/months/2021-12/decisions', { body: { kind: 'finalise' } });
    const err = capture();
    expect(await runCli(['sync', input, '--out', join(dir, 'dec-out.xlsx')], env(), err.stream)).toBe(2);
    expect(err.text()).toContain('đã được Hội đồng chốt');
  });
});
