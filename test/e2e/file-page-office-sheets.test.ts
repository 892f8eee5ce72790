import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainValue, readXlsx } from '../../addin/workbook/file.ts';
import { layoutPeople, mergedUnitSheet, renamedCsv, sectionSheet } from '../support/office-sheets/layouts.ts';
import { hasSoffice, layoutXls, layoutXlsx } from '../support/office-sheets/write.ts';
import { startPaneHarness, type PaneHarness } from '../support/pane-harness.ts';

const people = layoutPeople(32);
const soffice = await hasSoffice();
if (!soffice) console.warn('LibreOffice (soffice) is not installed: the .xls case of the file page is skipped here (CI installs it).');

describe('the file page on office sheets, in headless Chromium', () => {
  let harness: PaneHarness;
  let page: Page;
  let errors: string[];
  const dir = mkdtempSync(join(tmpdir(), 'binhxet-page-office-'));
  beforeAll(async () => {
    harness = await startPaneHarness();
    ({ page, errors } = await harness.openPane({ width: 380, height: 800 }));
    await page.fill('#token', harness.service.token);
    await page.click('#connect-form button[type=submit]');
    await page.waitForSelector('#connected:not([hidden])');
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function open(name: string, bytes: Uint8Array): Promise<void> {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    await page.evaluate(() => {
      document.querySelector('#status')!.className = '';
    });
    await page.setInputFiles('#file', path);
  }

  /** The month as the service stored it (the status wording belongs to the pane; the rows are the proof). */
  async function monthRows(period: string): Promise<{ unit: string }[]> {
    const answer = await fetch(`${harness.service.url}/api/v1/months/${period}/people`, {
      headers: { authorization: `Bearer ${harness.service.token}` },
    });
    return ((await answer.json()) as { rows: { unit: string }[] }).rows;
  }

  async function settled(): Promise<string> {
    await page.waitForFunction(() => ['ok', 'error'].includes(document.querySelector('#status')!.className));
    return (await page.textContent('#status')) ?? '';
  }

  async function syncAndDownload(file: string): Promise<{ name: string; bytes: Buffer }> {
    await page.waitForFunction(() => (document.querySelector('#sheet') as HTMLSelectElement).options.length > 0);
    await page.evaluate(() => {
      document.querySelector('#status')!.className = 'info';
    });
    await page.click('#sync');
    await page.waitForFunction(() => document.querySelector('#status')!.className !== 'info');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(download.suggestedFilename()).toBe(file.replace(/\.xlsx$/, '-ket-qua.xlsx'));
    return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
  }

  it('syncs a sheet whose units are merged down over their rows: 32 of 32 sent', async () => {
    await open('merged.xlsx', await layoutXlsx([mergedUnitSheet(people, 'T03-2023')]));
    const { bytes } = await syncAndDownload('merged.xlsx');
    expect(await monthRows('2023-03')).toHaveLength(32);
    const ws = (await readXlsx(bytes)).getWorksheet('T03-2023')!;
    const levels = Array.from({ length: 32 }, (_, i) => plainValue(ws.getCell(6 + i, 9).value));
    expect(levels.every((v) => typeof v === 'string' && v !== '')).toBe(true);
  });

  it('syncs a sheet whose units are heading rows, and leaves the headings without results', async () => {
    await open('sections.xlsx', await layoutXlsx([sectionSheet(people, 'with-footer', 'T04-2023')]));
    const { bytes } = await syncAndDownload('sections.xlsx');
    expect(new Set((await monthRows('2023-04')).map((r) => r.unit.toLowerCase())).size).toBe(4);
    expect(await monthRows('2023-04')).toHaveLength(32);
    const ws = (await readXlsx(bytes)).getWorksheet('T04-2023')!;
    expect(plainValue(ws.getCell('A6').value)).toBe('I. BAN GIÁM HIỆU');
    expect(plainValue(ws.getCell('H6').value)).toBeNull();
    expect(typeof plainValue(ws.getCell('H7').value)).toBe('string');
  });

  it('syncs the month picked in a workbook of two', async () => {
    await open('two-months.xlsx', await layoutXlsx([mergedUnitSheet(people, 'T06-2023'), sectionSheet(people.slice(0, 12), 'numbered-unmerged', 'T07-2023')]));
    await page.waitForFunction(() => (document.querySelector('#sheet') as HTMLSelectElement).options.length === 2);
    await page.selectOption('#sheet', 'T07-2023');
    await syncAndDownload('two-months.xlsx');
    expect(await monthRows('2023-07')).toHaveLength(12);
    expect(await monthRows('2023-06')).toHaveLength(0);
  });

  it('names a CSV saved as .xlsx and says what to do', async () => {
    await open('renamed.xlsx', renamedCsv(people));
    const status = await settled();
    expect(status).toContain('Tệp "renamed.xlsx" là tệp văn bản (CSV?), không phải .xlsx');
    expect(status).not.toMatch(/central directory|không mong đợi/i);
  });

  it.skipIf(!soffice)('asks for an Excel 97–2003 (.xls) file to be saved as .xlsx', async () => {
    await open('old.xls', await layoutXls(await layoutXlsx([mergedUnitSheet(people, 'T05-2023')])));
    const status = await settled();
    expect(status).toContain('Tệp "old.xls" là sổ Excel 97–2003 (.xls), không phải .xlsx; mở bằng Excel và chọn Lưu thành');
    expect(errors).toEqual([]);
  });
});
