import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../server/contract/rule-set.ts';
import { refreshSheet, syncSheet } from '../../../addin/actions/sync-sheet.ts';
import type { SheetGrid } from '../../../addin/sheet/types.ts';
import { fileWorkbook } from '../../../addin/workbook/file.ts';
import { testDatabases } from '../../support/databases.ts';
import { inProcessClient } from '../../support/in-process-client.ts';
import { startService, type TestService } from '../../support/service.ts';
import { decisionGrid, pledgeGrid, registrationGrid, voteGrid } from '../sheet/kinds/dossier-grids.ts';
import { columnBack, excelSheet } from '../workbook/read-back.ts';

function workbookOf(...grids: SheetGrid[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const g of grids) {
    const ws = wb.addWorksheet(g.name);
    g.values.forEach((row, r) => row.forEach((v, c) => v !== null && v !== '' && (ws.getCell(r + 1, c + 1).value = v)));
  }
  return wb;
}

const PEOPLE = [
  { code: 'CB001', name: 'Lò Văn Long', unit: 'Khoa Xây dựng Đảng', dutyGroup: 'Giảng viên', score: 95 },
  { code: 'CB009', name: 'Cầm Thị Hương', unit: 'Phòng Tổ chức - Hành chính', dutyGroup: 'Chuyên viên', score: 85 },
  { code: 'CB016', name: 'Hà Văn Tuấn', unit: 'Khoa Lý luận cơ sở', dutyGroup: 'Giảng viên', score: 85 },
];
const UNITS = ['Khoa Xây dựng Đảng', 'Phòng Tổ chức - Hành chính', 'Khoa Lý luận cơ sở'].map((unit) => ({ unit, score: 85 }));

describe.each(testDatabases())('syncing the year\'s dossier sheets through the add-in client on $name', (database) => {
  let s: TestService;
  let wb: ExcelJS.Workbook;
  let deps: Parameters<typeof syncSheet>[0];
  const column = (sheet: string, header: string) => columnBack(excelSheet(wb, sheet), 4, header);

  beforeAll(async () => {
    s = await startService(await database.open());
    for (let m = 1; m <= 12; m++) {
      const month = `2021-${String(m).padStart(2, '0')}`;
      expect((await s.call('POST', `/api/v1/months/${month}/people`, { body: { rows: PEOPLE } })).body.counts.rejected).toBe(0);
      expect((await s.call('POST', `/api/v1/months/${month}/units`, { body: { rows: UNITS } })).body.counts.rejected).toBe(0);
    }
    const initiative = { code: 'CB001', kind: 'Sáng kiến', title: 'Dạy học theo tình huống', level: 'Cơ sở', recognisedOn: '01/06/2021' };
    expect((await s.call('POST', '/api/v1/years/2021/initiatives', { body: { rows: [initiative] } })).body.counts.accepted).toBe(1);
    wb = workbookOf(registrationGrid(), pledgeGrid(), voteGrid(), decisionGrid());
    deps = { workbook: fileWorkbook(wb), client: inProcessClient(s) };
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('registration: stores every row (a person by name in their unit too), then Làm mới writes the year-end comparison', async () => {
    const sheet = 'Đăng ký thi đua 2021';
    const withDeadline = { ...DEFAULT_RULE_SET, dossier: { ...DEFAULT_RULE_SET.dossier, registrationDeadline: '01-18' } };
    expect((await s.call('PUT', '/api/v1/rule-set', { body: withDeadline })).status).toBe(200);
    const first = await syncSheet(deps, { kind: 'registration', sheet });
    expect(first).toMatchObject({ period: '2021', counts: { accepted: 4, unchanged: 0, rejected: 0, conflict: 0 } });
    expect(Object.values(column(sheet, 'Trạng thái đồng bộ'))).toEqual(Array(4).fill('Đã đồng bộ (phiên bản 1)'));
    // The pre-check at sync time: only Cầm Thị Hương registered after 18/01.
    expect(column(sheet, 'Kiểm tra đăng ký')).toEqual({ 5: null, 6: 'Đăng ký muộn (hạn 18/01; registrationDeadline, quy chế đơn vị)', 7: null, 8: null });
    const stored = (await s.call('GET', '/api/v1/years/2021/registrations')).body;
    expect(stored.rows.map((r: any) => [r.holder, r.code ?? r.unit, r.titleRegistered, r.awardRegistered])).toEqual([
      ['person', 'CB001', 'CSTDCS', 'GIAY_KHEN'],
      ['person', 'CB009', 'LDTT', null],
      ['person', 'CB016', null, null],
      ['unit', 'Khoa Lý luận cơ sở', 'TT_LDXS', null],
    ]);

    await refreshSheet(deps, { kind: 'registration', sheet });
    const proposals = (await s.call('GET', '/api/v1/years/2021/proposals')).body;
    const shown = (c: any[]) => c.filter((t) => t.outcome !== null).map((t) => [t.track, t.registered, t.top, t.outcome]);
    const person = (code: string) => proposals.people.find((p: any) => p.code === code).registration;
    const unit = proposals.units.find((u: any) => u.unit === 'Khoa Lý luận cơ sở').registration;
    // What /proposals compares is what each holder's row shows.
    expect(shown(person('CB001'))).toEqual([['person-title', 'CSTDCS', 'CSTDCS', 'Đạt'], ['award', 'GIAY_KHEN', 'GIAY_KHEN', 'Đạt']]);
    expect(shown(person('CB009'))).toEqual([['person-title', 'LDTT', 'LDTT', 'Đạt'], ['award', null, 'GIAY_KHEN', 'Không đăng ký']]);
    expect(shown(unit)).toEqual([['unit-title', 'TT_LDXS', 'TT_LDTT', 'Chưa đạt']]);
    expect(column(sheet, 'Kết quả so với đăng ký')).toEqual({
      5: 'Danh hiệu cá nhân: Đạt; Hình thức khen thưởng: Đạt',
      6: 'Danh hiệu cá nhân: Đạt; Hình thức khen thưởng: Không đăng ký',
      7: 'Chưa đạt',
      8: 'Danh hiệu cá nhân: Không đăng ký; Hình thức khen thưởng: Không đăng ký',
    });
    const why = column(sheet, 'Giải thích');
    expect(why[5]).toBeNull();
    expect(why[6]).toBe('Đủ điều kiện Giấy khen; Luật TĐKT 2022 Điều 7 không yêu cầu đăng ký');
    // The failing conditions of the registered title, then what the unit does qualify for.
    expect(why[7]).toBe(unit.flatMap((t: any) => t.reasons).join('; '));
    expect(String(why[7])).toMatch(/^Chưa đủ Tập thể LĐXS: .*Hoàn thành xuất sắc nhiệm vụ.*; đủ điều kiện Tập thể LĐTT$/);
    expect(column(sheet, 'Kiểm tra đăng ký')[6]).toBe('Đăng ký muộn (hạn 18/01; registrationDeadline, quy chế đơn vị)');
  });

  it('registration: a year the service has no data of says so on each registered row, never a guess', async () => {
    const g = registrationGrid('Đăng ký thi đua 2022');
    for (const row of g.values.slice(4)) row[10] = '15/01/2022';
    const book = workbookOf(g);
    const own = { workbook: fileWorkbook(book), client: inProcessClient(s) };
    expect((await syncSheet(own, { kind: 'registration', sheet: g.name })).counts.accepted).toBe(4);
    await refreshSheet(own, { kind: 'registration', sheet: g.name });
    expect(columnBack(excelSheet(book, g.name), 4, 'Kết quả so với đăng ký')).toEqual({
      5: 'Danh hiệu cá nhân: Không có dữ liệu năm; Hình thức khen thưởng: Không có dữ liệu năm',
      6: 'Không có dữ liệu năm',
      7: 'Không có dữ liệu năm',
      8: null,
    });
  });

  it('pledge: stores the targets and writes Tỷ lệ đạt, blank for Kế hoạch 0', async () => {
    const sheet = 'Giao ước thi đua 2021';
    expect((await syncSheet(deps, { kind: 'pledge', sheet })).counts).toEqual({ accepted: 3, unchanged: 0, rejected: 0, conflict: 0 });
    expect(column(sheet, 'Tỷ lệ đạt')).toEqual({ 5: '114%', 6: null, 7: null });
    wb.getWorksheet(sheet)!.getCell('G7').value = 306;
    expect((await syncSheet(deps, { kind: 'pledge', sheet })).counts).toEqual({ accepted: 1, unchanged: 0, rejected: 0, conflict: 0 });
    expect(column(sheet, 'Tỷ lệ đạt')[7]).toBe('85%');
    expect(column(sheet, 'Trạng thái đồng bộ')[7]).toBe('Đã đồng bộ (phiên bản 2)');
  });

  it('vote: stores the council\'s votes and writes Tỷ lệ đồng ý, Kết quả and the quorum warning', async () => {
    const sheet = 'Kết quả bình xét 2021';
    expect((await syncSheet(deps, { kind: 'vote', sheet })).counts).toEqual({ accepted: 3, unchanged: 0, rejected: 0, conflict: 0 });
    const stored = (await s.call('GET', '/api/v1/years/2021/votes')).body.rows;
    const byTitle = (t: string) => stored.find((r: any) => r.title === t);
    expect(column(sheet, 'Tỷ lệ đồng ý')).toEqual({ 5: '88,9%', 6: '100%', 7: `${String(byTitle('TT_LDXS').agreePct).replace('.', ',')}%` });
    expect(column(sheet, 'Kết quả')).toEqual({ 5: 'Đạt', 6: null, 7: null });
    expect(byTitle('CSTDCS').passed).toBe(true);
    expect(String(column(sheet, 'Giải thích')[7])).toContain('80% thành viên');
  });

  it('decision: stores the decisions for 2020 with the warning the service gives, and finds them again by holder, title and year', async () => {
    const sheet = 'Quyết định khen thưởng 2021';
    expect((await syncSheet(deps, { kind: 'decision', sheet })).counts).toEqual({ accepted: 3, unchanged: 0, rejected: 0, conflict: 0 });
    const stored = (await s.call('GET', '/api/v1/years/2021/decisions-register')).body.rows;
    expect(stored.map((r: any) => [r.code ?? r.unit, r.title, r.achievementYear])).toEqual(
      expect.arrayContaining([['CB001', 'CSTDCS', 2020], ['CB001', 'LDTT', 2020], ['Khoa Lý luận cơ sở', 'TT_LDXS', 2020]]),
    );
    const warnings = (code: string | null, title: string) => stored.find((r: any) => (r.code ?? r.unit) === code && r.title === title).warnings.join('; ');
    expect(column(sheet, 'Giải thích')).toEqual({ 5: warnings('CB001', 'CSTDCS'), 6: warnings('CB001', 'LDTT'), 7: warnings('Khoa Lý luận cơ sở', 'TT_LDXS') });
    const again = await refreshSheet(deps, { kind: 'decision', sheet });
    expect(again.sent).toBe(0);
    expect(Object.values(column(sheet, 'Trạng thái đồng bộ'))).toEqual(Array(3).fill('Đã đồng bộ (phiên bản 1)'));
  });
});
