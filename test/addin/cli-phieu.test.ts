import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../addin/cli.ts';
import { FORM_WIDTHS } from '../../addin/report/assessment-form.ts';
import { plainValue, readXlsx } from '../../addin/workbook/file.ts';
import { capture } from '../support/capture.ts';
import { testDatabases } from '../support/databases.ts';
import { startHttpService } from '../support/http-service.ts';

describe.each(testDatabases())('npm run sheet -- phieu on $name', (database) => {
  let s: Awaited<ReturnType<typeof startHttpService>>;
  const dir = mkdtempSync(join(tmpdir(), 'binhxet-phieu-'));
  beforeAll(async () => {
    s = await startHttpService(await database.open());
    await s.call('POST', '/api/v1/months/2026-10/people', {
      body: {
        rows: [
          { code: 'CB010', name: 'Nguyễn Văn Mười', unit: 'Phòng Đào tạo', title: 'Chuyên viên', general: 27, selfScore: 90, headScore: 80 },
          { code: 'CB011', name: 'Trần Thị Mười Một', unit: 'Phòng Đào tạo', score: 85 },
        ],
      },
    });
    // The worked example of research §3.3: CB010 is KHT through the gates.
    await s.call('POST', '/api/v1/months/2026-10/tasks', {
      body: {
        rows: [
          { code: 'CB010', taskRef: 'T1', taskName: 'Báo cáo tổng kết', k: 1, g: 2, h: 2, qFails: 0, dFails: 1, dueOn: '2026-10-20' },
          { code: 'CB010', taskRef: 'T2', taskName: 'Đề án tuyển sinh', k: 2, g: 1, h: 1, qFails: 1, dFails: 0 },
          { code: 'CB010', taskRef: 'T3', taskName: 'Quy chế chi tiêu', k: 1, g: 1, h: 0 },
        ],
      },
    });
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

  it('writes one A4 sheet for the person: header fields, general criteria, the task table, total, level and signatures', async () => {
    const out = join(dir, 'phieu.xlsx');
    const res = await run(['phieu', '2026-10', '--code', 'CB010', '--out', out]);
    expect(res).toEqual({ code: 0, text: `Đã ghi 1 phiếu theo dõi, đánh giá vào ${out}: Phiếu T10-2026 CB010\n` });
    const wb = await readXlsx(readFileSync(out));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Phiếu T10-2026 CB010']);
    const ws = wb.getWorksheet('Phiếu T10-2026 CB010')!;
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
    expect(ws.columns.map((c) => c.width)).toEqual(FORM_WIDTHS);
    const lines: unknown[][] = [];
    ws.eachRow((row) => lines.push((row.values as ExcelJS.CellValue[]).slice(1).map(plainValue)));
    const text = lines.map((l) => l.filter((v) => v !== null && v !== undefined && v !== '').join(' | '));
    expect(text.slice(0, 6)).toEqual([
      'PHIẾU THEO DÕI, ĐÁNH GIÁ',
      'Kỳ theo dõi, đánh giá: tháng 10/2026',
      'Họ và tên: Nguyễn Văn Mười (CB010)',
      'Chức vụ, chức danh: Chuyên viên',
      'Đơn vị công tác: Phòng Đào tạo',
      'I. KẾT QUẢ THEO DÕI, ĐÁNH GIÁ THEO TIÊU CHÍ CHUNG',
    ]);
    expect(text).toContain('TT | Tiêu chí chấm điểm | Điểm tối đa | Điểm do cá nhân tự chấm | Điểm người quản lý trực tiếp | Điểm cấp có thẩm quyền');
    expect(text).toContain('1 | Phẩm chất chính trị, đạo đức, văn hóa thực thi công vụ | 5');
    expect(text).toContain('III | Đổi mới, sáng tạo, dám nghĩ, dám làm, dám chịu trách nhiệm | 10');
    expect(text).toContain('Cộng tiêu chí chung | 30 | 27');
    expect(text).toContain('1 | T1 — Báo cáo tổng kết | 1 | 2/2 | 20/10/2026 | 0/1 | 2/2');
    expect(text).toContain('3 | T3 — Quy chế chi tiêu | 1 | 0/1 | 0/0 | 0/1');
    expect(text).toContain('Số lượng 80%; chất lượng 70%; tiến độ 70%');
    expect(text).toContain('Điểm kết quả thực hiện nhiệm vụ | 51.3');
    expect(text).toContain('Điểm do cá nhân tự chấm | 90');
    expect(text).toContain('Điểm người quản lý trực tiếp (trưởng đơn vị) | 80');
    expect(text).toContain('Tổng điểm đánh giá | 78.3');
    expect(text).toContain('Xếp loại: Không hoàn thành nhiệm vụ');
    expect(text.slice(-2)).toEqual(['NGƯỜI ĐƯỢC ĐÁNH GIÁ | CẤP CÓ THẨM QUYỀN', '(Ký, ghi rõ họ tên) | (Ký, ghi rõ họ tên)']);
  });

  it('writes everyone’s when no --code is given, and refuses an unknown code with exit code 2', async () => {
    const out = join(dir, 'phieu-ca-thang.xlsx');
    expect(await run(['phieu', '2026-10', '--out', out])).toMatchObject({ code: 0, text: expect.stringContaining('Đã ghi 2 phiếu') });
    expect((await readXlsx(readFileSync(out))).worksheets.map((w) => w.name)).toEqual(['Phiếu T10-2026 CB010', 'Phiếu T10-2026 CB011']);
    expect(await run(['phieu', '2026-10', '--code', 'CB999', '--out', out])).toEqual({ code: 2, text: 'Lỗi: Tháng 2026-10 không có cán bộ mã CB999\n' });
  });
});
