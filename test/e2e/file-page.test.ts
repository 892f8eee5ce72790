import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainValue, readXlsx } from '../../addin/workbook/file.ts';
import type { ChildService } from '../support/child-service.ts';
import { startPaneHarness, type PaneHarness } from '../support/pane-harness.ts';
import { FIXTURE_EXPECTED, FIXTURE_XLSX } from '../support/fixture.ts';

describe('the task pane as a plain web page (file mode) in headless Chromium', () => {
  let harness: PaneHarness;
  let service: ChildService;
  beforeAll(async () => {
    harness = await startPaneHarness();
    service = harness.service;
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('loads from the service, syncs the uploaded fixture and downloads it with the expected results', async () => {
    const { page, errors } = await harness.openPane({ width: 380, height: 800 });
    expect(await page.textContent('#sync')).toBe('Đồng bộ');
    expect(await page.inputValue('#server')).toBe(service.url);
    await page.fill('#token', 'wrong-key-000000000');
    await page.click('#connect-form button[type=submit]');
    await page.waitForSelector('#status.error');
    expect(await page.textContent('#status')).toContain('Khóa truy cập không hợp lệ');

    await page.fill('#token', service.token);
    await page.click('#connect-form button[type=submit]');
    await page.waitForSelector('#connected:not([hidden])');
    await page.setInputFiles('#file', FIXTURE_XLSX.pathname);
    await page.waitForFunction(() => (document.querySelector('#sheet') as HTMLSelectElement).options.length > 0);
    await page.click('#check');
    await page.waitForFunction(() => document.querySelector('#status')!.className !== 'info');
    // The fixture's one person without a score is a warning: amber, not green.
    expect(await page.getAttribute('#status', 'class')).toBe('warning');
    expect(await page.textContent('#status')).toContain('Đã kiểm tra 50 dòng: 0 lỗi, 1 cảnh báo');
    expect(await page.textContent('#problem-list li.warning')).toContain('chưa có điểm đánh giá');
    await page.click('#sync');
    await page.waitForFunction(() => document.querySelector('#status')!.className !== 'info');
    expect(await page.textContent('#status')).toBe('Đã đồng bộ tháng 10/2021: 50 dòng mới/sửa, 0 không đổi, 0 lỗi, 0 xung đột.');
    // The month at a glance: one bar per level, the counts adding up to the month.
    const bars = await page.$$eval('#glance .bar-row', (rows) => rows.map((r) => [(r as HTMLElement).dataset.level, Number(r.querySelector('.bar-count')!.textContent)]));
    const levels = Object.values(FIXTURE_EXPECTED.rows).map((r) => r.level);
    for (const [level, n] of bars) expect(n).toBe(levels.filter((l) => l === level).length);
    expect(bars.reduce((sum, [, n]) => sum + Number(n), 0)).toBe(levels.length);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const wb = await readXlsx(readFileSync((await download.path())!));
    const ws = wb.getWorksheet('T10-2021')!;
    const header = ws.getRow(5).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    for (let r = 6; r <= 55; r++) {
      const code = String(plainValue(ws.getCell(r, col('Mã CB')).value));
      const want = FIXTURE_EXPECTED.rows[code]!;
      expect([code, plainValue(ws.getCell(r, col('Xếp loại')).value), plainValue(ws.getCell(r, col('Hạng toàn trường')).value)]).toEqual([
        code,
        want.label,
        want.rankInOrg,
      ]);
    }
    expect(wb.worksheets.map((w) => w.name)).toContain('T10-2021');
    expect(errors).toEqual([]);
  });
});
