import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainValue, readXlsx } from '../../addin/workbook/file.ts';
import type { ChildService } from '../support/child-service.ts';
import { startPaneHarness, type PaneHarness } from '../support/pane-harness.ts';
import { FIXTURE_XLSX } from '../support/fixture.ts';

const SHEET = 'Tổng hợp T10-2021';

async function settled(page: Page): Promise<string> {
  await page.waitForFunction(() => document.querySelector('#status')!.className !== 'info');
  return (await page.textContent('#status')) ?? '';
}

describe('the council section of the task pane (file mode, headless Chromium)', () => {
  let harness: PaneHarness;
  let service: ChildService;
  beforeAll(async () => {
    harness = await startPaneHarness();
    service = harness.service;
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('lets an admin write the month summary with its chart, award a tie, finalise, and download it all', async () => {
    const { page, errors } = await harness.openPane({ width: 380, height: 900 });
    expect(await page.isHidden('#council')).toBe(true);

    await page.fill('#token', service.token);
    await page.click('#connect-form button[type=submit]');
    await page.waitForSelector('#council:not([hidden])');
    expect(await page.textContent('#council-summary')).toBe('Tổng hợp tháng');
    expect(await page.$$eval('#kind option', (os) => os.map((o) => `${(o as HTMLOptionElement).value}:${o.textContent}`))).toEqual([
      'person:Cán bộ',
      'unit:Khoa, phòng',
      'year:Năm (xếp loại năm)',
      'initiative:Sáng kiến, đề tài',
      'student:Học viên',
      'tasks:Nhiệm vụ (NĐ 335)',
      'movement:Phong trào, cuộc vận động',
      'contribution:Đóng góp phong trào',
      'registration:Đăng ký thi đua (năm)',
      'pledge:Giao ước thi đua (năm)',
      'vote:Kết quả bình xét của Hội đồng (năm)',
      'decision:Quyết định khen thưởng (năm)',
    ]);
    await page.setInputFiles('#file', FIXTURE_XLSX.pathname);
    await page.waitForFunction(() => (document.querySelector('#sheet') as HTMLSelectElement).options.length > 0);
    await page.click('#sync');
    expect(await settled(page)).toContain('Đã đồng bộ tháng 10/2021: 50 dòng mới/sửa');

    await page.click('#council-summary');
    expect(await settled(page)).toMatch(new RegExp(`^Đã ghi trang "${SHEET}": 50 cán bộ, [1-9]\\d* nhóm đồng điểm chờ xét\\.$`));
    expect(await page.textContent('#council-state')).toBe('Tháng 10/2021: chưa chốt, tỷ lệ HTXS 20%, 50 cán bộ.');
    expect(await page.inputValue('#sheet')).toBe('T10-2021');

    // A tie run: an award needs a reason typed in the pane, then goes to the service.
    const run = page.locator('fieldset.tie').first();
    const legend = (await run.locator('legend').textContent()) ?? '';
    expect(legend).toMatch(/^Nhóm .+: còn [1-9]\d*\/\d+ suất HTXS$/);
    await run.locator('input[type=checkbox]').first().check();
    await run.locator('button.award').click();
    expect(await settled(page)).toBe('Cần ghi lý do (ít nhất 3 ký tự)');
    await run.locator('input.tie-reason').fill('Có sáng kiến được công nhận');
    await run.locator('button.award').click();
    expect(await settled(page)).toMatch(/^Đã xét HTXS cho 1 người \(nhóm .+\)\./);

    await page.click('#finalise');
    expect(await settled(page)).toBe('Cần ghi lý do (ít nhất 3 ký tự)');
    await page.fill('#decision-reason', 'Hội đồng họp ngày 5/11/2021');
    await page.click('#finalise');
    expect(await settled(page)).toBe('Đã chốt tháng 10/2021.');
    expect(await page.textContent('#council-state')).toContain('đã chốt');
    await page.click('#council-summary');
    expect(await settled(page)).toContain(`Đã ghi trang "${SHEET}"`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const bytes = readFileSync((await download.path())!);
    const wb = await readXlsx(bytes);
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual(['T10-2021', SHEET]);
    const ws = wb.getWorksheet(SHEET)!;
    expect(plainValue(ws.getCell('B2').value)).toBe('Đã chốt');
    const decisions: unknown[] = [];
    ws.eachRow((row) => decisions.push(plainValue(row.getCell(2).value)));
    expect(decisions).toEqual(expect.arrayContaining(['Xét HTXS trong tỷ lệ', 'Chốt tháng']));
    const zip = await JSZip.loadAsync(bytes);
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(charts).toEqual(['xl/charts/chart1.xml']);
    expect(await zip.file(charts[0]!)!.async('string')).toContain(`'${SHEET}'!$A$`);

    // Year end, from the same section: the year of the month found by the last sync, or the year typed in the box.
    await page.click('#year-results');
    expect(await settled(page)).toMatch(/^Đã ghi trang "Xếp loại năm 2021": 50 cán bộ, 0 khoa, phòng; \d+ người đồng điểm chờ Hội đồng\.$/);
    await page.fill('#period', 'năm ngoái');
    await page.click('#year-proposals');
    expect(await settled(page)).toBe('Hãy ghi năm (YYYY, ví dụ 2021) vào ô Tháng / Năm / Lớp.');
    await page.fill('#period', '2021');
    await page.click('#year-proposals');
    expect(await settled(page)).toMatch(/^Đã ghi trang "Đề nghị khen thưởng 2021" và 0 trang khen thưởng học viên; tiền thưởng dự kiến [\d.]+ đồng\.$/);
    expect(await page.inputValue('#sheet')).toBe('T10-2021');
    const [yearDownload] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const yearBytes = readFileSync((await yearDownload.path())!);
    const yearBook = await readXlsx(yearBytes);
    expect(yearBook.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      'T10-2021',
      SHEET,
      'Xếp loại năm 2021',
      'Đề nghị khen thưởng 2021',
    ]);
    const yearZip = await JSZip.loadAsync(yearBytes);
    expect(Object.keys(yearZip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(3);

    // The year-end figures (DOC-7) and the drives' totals (none registered: no drive chart). Of the month's 50
    // rows one is Không xếp loại, which is no rating.
    await page.click('#year-statistics');
    expect(await settled(page)).toBe('Đã ghi trang "Tổng hợp thi đua 2021" và "Tổng hợp phong trào 2021": 49 lượt cá nhân, 0 lượt khoa, phòng, 0 học viên được khen thưởng.');
    const [statsDownload] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const statsBook = await readXlsx(readFileSync((await statsDownload.path())!));
    expect(statsBook.worksheets.filter((w) => w.state === 'visible').map((w) => w.name).slice(-2)).toEqual(['Tổng hợp thi đua 2021', 'Tổng hợp phong trào 2021']);
    // The year's paper from the same section: the proposal list, the decision's annex (no decision stored yet), the tables.
    await page.click('#year-dossier');
    expect(await settled(page)).toMatch(/^Đã ghi 5 trang hồ sơ: danh sách đề nghị \d+ suất, danh sách kèm quyết định 0 dòng \(0 đồng\), bảng thành tích\.$/);
    const [dossierDownload] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const dossierBook = await readXlsx(readFileSync((await dossierDownload.path())!));
    expect(dossierBook.worksheets.filter((w) => w.state === 'visible').map((w) => w.name)).toEqual([
      'T10-2021',
      SHEET,
      'Xếp loại năm 2021',
      'Đề nghị khen thưởng 2021',
      'Tổng hợp thi đua 2021',
      'Tổng hợp phong trào 2021',
      'DS đề nghị khen thưởng 2021',
      'DS kèm theo Quyết định 2021',
      'Bảng thành tích 2021',
      'Sổ khen thưởng 2021',
    ]);
    expect(plainValue(dossierBook.getWorksheet('DS đề nghị khen thưởng 2021')!.getCell('A2').value)).toBe(
      'DANH SÁCH ĐỀ NGHỊ XÉT TẶNG DANH HIỆU THI ĐUA, HÌNH THỨC KHEN THƯỞNG NĂM 2021',
    );

    await page.click('#language');
    expect(await page.textContent('#council-summary')).toBe('Month summary');
    expect(await page.textContent('#year-proposals')).toBe('Title proposals');
    expect(await page.textContent('#year-dossier')).toBe('Award dossier');
    expect(await page.textContent('#council-state')).toContain('finalised');
    expect(errors).toEqual([]);
  });
});
