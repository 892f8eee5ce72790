import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncSheet } from '../../../addin/actions/sync-sheet.ts';
import { matchHeader } from '../../../addin/sheet/header-aliases.ts';
import type { CellValue, SheetKind } from '../../../addin/sheet/types.ts';
import { fileWorkbook } from '../../../addin/workbook/file.ts';
import { testDatabases } from '../../support/databases.ts';
import { inProcessClient } from '../../support/in-process-client.ts';
import { startService, type TestService } from '../../support/service.ts';
import { columnBack, excelSheet } from '../workbook/read-back.ts';

const TITLE: CellValue[][] = [['TRƯỜNG CHÍNH TRỊ TỈNH SƠN LA'], ['SỔ PHONG TRÀO, CUỘC VẬN ĐỘNG NĂM 2021'], []];

function workbookOf(name: string, rows: CellValue[][]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== '' && (ws.getCell(r + 1, c + 1).value = v)));
  return wb;
}

const fieldOf = (text: string, kind: SheetKind) => {
  const role = matchHeader([text], kind);
  return role === null ? null : role.type === 'field' ? role.field : role.type === 'computed' ? `=${role.column}` : 'ignore';
};

describe('headers of the movements and contributions sheets', () => {
  it.each([
    ['code', ['Mã', 'Mã phong trào']],
    ['name', ['Tên phong trào, cuộc vận động', 'Tên phong trào', 'Tên cuộc vận động']],
    ['kind', ['Loại']],
    ['level', ['Cấp phát động', 'Cấp']],
    ['docRef', ['Văn bản phát động']],
    ['from', ['Từ ngày']],
    ['to', ['Đến ngày']],
    ['ask', ['Mức vận động']],
    ['target', ['Mục tiêu, chỉ tiêu']],
    ['note', ['Ghi chú']],
  ])('movement: reads %s from %j', (field, texts) => {
    for (const text of texts) expect(fieldOf(text, 'movement'), text).toBe(field);
  });

  it.each([
    ['driveCode', ['Mã phong trào', 'Mã cuộc vận động']],
    ['unit', ['Đơn vị', 'Khoa, phòng']],
    ['code', ['Mã CB']],
    ['name', ['Họ và tên']],
    ['form', ['Hình thức']],
    ['amount', ['Số tiền (đồng)', 'Số tiền']],
    ['inKind', ['Hiện vật']],
    ['inKindValue', ['Giá trị quy đổi (đồng)']],
    ['date', ['Ngày']],
    ['receiptNo', ['Số chứng từ', 'Số phiếu thu']],
    ['=explanation', ['Giải thích']],
    ['=syncStatus', ['Trạng thái đồng bộ']],
  ])('contribution: reads %s from %j', (field, texts) => {
    for (const text of texts) expect(fieldOf(text, 'contribution'), text).toBe(field);
  });
});

describe.each(testDatabases())('syncing the movements and contributions sheets on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
    expect((await s.call('POST', '/api/v1/months/2021-10/units', { body: { rows: [{ unit: 'Khoa Xây dựng Đảng', score: 90 }, { unit: 'Phòng Đào tạo', score: 85 }] } })).status).toBe(200);
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('syncs the register, then contributions against it, naming the bad cell and keeping the good rows', async () => {
    const movements = workbookOf('Phong trào 2021', [
      ...TITLE,
      ['STT', 'Mã', 'Tên phong trào, cuộc vận động', 'Loại', 'Cấp phát động', 'Từ ngày', 'Đến ngày', 'Mức vận động', 'Ghi chú'],
      [1, 'VNN2021', 'Quỹ "Ngày vì người nghèo"', 'Cuộc vận động', 'Tỉnh', '17/10/2021', '18/11/2021', '1 ngày lương/người', ''],
      [2, 'COVID', 'Quỹ Vắc xin phòng Covid-19', 'Quyên góp', 'Trung ương', '01/06/2021', '31/12/2021', '', ''],
    ]);
    const m = await syncSheet({ workbook: fileWorkbook(movements), client: inProcessClient(s) }, { kind: 'movement', sheet: 'Phong trào 2021' });
    expect(m).toMatchObject({ period: '2021', counts: { accepted: 2, rejected: 0 } });
    expect(columnBack(excelSheet(movements, 'Phong trào 2021'), 4, 'Trạng thái đồng bộ')).toEqual({ 5: 'Đã đồng bộ (phiên bản 1)', 6: 'Đã đồng bộ (phiên bản 1)' });

    const header = ['STT', 'Mã phong trào', 'Đơn vị', 'Mã CB', 'Họ và tên', 'Hình thức', 'Số tiền (đồng)', 'Hiện vật', 'Ngày', 'Số chứng từ'];
    const contributions = workbookOf('Đóng góp 2021', [
      ['TRƯỜNG CHÍNH TRỊ TỈNH SƠN LA'],
      ['ĐÓNG GÓP CÁC CUỘC VẬN ĐỘNG NĂM 2021'],
      [],
      header,
      [1, 'VNN2021', 'Khoa Xây dựng Đảng', '', '', 'Tiền', '3.500.000', '', '20/10/2021', 'PT01'],
      [2, 'COVID', 'Phòng Đào tạo', 'CB007', 'Lò Thị Mai', 'Tiền', 500000, '', '01/12/2021', 'PT02'],
      [3, 'SMT', 'Phòng Đào tạo', '', '', 'Hiện vật', '', '1 máy tính', '', ''],
      [4, 'VNN2021', 'Phòng Đào tạo', '', '', 'Tiền', '1,5 triệu', '', '', 'PT03'],
      [5, 'VNN2021', 'Phòng Đào tạo', '', '', 'Tiền', 2_000_000, '', '25/12/2021', 'PT04'],
    ]);
    const deps = { workbook: fileWorkbook(contributions), client: inProcessClient(s) };
    const c = await syncSheet(deps, { kind: 'contribution', sheet: 'Đóng góp 2021' });
    expect(c.period).toBe('2021');
    expect(c.counts).toMatchObject({ accepted: 3, rejected: 1 });
    expect(c.issues.map((i) => [i.cell, i.message])).toContainEqual(['G8', expect.stringContaining('Số tiền (đồng) phải là số tiền nguyên')]);
    const status = columnBack(excelSheet(contributions, 'Đóng góp 2021'), 4, 'Trạng thái đồng bộ');
    expect(status[5]).toBe('Đã đồng bộ (phiên bản 1)');
    expect(status[6]).toBe('Đã đồng bộ (phiên bản 1)');
    expect(status[7]).toContain('Không có phong trào mã «SMT» trong sổ phong trào của năm');
    expect(status[9]).toBe('Đã đồng bộ (phiên bản 1)');
    const explanation = columnBack(excelSheet(contributions, 'Đóng góp 2021'), 4, 'Giải thích');
    expect(explanation[9]).toBe('Ngày 25/12/2021 ngoài thời gian của phong trào «Quỹ "Ngày vì người nghèo"» (17/10/2021 – 18/11/2021)');
    expect(explanation[5] ?? '').toBe('');
    // Nothing changed: nothing is sent again.
    const again = await syncSheet(deps, { kind: 'contribution', sheet: 'Đóng góp 2021' });
    expect(again.counts).toMatchObject({ accepted: 0, conflict: 0 });
    const totals = (await s.call('GET', '/api/v1/years/2021/contributions')).body.totals;
    expect([totals.money, totals.phrase]).toEqual([6_000_000, '6 triệu đồng']);
  });
});
