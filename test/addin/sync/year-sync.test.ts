import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SheetGrid } from '../../../addin/sheet/types.ts';
import { refreshSheet, syncSheet } from '../../../addin/sync/sync-sheet.ts';
import { fileWorkbook, plainValue } from '../../../addin/workbook/file.ts';
import { testDatabases } from '../../support/databases.ts';
import { inProcessClient } from '../../support/in-process-client.ts';
import { startService, type TestService } from '../../support/service.ts';
import { initiativeGrid, studentGrid, yearGrid } from '../sheet/kind-grids.ts';

function workbookOf(...grids: SheetGrid[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    g.values.forEach((row, r) => row.forEach((v, c) => v !== null && v !== '' && (ws.getCell(r + 1, c + 1).value = v)));
  }
  return wb;
}

/** The values under a header of the sheet, by row (Excel numbering). */
function columnOf(wb: ExcelJS.Workbook, sheet: string, headerRow: number, header: string): Record<number, unknown> {
  const ws = wb.getWorksheet(sheet)!;
  const headers = (ws.getRow(headerRow).values as unknown[]).map((v) => plainValue(v as never));
  const col = headers.indexOf(header);
  const out: Record<number, unknown> = {};
  for (let r = headerRow + 1; r <= ws.rowCount; r++) out[r] = plainValue(ws.getCell(r, col).value);
  return out;
}

describe.each(testDatabases())('syncing the year\'s sheets on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('syncs the yearly sheet, then names both values when another officer changed a row', async () => {
    const wb = workbookOf(yearGrid('Sheet1'));
    const deps = { workbook: fileWorkbook(wb), client: inProcessClient(s) };
    const first = await syncSheet(deps, { kind: 'year', sheet: 'Sheet1' });
    expect(first).toMatchObject({ period: '2021', counts: { accepted: 3, unchanged: 0, rejected: 0, conflict: 0 } });
    expect(columnOf(wb, 'Sheet1', 4, 'Trạng thái đồng bộ')).toEqual({ 5: 'Đã đồng bộ (phiên bản 1)', 6: 'Đã đồng bộ (phiên bản 1)', 7: 'Đã đồng bộ (phiên bản 1)' });

    // Another officer's copy of the row, with the vote counted differently.
    const row = { code: 'CB001', name: 'Lò Văn Long', unit: 'Khoa Xây dựng Đảng', dutyGroup: 'Giảng viên', title: 'Trưởng khoa', sex: 'Nam' };
    const gates = { recruitedOn: '01/09/1998', allTasksDone: 'Có', exceededPct: 45, latePct: 0, priorTitles: 'CSTĐCS 2019, 2020' };
    const other = await s.call('POST', '/api/v1/years/2021/people', {
      body: { rows: [{ ...row, ...gates, voteAgree: 8, voteTotal: 10, baseVersion: 1 }] },
    });
    expect(other.body.results[0]).toMatchObject({ status: 'accepted', version: 2 });
    wb.getWorksheet('Sheet1')!.getCell('N5').value = 10;
    const second = await syncSheet(deps, { kind: 'year', sheet: 'Sheet1' });
    expect(second.counts).toEqual({ accepted: 0, unchanged: 0, rejected: 0, conflict: 1 });
    expect(columnOf(wb, 'Sheet1', 4, 'Trạng thái đồng bộ')[5]).toBe('Xung đột: Số phiếu đồng ý (CSTĐCS) đã lưu 8, bạn nhập 10 (phiên bản 2). Bấm Làm mới rồi Đồng bộ để gửi giá trị của bạn thay bản đã lưu, hoặc sửa ô theo bản đã lưu');
    const refreshed = await refreshSheet(deps, { kind: 'year', sheet: 'Sheet1' });
    expect(refreshed.sent).toBe(0);
    // Làm mới took the stored version: the officer has seen it, and their own value goes over it next.
    expect(columnOf(wb, 'Sheet1', 4, 'Trạng thái đồng bộ')[5]).toBe(
      'Đã lấy bản đã lưu, phiên bản 2 (Số phiếu đồng ý (CSTĐCS) đã lưu 8, bạn nhập 10). Bấm Đồng bộ để gửi giá trị của bạn thay bản đã lưu',
    );
    const third = await syncSheet(deps, { kind: 'year', sheet: 'Sheet1' });
    expect(third.counts).toEqual({ accepted: 1, unchanged: 0, rejected: 0, conflict: 0 });
    expect(columnOf(wb, 'Sheet1', 4, 'Trạng thái đồng bộ')[5]).toBe('Đã đồng bộ (phiên bản 3)');
  });

  it('says the year is unknown without a name, a title or a year from the pane, and sends nothing', async () => {
    const g = yearGrid('Sheet1');
    g.values[1] = ['BẢNG XẾP LOẠI CÔNG CHỨC, VIÊN CHỨC'];
    const deps = { workbook: fileWorkbook(workbookOf(g)), client: inProcessClient(s) };
    const outcome = await syncSheet(deps, { kind: 'year', sheet: 'Sheet1' });
    expect(outcome.period).toBeNull();
    expect(outcome.issues.at(-1)!.message).toMatch(/^Không xác định được năm: .*\(--period 2021\)$/);
    const withYear = await syncSheet(deps, { kind: 'year', sheet: 'Sheet1', period: '2022' });
    expect(withYear).toMatchObject({ period: '2022', counts: { accepted: 3 } });
  });

  it('rejects an initiative of a person the service does not know, storing the others', async () => {
    const g = initiativeGrid();
    g.values[5]![2] = 'Người Không Có';
    const wb = workbookOf(g);
    const outcome = await syncSheet({ workbook: fileWorkbook(wb), client: inProcessClient(s) }, { kind: 'initiative', sheet: g.name });
    expect(outcome.counts).toMatchObject({ accepted: 2, rejected: 1 });
    const status = columnOf(wb, g.name, 4, 'Trạng thái đồng bộ');
    expect(status[5]).toBe('Đã đồng bộ (phiên bản 1)');
    expect(String(status[6])).toMatch(/^Lỗi: /);
    expect(status[7]).toBe('Đã đồng bộ (phiên bản 1)');
  });

  it('syncs a class named by the pane when the sheet has no Lớp column, and writes bands and commendations', async () => {
    const g = studentGrid('Sheet1');
    for (const row of g.values.slice(2)) row.splice(1, 1);
    const wb = workbookOf(g);
    const deps = { workbook: fileWorkbook(wb), client: inProcessClient(s) };
    const outcome = await syncSheet(deps, { kind: 'student', sheet: 'Sheet1', period: 'TC K50' });
    expect(outcome).toMatchObject({ period: 'TC K50', counts: { accepted: 5 } });
    expect(columnOf(wb, 'Sheet1', 3, 'Xếp loại học tập')).toEqual({ 4: 'Xuất sắc', 5: 'Xuất sắc', 6: 'Xuất sắc', 7: 'Giỏi', 8: 'Khá' });
    // 5 students: a limit of 0, so the 9.5 is not commended and the council sees why.
    expect(Object.values(columnOf(wb, 'Sheet1', 3, 'Khen thưởng'))).toEqual(['Không', 'Không', 'Không', 'Không', 'Không']);
    const api = await s.call('GET', `/api/v1/classes/${encodeURIComponent('TC K50')}/students`);
    expect(api.body.students).toHaveLength(5);
  });
});
