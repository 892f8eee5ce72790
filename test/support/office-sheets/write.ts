import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import type { FakeWorkbook } from '../../addin/workbook/fake-excel.ts';
import type { SheetLayout } from './layouts.ts';

/** The layouts as files and as the fake Excel's sheets. */

export async function layoutXlsx(sheets: readonly SheetLayout[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const layout of sheets) {
    const ws = wb.addWorksheet(layout.name);
    layout.values.forEach((line, r) => line.forEach((v, c) => {
      if (v !== null) ws.getCell(r + 1, c + 1).value = v;
    }));
    for (const r of layout.bold) ws.getRow(r).font = { bold: true, name: 'Times New Roman', size: 12 };
    for (const area of layout.merges) ws.mergeCells(area);
    const headerRow = layout.bold[0];
    if (headerRow) {
      ws.getRow(headerRow).eachCell((cell) => {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
        cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
        cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
      });
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Whether LibreOffice is installed (CI installs it; a machine without it says so where a test is skipped). */
export async function hasSoffice(): Promise<boolean> {
  try {
    await promisify(execFile)('soffice', ['--version'], { timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

/** An Excel 97–2003 file of the workbook, written by LibreOffice as an office would have it. */
export async function layoutXls(xlsx: Uint8Array): Promise<Uint8Array> {
  const work = await mkdtemp(join(tmpdir(), 'binhxet-layout-xls-'));
  try {
    await writeFile(join(work, 'book.xlsx'), xlsx);
    await promisify(execFile)('soffice', [
      `-env:UserInstallation=file://${join(work, 'profile')}`,
      '--headless', '--norestore', '--convert-to', 'xls', '--outdir', work, join(work, 'book.xlsx'),
    ], { timeout: 120_000 });
    return new Uint8Array(await readFile(join(work, 'book.xls')));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** The layout typed into the fake Excel, merges included. */
export function layoutIntoFake(book: FakeWorkbook, layout: SheetLayout): void {
  book.put(layout.name, 'A1', layout.values.map((line) => [...line]));
  for (const area of layout.merges) book.merge(layout.name, area);
}
