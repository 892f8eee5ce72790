import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../addin/sheet/index.ts';
import { plainValue, readXlsx } from '../../addin/workbook/file.ts';
import type { ChildService } from '../support/child-service.ts';
import { startPaneHarness, type PaneHarness } from '../support/pane-harness.ts';

const HEADER = ['STT', 'Mã CB', 'Họ và tên', 'Đơn vị', 'Nhóm', 'Điểm đánh giá', 'Xếp loại'];

async function file(sheet: string, rows: CellValue[][]): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  [HEADER, ...rows].forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v)));
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { name: `${sheet}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer };
}

/** Waits for the action to end and returns the status line and its tone. */
async function statusAfter(page: Page, click: string): Promise<{ tone: string; text: string }> {
  await page.evaluate(() => (document.querySelector('#status')!.textContent = ''));
  await page.click(click);
  await page.waitForFunction(() => !['', 'Đang xử lý…'].includes(document.querySelector('#status')!.textContent!));
  return { tone: (await page.getAttribute('#status', 'class'))!, text: (await page.textContent('#status'))! };
}

describe('what the pane says about a sync, in headless Chromium', () => {
  let harness: PaneHarness;
  let service: ChildService;
  beforeAll(async () => {
    harness = await startPaneHarness();
    service = harness.service;
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function connected(): Promise<{ page: Page; errors: string[] }> {
    const opened = await harness.openPane({ width: 380, height: 1000 });
    await opened.page.fill('#token', service.token);
    await opened.page.click('#connect-form button[type=submit]');
    await opened.page.waitForSelector('#connected:not([hidden])');
    return opened;
  }

  it('gives a hint before a file is picked, and names an address it cannot reach without speaking of changes', async () => {
    const { page, errors } = await harness.openPane({ width: 380, height: 800 });
    expect(await statusAfter(page, '#check')).toEqual({ tone: 'info', text: 'Hãy chọn một tệp Excel trước.' });
    await page.fill('#server', 'http://127.0.0.1:9');
    await page.fill('#token', service.token);
    const wrong = await statusAfter(page, '#connect-form button[type=submit]');
    expect(wrong.tone).toBe('error');
    expect(wrong.text).toContain('Không kết nối được máy chủ http://127.0.0.1:9');
    expect(wrong.text).not.toContain('thay đổi');
    expect(errors).toEqual([]);
  });

  it('keeps levels the council typed until the user confirms, listing each with its person and the quota', async () => {
    const { page, errors } = await connected();
    const people: CellValue[][] = [
      [1, 'GV01', 'Lò Văn Long', 'Khoa Lý luận cơ sở', 'Giảng viên', 95, 'HTXS'],
      [2, 'GV02', 'Cầm Thị Hương', 'Khoa Lý luận cơ sở', 'Giảng viên', 94, 'HTXS'],
      [3, 'GV03', 'Vì Đức Hùng', 'Khoa Xây dựng Đảng', 'Giảng viên', 93, 'HTXS'],
      [4, 'GV04', 'Hà Thu Trang', 'Khoa Xây dựng Đảng', 'Giảng viên', 80, null],
    ];
    await page.setInputFiles('#file', await file('T03-2022', people));
    await page.waitForFunction(() => (document.querySelector('#sheet') as HTMLSelectElement).options.length > 0);
    const checked = await statusAfter(page, '#check');
    // Nothing stored yet to compare with: each typed cell is named, amber, and will be asked about.
    expect(checked).toEqual({ tone: 'warning', text: 'Đã kiểm tra 4 dòng: 0 lỗi, 3 cảnh báo.' });
    expect(await page.$$eval('#problem-list li.warning', (li) => li.length)).toBe(3);

    const synced = await statusAfter(page, '#sync');
    expect(synced.tone).toBe('warning');
    expect(synced.text).toBe(
      'Đã đồng bộ tháng 03/2022: 4 dòng mới/sửa, 0 không đổi, 0 lỗi, 0 xung đột. 3 ô do người dùng ghi ở cột tính toán được giữ nguyên.',
    );
    expect(await page.isVisible('#typed-confirm')).toBe(true);
    expect(await page.textContent('#overwrite-typed')).toBe('Ghi đè 3 ô bằng kết quả tính');
    const listed = await page.$$eval('#problem-list li.warning', (li) => li.map((l) => l.textContent));
    expect(listed).toHaveLength(3);
    expect(listed[0]).toBe(
      'G2Hội đồng ghi HTXS cho Lò Văn Long, tính được HTT — nhóm Giảng viên chỉ được 0 HTXS trên 4 người; ' +
        'muốn xếp HTXS, Hội đồng dùng "Xét HTXS" (trong số suất của nhóm) rồi bấm Làm mới',
    );
    // The glance: the group has no HTXS place at 4 people.
    expect(await page.textContent('#glance .groups li')).toBe('Nhóm Giảng viên: 0/0 HTXS (tỷ lệ trên 4 người HTT trở lên), 4 người');
    const kept = await download(page);
    expect([2, 3, 4, 5].map((r) => kept.getCell(r, 7).value)).toEqual(['HTXS', 'HTXS', 'HTXS', 'Hoàn thành tốt nhiệm vụ']);

    const over = await statusAfter(page, '#overwrite-typed');
    expect(over.text).toMatch(/^Đã ghi đè 3 ô bằng kết quả tính\. /);
    expect(await page.isVisible('#typed-confirm')).toBe(false);
    const written = await download(page);
    expect([2, 3, 4, 5].map((r) => written.getCell(r, 7).value)).toEqual(Array(4).fill('Hoàn thành tốt nhiệm vụ'));
    expect(errors).toEqual([]);
  });

  it('offers "Giữ giá trị của tôi" on a conflict, which sends the value over the stored one at once', async () => {
    const stored = await fetch(`${service.url}/api/v1/months/2022-04/people`, {
      method: 'POST',
      headers: { authorization: `Bearer ${service.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ rows: [{ code: 'GV11', name: 'Lò Văn Sơn', unit: 'Khoa Lý luận cơ sở', dutyGroup: 'Giảng viên', score: 91 }] }),
    });
    expect(stored.status).toBe(200);
    const { page, errors } = await connected();
    await page.setInputFiles('#file', await file('T04-2022', [[1, 'GV11', 'Lò Văn Sơn', 'Khoa Lý luận cơ sở', 'Giảng viên', 88, null]]));
    await page.waitForFunction(() => (document.querySelector('#sheet') as HTMLSelectElement).options.length > 0);
    const conflict = await statusAfter(page, '#sync');
    expect(conflict.tone).toBe('error');
    expect(conflict.text).toContain('1 xung đột');
    expect(await page.textContent('#problem-list li.error')).toContain('Điểm đánh giá đã lưu 91, bạn nhập 88');
    expect(await page.textContent('#problem-list li.error strong')).toBe('Lò Văn Sơn: ');

    const keptMine = await statusAfter(page, '#problem-list button.keep');
    expect(keptMine).toEqual({ tone: 'ok', text: 'Đã đồng bộ tháng 04/2022: 1 dòng mới/sửa, 0 không đổi, 0 lỗi, 0 xung đột.' });
    const month = await fetch(`${service.url}/api/v1/months/2022-04/people`, { headers: { authorization: `Bearer ${service.token}` } });
    expect(((await month.json()) as { rows: { code: string; score: number }[] }).rows).toEqual([expect.objectContaining({ code: 'GV11', score: 88 })]);
    expect(errors).toEqual([]);
  });
});

async function download(page: Page): Promise<ExcelJS.Worksheet> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  const wb = await readXlsx(readFileSync((await file.path())!));
  const ws = wb.worksheets.find((w) => w.state === 'visible')!;
  // Read through the same plain values the engine sees.
  for (let r = 1; r <= ws.rowCount; r++) for (let c = 1; c <= ws.columnCount; c++) ws.getCell(r, c).value = plainValue(ws.getCell(r, c).value) as ExcelJS.CellValue;
  return ws;
}
