import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../addin/cli.ts';
import { readXlsx } from '../../addin/workbook/file.ts';
import { capture } from '../support/capture.ts';
import { testDatabases } from '../support/databases.ts';
import { startHttpService } from '../support/http-service.ts';

const HEADER = [
  'STT', 'Mã CB', 'Họ và tên', 'Đơn vị', 'Mã nhiệm vụ', 'Tên nhiệm vụ/sản phẩm', 'Hệ số quy đổi', 'SL giao', 'SL hoàn thành',
  'Hạn hoàn thành', 'Lỗi CL', 'Lỗi TĐ', 'Nguyên nhân khách quan', 'Người xác nhận', 'Ghi chú',
];

/** A tasks sheet as a unit keeps it: the worked example's three rows of CB010 (research §3.3), and `extra` rows. */
async function tasksWorkbook(path: string, extra: (string | number | null)[][] = []): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Nhiệm vụ T10-2026');
  ws.addRow(['BẢNG THEO DÕI NHIỆM VỤ THÁNG 10/2026']);
  ws.addRow(HEADER);
  ws.addRow([1, 'CB010', 'Nguyễn Văn Mười', 'Phòng Đào tạo', 'T1', 'Báo cáo tổng kết', 1, 2, 2, null, 0, 1, null, null, null]);
  ws.addRow([2, 'CB010', 'Nguyễn Văn Mười', 'Phòng Đào tạo', 'T2', 'Đề án tuyển sinh', 2, 1, 1, null, 1, 0, null, null, null]);
  ws.addRow([3, 'CB010', 'Nguyễn Văn Mười', 'Phòng Đào tạo', 'T3', 'Quy chế chi tiêu', 1, 1, 0, null, null, null, null, null, 'Chưa xong']);
  for (const row of extra) ws.addRow(row);
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
}

describe.each(testDatabases())('the command line syncs a tasks sheet on $name', (database) => {
  let s: Awaited<ReturnType<typeof startHttpService>>;
  const dir = mkdtempSync(join(tmpdir(), 'binhxet-cli-tasks-'));
  const env = () => ({ BINHXET_URL: s.url, BINHXET_TOKEN: s.adminKey });
  beforeAll(async () => {
    s = await startHttpService(await database.open());
    const people = await s.call('POST', '/api/v1/months/2026-10/people', {
      body: { rows: [{ code: 'CB010', name: 'Nguyễn Văn Mười', unit: 'Phòng Đào tạo', general: 27 }] },
    });
    expect(people.status).toBe(200);
  });
  afterAll(async () => {
    await s.close();
  });

  const run = async (args: string[]) => {
    const err = capture();
    const said = capture();
    const code = await runCli(args, env(), err.stream, said.stream);
    // Problems go to stderr, the summary to stdout; the tests read both, stderr first.
    return { code, text: err.text() + said.text() };
  };

  /** The output sheet's rows as header → value, below the header row. */
  async function readBack(path: string): Promise<Record<string, unknown>[]> {
    const wb = await readXlsx(readFileSync(path));
    const ws = wb.getWorksheet('Nhiệm vụ T10-2026')!;
    const header = (ws.getRow(2).values as unknown[]).map((v) => (v === undefined || v === null ? '' : String(v)));
    const rows: Record<string, unknown>[] = [];
    ws.eachRow((row, n) => {
      if (n <= 2) return;
      const values = row.values as unknown[];
      rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null]).filter(([h]) => h !== '')));
    });
    return rows;
  }

  it('sends the rows, names the bad cell in Vietnamese, and writes each row\'s and the person\'s computed columns', async () => {
    const input = join(dir, 'nhiem-vu.xlsx');
    await tasksWorkbook(input, [[4, 'CB010', 'Nguyễn Văn Mười', 'Phòng Đào tạo', 'T4', 'Tờ trình', 1, 1, 1, null, 5, null, null, null, null]]);
    const out = join(dir, 'nhiem-vu-ra.xlsx');
    const result = await run(['sync', input, '--out', out, '--kind', 'tasks']);
    expect(result.code).toBe(1);
    expect(result.text).toContain('Trang "Nhiệm vụ T10-2026", tháng 10/2026: 4 dòng, đã gửi 3: 3 nhận');
    expect(result.text).toMatch(/K6: Số lần chưa đạt chất lượng phải là số nguyên từ 0 đến 4/);

    const rows = await readBack(out);
    expect(rows.map((r) => [r['Mã nhiệm vụ'], r['Quy đổi hoàn thành/giao'], r['Trừ điểm']])).toEqual([
      ['T1', '2/2', 'Chậm tiến độ 1 lần (−25%)'],
      ['T2', '2/2', 'Chưa đạt chất lượng 1 lần (−25%)'],
      ['T3', '0/1', 'Hoàn thành 0/1'],
      ['T4', null, null],
    ]);
    for (const r of rows.slice(0, 3)) {
      expect(r['Số lượng/Chất lượng/Tiến độ (%)']).toBe('80 / 70 / 70');
      expect(r['Điểm kết quả tính từ nhiệm vụ']).toBe(51.3);
      expect(r['Xếp loại tháng']).toBe('Không hoàn thành nhiệm vụ');
      expect(String(r['Giải thích'])).toContain('Điểm kết quả tính từ nhiệm vụ: 51,3/70');
    }

    // The month's people now read the task results: the score and the level the gates give.
    const month = await s.call('GET', '/api/v1/months/2026-10/people');
    expect(month.body.rows[0]).toMatchObject({ code: 'CB010', score: 78.3, level: 'KHT' });
  });

  it('sends only what changed on the next sync, and the objective cause lifts CB010 to HT', async () => {
    const first = join(dir, 'nhiem-vu-ra.xlsx');
    const wb = await readXlsx(readFileSync(first));
    const ws = wb.getWorksheet('Nhiệm vụ T10-2026')!;
    ws.spliceRows(6, 1);
    ws.getCell('M3').value = 'Có';
    ws.getCell('N3').value = 'Trưởng phòng Đào tạo';
    const edited = join(dir, 'nhiem-vu-sua.xlsx');
    writeFileSync(edited, Buffer.from(await wb.xlsx.writeBuffer()));
    const out = join(dir, 'nhiem-vu-ra-2.xlsx');
    const result = await run(['sync', edited, '--out', out, '--kind', 'tasks']);
    expect(result.code).toBe(0);
    expect(result.text).toMatch(/đã gửi 1: 1 nhận/);
    const rows = await readBack(out);
    expect(rows[0]!['Trừ điểm']).toBe('Nguyên nhân khách quan đã xác nhận: không trừ');
    expect(rows.map((r) => r['Điểm kết quả tính từ nhiệm vụ'])).toEqual([53.7, 53.7, 53.7]);
    expect(rows.map((r) => r['Xếp loại tháng'])).toEqual(Array(3).fill('Hoàn thành nhiệm vụ'));
  });
});
