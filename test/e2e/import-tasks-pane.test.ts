import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainValue, readXlsx } from '../../addin/workbook/file.ts';
import { startPaneHarness, type PaneHarness } from '../support/pane-harness.ts';

describe('Nhập nhiệm vụ and Phiếu đánh giá in the task pane (file mode, headless Chromium)', () => {
  let harness: PaneHarness;
  const dir = mkdtempSync(join(tmpdir(), 'binhxet-pane-import-'));
  beforeAll(async () => {
    harness = await startPaneHarness();
    const res = await fetch(`${harness.service.url}/api/v1/months/2026-10/people`, {
      method: 'POST',
      headers: { authorization: `Bearer ${harness.service.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        rows: [
          { code: 'CB010', name: 'Nguyễn Văn Mười', unit: 'Phòng Đào tạo', general: 27 },
          { code: 'CB011', name: 'Trần Thị Mười Một', unit: 'Phòng Đào tạo', general: 28 },
        ],
      }),
    });
    expect(res.status).toBe(200);
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function workbookFile(): Promise<string> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('T10-2026').addRow(['Mã CB', 'Họ và tên', 'Đơn vị', 'Điểm tiêu chí chung']);
    const path = join(dir, 'so-T10.xlsx');
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    return path;
  }

  function exportCsv(): string {
    const lines = [
      'Số, ký hiệu;Trích yếu;Người xử lý chính;Đơn vị xử lý;Hạn xử lý;Ngày hoàn thành;Trạng thái',
      '125/TTr-ĐT;"Tờ trình mở lớp; đợt 2";Nguyễn Văn Mười;Phòng Đào tạo;20/10/2026;18/10/2026;Hoàn thành',
      '90/CV-ĐT;Công văn trả lời Sở;Trần Thị Mười Một;Phòng Đào tạo;28/10/2026;;Đang xử lý',
      '91/CV-ĐT;Công văn gửi huyện;Lê Văn Lạ;Phòng Đào tạo;29/10/2026;;Đang xử lý',
    ];
    const path = join(dir, 'xuat.csv');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n'), 'utf8')]));
    return path;
  }

  it('asks for the month first, then imports the export into "Nhiệm vụ T10-2026", lists the handler not found, and syncs the sheet', async () => {
    const { page, errors } = await harness.openPane({ width: 380, height: 900 });
    await page.fill('#token', harness.service.token);
    await page.click('#connect-form button[type=submit]');
    await page.waitForSelector('#connected:not([hidden])');
    await page.setInputFiles('#file', await workbookFile());
    await page.waitForFunction(() => (document.querySelector('#sheet') as HTMLSelectElement).options.length > 0);
    expect(await page.textContent('#import-tasks')).toBe('Nhập nhiệm vụ');

    // Without a month the picker does not open and the pane says why.
    await page.click('#import-tasks');
    await page.waitForFunction(() => document.querySelector('#status')!.className === 'error');
    expect(await page.textContent('#status')).toContain('Hãy ghi tháng (YYYY-MM)');

    await page.fill('#period', '2026-10');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#import-tasks')]);
    await chooser.setFiles(exportCsv());
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.startsWith('Đã nhập'));
    expect(await page.textContent('#status')).toBe(
      'Đã nhập 2 nhiệm vụ mới vào "Nhiệm vụ T10-2026"; 0 nhiệm vụ đã có được giữ nguyên. 1 dòng của tệp xuất không nhập được (xem danh sách Vấn đề).',
    );
    expect(await page.getAttribute('#status', 'class')).toBe('warning');
    expect(await page.textContent('#problem-list')).toContain('không tìm thấy cán bộ "Lê Văn Lạ"');
    expect(await page.inputValue('#sheet')).toBe('Nhiệm vụ T10-2026');
    expect(await page.inputValue('#kind')).toBe('tasks');

    // The same export again adds nothing.
    const [again] = await Promise.all([page.waitForEvent('filechooser'), page.click('#import-tasks')]);
    await again.setFiles(exportCsv());
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.includes('2 nhiệm vụ đã có'));

    // The imported sheet syncs as the tasks kind.
    await page.click('#sync');
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.startsWith('Đã đồng bộ'));
    expect(await page.textContent('#status')).toContain('2 dòng mới/sửa');

    // Phiếu đánh giá of one person, from the same pane.
    await page.fill('#phieu-code', 'CB010');
    await page.click('#phieu');
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.startsWith('Đã ghi'));
    expect(await page.textContent('#status')).toBe('Đã ghi 1 phiếu theo dõi, đánh giá (khổ A4), từ trang "Phiếu T10-2026 CB010".');

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const book = await readXlsx(readFileSync((await download.path())!));
    expect(plainValue(book.getWorksheet('Phiếu T10-2026 CB010')!.getCell('B4').value)).toBe('Họ và tên: Nguyễn Văn Mười (CB010)');
    const ws = book.getWorksheet('Nhiệm vụ T10-2026')!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1, 6).map(plainValue)));
    expect(rows).toEqual([
      ['Mã CB', 'Họ và tên', 'Đơn vị', 'Mã nhiệm vụ', 'Tên nhiệm vụ/sản phẩm'],
      ['CB010', 'Nguyễn Văn Mười', 'Phòng Đào tạo', '125/TTr-ĐT', 'Tờ trình mở lớp; đợt 2'],
      ['CB011', 'Trần Thị Mười Một', 'Phòng Đào tạo', '90/CV-ĐT', 'Công văn trả lời Sở'],
    ]);
    expect(errors).toEqual([]);
  });
});
