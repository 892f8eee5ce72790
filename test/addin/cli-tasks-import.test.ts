import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../addin/cli.ts';
import { decodeCsv } from '../../addin/sheet/csv-text.ts';
import { readXlsx } from '../../addin/workbook/file.ts';
import { capture } from '../support/capture.ts';
import { testDatabases } from '../support/databases.ts';
import { startHttpService } from '../support/http-service.ts';

const EXPORT_HEADER = ['STT', 'Số, ký hiệu', 'Loại văn bản', 'Trích yếu', 'Người xử lý chính', 'Đơn vị xử lý', 'Hạn xử lý', 'Ngày hoàn thành', 'Trạng thái', 'Vai trò'];
const EXPORT_ROWS: (string | number | null)[][] = [
  [1, '125/TTr-ĐT', 'Tờ trình', 'Tờ trình mở lớp bồi dưỡng', 'Nguyễn Văn Mười', 'Phòng Đào tạo', '20/10/2026', '18/10/2026', 'Hoàn thành', 'Chủ trì'],
  [2, '88/BC-ĐT', 'Báo cáo', 'Báo cáo tuyển sinh quý III', 'nguyen van muoi', 'Phong Dao tao', '25/10/2026', '', 'Quá hạn', 'Chủ trì'],
  [3, '90/CV-ĐT', 'Công văn', 'Công văn trả lời Sở', 'Trần Thị Mười Một', 'Phòng Đào tạo', '28/10/2026 17:00', '', 'Đã xử lý', 'Phối hợp'],
  [4, '91/CV-ĐT', 'Công văn', 'Công văn gửi huyện', 'Lê Văn Lạ', 'Phòng Đào tạo', '29/10/2026', '', 'Đang xử lý', 'Chủ trì'],
  [5, '70/KH-ĐT', 'Kế hoạch', 'Kế hoạch tháng 11', 'Nguyễn Văn Mười', 'Phòng Đào tạo', '05/11/2026', '', 'Đang xử lý', 'Chủ trì'],
];

describe.each(testDatabases())('tasks-import of an e-office export on $name', (database) => {
  let s: Awaited<ReturnType<typeof startHttpService>>;
  const dir = mkdtempSync(join(tmpdir(), 'binhxet-tasks-import-'));
  const env = () => ({ BINHXET_URL: s.url, BINHXET_TOKEN: s.adminKey });
  beforeAll(async () => {
    s = await startHttpService(await database.open());
    const people = await s.call('POST', '/api/v1/months/2026-10/people', {
      body: {
        rows: [
          { code: 'CB010', name: 'Nguyễn Văn Mười', unit: 'Phòng Đào tạo', general: 27 },
          { code: 'CB011', name: 'Trần Thị Mười Một', unit: 'Phòng Đào tạo', general: 28 },
        ],
      },
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

  async function sheetRows(path: string): Promise<unknown[][]> {
    const wb = await readXlsx(readFileSync(path));
    const ws = wb.getWorksheet('Nhiệm vụ T10-2026')!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 11)));
    return rows;
  }

  it('imports the month\'s documents of known people with the catalogue\'s coefficients, reports the unknown handler, and adds nothing on re-import', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Văn bản đi');
    ws.addRow(['DANH SÁCH VĂN BẢN XỬ LÝ']);
    ws.addRow(EXPORT_HEADER);
    for (const r of EXPORT_ROWS) ws.addRow(r);
    const catalogue = wb.addWorksheet('Danh mục sản phẩm');
    catalogue.addRow(['Mã loại', 'Tên loại sản phẩm', 'Hệ số quy đổi']);
    catalogue.addRow(['TTr', 'Tờ trình', 1.5]);
    catalogue.addRow(['BC', 'Báo cáo', 2]);
    const input = join(dir, 'xuat.xlsx');
    writeFileSync(input, Buffer.from(await wb.xlsx.writeBuffer()));

    const out = join(dir, 'so.xlsx');
    const first = await run(['tasks-import', input, '--month', '2026-10', '--out', out]);
    expect(first.code).toBe(1);
    expect(first.text).toContain('Dòng 6: không tìm thấy cán bộ "Lê Văn Lạ" (Phòng Đào tạo) trong danh sách; không tạo người mới');
    expect(first.text).toContain('1 dòng thuộc tháng khác');
    expect(first.text).toContain('nhập 3 nhiệm vụ mới, 0 nhiệm vụ đã có');
    expect(await sheetRows(out)).toEqual([
      ['Mã CB', 'Họ và tên', 'Đơn vị', 'Mã nhiệm vụ', 'Tên nhiệm vụ/sản phẩm', 'Nguồn giao', 'Vai trò', 'Hệ số quy đổi', 'Số lượng giao', 'Số lượng hoàn thành'],
      ['CB010', 'Nguyễn Văn Mười', 'Phòng Đào tạo', '125/TTr-ĐT', 'Tờ trình mở lớp bồi dưỡng', 'Văn bản', 'Chủ trì', 1.5, 1, 1],
      ['CB010', 'Nguyễn Văn Mười', 'Phòng Đào tạo', '88/BC-ĐT', 'Báo cáo tuyển sinh quý III', 'Văn bản', 'Chủ trì', 2, 1, 0],
      ['CB011', 'Trần Thị Mười Một', 'Phòng Đào tạo', '90/CV-ĐT', 'Công văn trả lời Sở', 'Văn bản', 'Phối hợp', 1, 1, 1],
    ]);

    // A typed change survives a re-import of the same file, which adds no row.
    const typed = await readXlsx(readFileSync(out));
    typed.getWorksheet('Nhiệm vụ T10-2026')!.getCell('M2').value = 1;
    const edited = join(dir, 'so-sua.xlsx');
    writeFileSync(edited, Buffer.from(await typed.xlsx.writeBuffer()));
    const again = join(dir, 'so-2.xlsx');
    const second = await run(['tasks-import', input, '--month', '2026-10', '--in', edited, '--out', again]);
    expect(second.text).toContain('nhập 0 nhiệm vụ mới, 3 nhiệm vụ đã có được giữ nguyên');
    expect(await sheetRows(again)).toHaveLength(4);
    expect((await readXlsx(readFileSync(again))).getWorksheet('Nhiệm vụ T10-2026')!.getCell('M2').value).toBe(1);

    // The imported sheet syncs as the tasks kind: CB010's Quá hạn report counts nothing done.
    const synced = join(dir, 'so-dong-bo.xlsx');
    const sync = await run(['sync', again, '--out', synced, '--kind', 'tasks', '--sheet', 'Nhiệm vụ T10-2026']);
    expect(sync).toMatchObject({ code: 0, text: expect.stringContaining('3 nhận') });
    const tasks = await s.call('GET', '/api/v1/months/2026-10/tasks');
    const cb010 = tasks.body.people.find((p: { code: string }) => p.code === 'CB010');
    // A = 1.5 + 2, done 1.5, one failed check on it: QNT 42.86 %, QLT 32.14 %, PRG 42.86 %.
    expect(cb010).toMatchObject({ quantityPct: 42.86, qualityPct: 32.14, progressPct: 42.86 });
  });

  it('reads a CSV export in UTF-8 with a BOM and one in Windows-1258, separated by semicolons', async () => {
    const lines = [EXPORT_HEADER.join(';'), ...EXPORT_ROWS.slice(0, 1).map((r) => r.join(';'))].join('\r\n');
    const utf8 = join(dir, 'xuat.csv');
    writeFileSync(utf8, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines, 'utf8')]));
    const out = join(dir, 'csv.xlsx');
    expect(await run(['tasks-import', utf8, '--month', '2026-10', '--out', out])).toMatchObject({ code: 0 });
    expect((await sheetRows(out))[1]!.slice(0, 5)).toEqual(['CB010', 'Nguyễn Văn Mười', 'Phòng Đào tạo', '125/TTr-ĐT', 'Tờ trình mở lớp bồi dưỡng']);

    // Windows-1258 (bytes written by hand): ư ơ ê ă Đ precomposed, tones as combining marks after the vowel.
    const cp1258 = join(dir, 'xuat-1258.csv');
    const header = Buffer.from('So ky hieu;Trich yeu;Nguoi xu ly chinh;Don vi xu ly;Han xu ly\r\nA1;Thong bao;', 'latin1');
    const name = Buffer.from([
      ...Buffer.from('Nguy', 'latin1'), 0xea, 0xde, 0x6e, 0x20, 0x56, 0xe3, 0x6e, 0x20, 0x4d, 0xfd, 0xf5, 0xcc, 0x69, // Nguyễn Văn Mười
      0x3b, 0x50, 0x68, 0x6f, 0xcc, 0x6e, 0x67, 0x20, 0xd0, 0x61, 0xcc, 0x6f, 0x20, 0x74, 0x61, 0xf2, 0x6f, // ;Phòng Đào tạo
      ...Buffer.from(';10/10/2026', 'latin1'),
    ]);
    writeFileSync(cp1258, Buffer.concat([header, name]));
    expect(decodeCsv(readFileSync(cp1258)).normalize('NFC')).toContain('Nguyễn Văn Mười;Phòng Đào tạo');
    const out2 = join(dir, 'csv-1258.xlsx');
    const res = await run(['tasks-import', cp1258, '--month', '2026-10', '--out', out2]);
    expect(res).toMatchObject({ code: 0, text: expect.stringContaining('nhập 1 nhiệm vụ mới') });
    expect((await sheetRows(out2))[1]!.slice(0, 3)).toEqual(['CB010', 'Nguyễn Văn Mười', 'Phòng Đào tạo']);
  });

  it('refuses a missing or malformed --month with exit code 2', async () => {
    expect(await run(['tasks-import', 'x.csv', '--out', join(dir, 'x.xlsx')])).toMatchObject({ code: 2, text: expect.stringContaining('--month phải có dạng YYYY-MM') });
  });
});
