import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CellValue } from '../../../addin/sheet/index.ts';
import { keepMyValues, refreshSheet, syncSheet } from '../../../addin/sync/sync-sheet.ts';
import { fileWorkbook, plainValue, readXlsx, writeXlsx } from '../../../addin/workbook/file.ts';
import { testDatabases } from '../../support/databases.ts';
import { inProcessClient } from '../../support/in-process-client.ts';
import { startService, type TestService } from '../../support/service.ts';

const SHEET = 'T10-2021';
const HEADER = ['STT', 'Mã CB', 'Họ và tên', 'Đơn vị', 'Nhóm', 'Điểm đánh giá'];
const PEOPLE: CellValue[][] = [
  [1, 'CB001', 'Lò Văn Long', 'Khoa Lý luận cơ sở', 'Giảng viên', 85],
  [2, 'CB002', 'Cầm Thị Hương', 'Khoa Lý luận cơ sở', 'Giảng viên', 78],
];
/** Excel rows of the two people (header on row 1); Điểm đánh giá is column F. */
const LONG = 2;

async function sheetFile(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  [HEADER, ...PEOPLE].forEach((row, r) => row.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
  return writeXlsx(wb);
}

function statusOf(wb: ExcelJS.Workbook, row: number): unknown {
  const ws = wb.getWorksheet(SHEET)!;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => plainValue(v as never));
  return plainValue(ws.getCell(row, headers.indexOf('Trạng thái đồng bộ')).value);
}

describe.each(testDatabases())('two officers editing one person on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('ends a conflict by Làm mới then Đồng bộ, or by keeping one\'s value at once, never looping', async () => {
    const file = await sheetFile();
    const a = await readXlsx(file);
    const b = await readXlsx(file);
    const officerA = { workbook: fileWorkbook(a), client: inProcessClient(s) };
    const officerB = { workbook: fileWorkbook(b), client: inProcessClient(s) };
    const options = { kind: 'person' as const, sheet: SHEET };
    expect((await syncSheet(officerA, options)).counts.accepted).toBe(2);
    expect((await syncSheet(officerB, options)).counts.unchanged).toBe(2);

    a.getWorksheet(SHEET)!.getCell(`F${LONG}`).value = 91;
    expect((await syncSheet(officerA, options)).counts.accepted).toBe(1);
    b.getWorksheet(SHEET)!.getCell(`F${LONG}`).value = 88;
    const conflict = await syncSheet(officerB, options);
    expect(conflict.counts.conflict).toBe(1);
    expect(conflict.rowProblems).toEqual([
      expect.objectContaining({ status: 'conflict', sheetKey: 'CB001', who: 'Lò Văn Long' }),
    ]);
    expect(statusOf(b, LONG)).toBe(
      'Xung đột: Điểm đánh giá đã lưu 91, bạn nhập 88 (phiên bản 2). ' +
        'Bấm Làm mới rồi Đồng bộ để gửi giá trị của bạn thay bản đã lưu, hoặc sửa ô theo bản đã lưu',
    );
    // Syncing again without having looked changes nothing: no silent overwrite.
    expect((await syncSheet(officerB, options)).counts.conflict).toBe(1);
    // Writing over typed cells (the pane's confirm step) is not a look at the conflict: it stays open.
    await refreshSheet(officerB, { ...options, overwriteTyped: true, keepConflicts: true });
    expect(statusOf(b, LONG)).toMatch(/^Xung đột: Điểm đánh giá đã lưu 91, bạn nhập 88 \(phiên bản 2\)/);
    expect((await syncSheet(officerB, options)).counts.conflict).toBe(1);

    const refreshed = await refreshSheet(officerB, options);
    expect(refreshed.sent).toBe(0);
    expect(statusOf(b, LONG)).toBe(
      'Đã lấy bản đã lưu, phiên bản 2 (Điểm đánh giá đã lưu 91, bạn nhập 88). Bấm Đồng bộ để gửi giá trị của bạn thay bản đã lưu',
    );
    const resent = await syncSheet(officerB, options);
    expect(resent.counts).toEqual({ accepted: 1, unchanged: 0, rejected: 0, conflict: 0 });
    expect(statusOf(b, LONG)).toBe('Đã đồng bộ (phiên bản 3)');
    const stored = await officerA.client.pullPeople('2021-10');
    expect(stored.rows.find((r) => r.code === 'CB001')).toMatchObject({ score: 88, version: 3 });

    // Officer A, now behind, meets the conflict and keeps their value with one action.
    a.getWorksheet(SHEET)!.getCell(`F${LONG}`).value = 95;
    expect((await syncSheet(officerA, options)).counts.conflict).toBe(1);
    const kept = await keepMyValues(officerA, options, ['CB001']);
    expect(kept.counts).toEqual({ accepted: 1, unchanged: 0, rejected: 0, conflict: 0 });
    expect(statusOf(a, LONG)).toBe('Đã đồng bộ (phiên bản 4)');
    expect((await officerB.client.pullPeople('2021-10')).rows.find((r) => r.code === 'CB001')).toMatchObject({ score: 95 });
    // Officer B's next sync sends nothing of theirs over it: the row is unchanged on B's side.
    expect((await syncSheet(officerB, options)).sent).toBe(0);
  });
});
