import { describe, expect, it } from 'vitest';
import { fileKind, fileKindMessage } from '../../../addin/workbook/file-kind.ts';
import { readXlsx } from '../../../addin/workbook/file.ts';
import { layoutPeople, mergedUnitSheet, renamedCsv } from '../../support/office-sheets/layouts.ts';
import { layoutXlsx } from '../../support/office-sheets/write.ts';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const utf16 = (text: string) => [...text].flatMap((ch) => [ch.charCodeAt(0), 0]);
/** An OLE compound file's header and a directory naming `streams` (what the magic-byte look reads). */
const oleWith = (...streams: string[]) => new Uint8Array([...OLE, ...new Array(504).fill(0), ...streams.flatMap(utf16)]);

describe('what a file given as a workbook really is', () => {
  it('tells .xlsx, .xls, a password-protected workbook, a renamed CSV, a PDF, another zip and an empty file apart', async () => {
    expect(fileKind(await layoutXlsx([mergedUnitSheet(layoutPeople(4))]))).toBe('xlsx');
    expect(fileKind(oleWith('Workbook', 'SummaryInformation'))).toBe('xls');
    expect(fileKind(oleWith('EncryptionInfo', 'EncryptedPackage'))).toBe('encrypted');
    expect(fileKind(renamedCsv(layoutPeople(4)))).toBe('text');
    expect(fileKind(new TextEncoder().encode('%PDF-1.7\n'))).toBe('pdf');
    expect(fileKind(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, ...new TextEncoder().encode('word/document.xml')]))).toBe('zip');
    expect(fileKind(new Uint8Array())).toBe('empty');
  });

  it('refuses each with a Vietnamese message naming the file and what to do, before the zip reader sees it', async () => {
    await expect(readXlsx(oleWith('EncryptionInfo'), 'luong.xlsx')).rejects.toThrow('Tệp "luong.xlsx" được đặt mật khẩu; mở bằng Excel, bỏ mật khẩu');
    await expect(readXlsx(oleWith('Workbook'), 'cu.xls')).rejects.toThrow('Tệp "cu.xls" là sổ Excel 97–2003 (.xls), không phải .xlsx');
    await expect(readXlsx(new TextEncoder().encode('%PDF-1.4'), 'bang.pdf')).rejects.toThrow('Tệp "bang.pdf" là tệp PDF');
    // A zip that claims to be a workbook but breaks inside: still a message, not the library's.
    const broken = (await layoutXlsx([mergedUnitSheet(layoutPeople(4))])).slice(0, 400);
    await expect(readXlsx(broken, 'hong.xlsx')).rejects.toThrow(/Tệp "hong.xlsx" (bị hỏng|không phải \.xlsx)/);
    for (const kind of ['xls', 'encrypted', 'text', 'pdf', 'zip', 'unknown', 'empty'] as const) {
      expect(fileKindMessage(kind, 'a.xlsx')).toMatch(/^Tệp "a\.xlsx" /);
    }
    expect(fileKindMessage('xlsx', 'a.xlsx')).toBeNull();
  });
});
