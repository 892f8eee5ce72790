import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSheet, refreshSheet, syncSheet } from '../../../addin/sync/sync-sheet.ts';
import { officeWorkbook } from '../../../addin/workbook/office.ts';
import { testDatabases } from '../../support/databases.ts';
import { inProcessClient } from '../../support/in-process-client.ts';
import { startService, type TestService } from '../../support/service.ts';
import { FakeWorkbook } from './fake-excel.ts';

const SHEET = 'T05-2022';
const LABEL_HTT = 'Hoàn thành tốt nhiệm vụ';
const FORMULA = '=IF(F3>=90,"HTXS","HTT")';

describe.each(testDatabases())('levels typed in the Xếp loại column, in Excel, on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('keeps a typed level and a formula until the user confirms, and refreshes only the cells it wrote', async () => {
    const book = new FakeWorkbook({
      [SHEET]: [
        ['Mã CB', 'Họ và tên', 'Đơn vị', 'Nhóm', 'Chức vụ', 'Điểm đánh giá', 'Xếp loại'],
        ['GV21', 'Lò Văn Long', 'Khoa Lý luận cơ sở', 'Giảng viên', 'Giảng viên', 95, 'HTXS'],
        ['GV22', 'Cầm Thị Hương', 'Khoa Lý luận cơ sở', 'Giảng viên', 'Giảng viên', 93, FORMULA],
        ['GV23', 'Vì Đức Hùng', 'Khoa Xây dựng Đảng', 'Giảng viên', 'Giảng viên', 85, null],
      ],
    });
    const deps = { workbook: officeWorkbook(book.host()), client: inProcessClient(s) };
    const options = { kind: 'person' as const, sheet: SHEET };

    const first = await syncSheet(deps, options);
    expect(first.counts.accepted).toBe(3);
    expect(first.typed.map((t) => [t.cell, t.typed])).toEqual([['G2', 'HTXS'], ['G3', '#NAME?']]);
    expect(first.issues.filter((i) => i.severity === 'warning').map((i) => i.cell)).toEqual(['G2', 'G3']);
    expect(book.value(SHEET, 'G2')).toBe('HTXS');
    expect(book.formula(SHEET, 'G3')).toBe(FORMULA);
    expect(book.value(SHEET, 'G4')).toBe(LABEL_HTT);
    // The rest of each row is written: ranks, explanation and status appended right of the table.
    expect(book.value(SHEET, 'H1')).toBe('Hạng trong đơn vị');
    expect(book.value(SHEET, 'H2')).toBe(1);
    expect(String(book.value(SHEET, 'K3'))).toMatch(/^Đã đồng bộ/);

    // Kiểm tra, connected, compares with what the service computed and says why.
    const checked = await checkSheet(deps, options);
    expect(checked.issues.filter((i) => i.cell === 'G2').map((i) => i.message)).toEqual([
      'G2: Hội đồng ghi HTXS cho Lò Văn Long, tính được HTT — nhóm Giảng viên chỉ được 0 HTXS trên 3 người; ' +
        'muốn xếp HTXS, Hội đồng dùng "Xét HTXS" (trong số suất của nhóm) rồi bấm Làm mới',
    ]);
    expect(checked.typed.map((t) => t.cell)).toEqual(['G2', 'G3']);
    expect(book.value(SHEET, 'G2')).toBe('HTXS');

    // Someone types over a level the add-in wrote: it is theirs from now on.
    book.put(SHEET, 'G4', [['HT']]);
    const again = await refreshSheet(deps, options);
    expect(again.typed.map((t) => t.cell)).toEqual(['G2', 'G3', 'G4']);
    expect(book.value(SHEET, 'G4')).toBe('HT');

    const confirmed = await refreshSheet(deps, { ...options, overwriteTyped: true });
    expect(confirmed.typed).toEqual([]);
    expect(['G2', 'G3', 'G4'].map((a) => book.value(SHEET, a))).toEqual([LABEL_HTT, LABEL_HTT, LABEL_HTT]);
    expect(book.formula(SHEET, 'G3')).toBeNull();
    // Written by the add-in now: the next refresh neither lists nor keeps them.
    expect((await refreshSheet(deps, options)).typed).toEqual([]);
  });
});
