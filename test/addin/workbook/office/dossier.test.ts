import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDossierSheets } from '../../../../addin/actions/dossier-sheets.ts';
import { refreshSheet, syncSheet } from '../../../../addin/actions/sync-sheet.ts';
import { officeWorkbook } from '../../../../addin/workbook/office/index.ts';
import { testDatabases } from '../../../support/databases.ts';
import { inProcessClient } from '../../../support/in-process-client.ts';
import { startService, type TestService } from '../../../support/service.ts';
import { decisionGrid, registrationGrid, voteGrid } from '../../sheet/kinds/dossier-grids.ts';
import { FakeWorkbook } from '../fake-excel.ts';

type Cells = (string | number | boolean | null)[][];
const cells = (values: readonly (readonly unknown[])[]): Cells => values.map((r) => r.map((v) => (v === '' || v === undefined ? null : (v as string | number))));

const PEOPLE = [
  { code: 'CB001', name: 'Lò Văn Long', unit: 'Khoa Xây dựng Đảng', dutyGroup: 'Giảng viên', title: 'Trưởng khoa', sex: 'Nam', score: 95 },
  { code: 'CB009', name: 'Cầm Thị Hương', unit: 'Phòng Tổ chức - Hành chính', dutyGroup: 'Chuyên viên', sex: 'Nữ', score: 85 },
  { code: 'CB016', name: 'Hà Văn Tuấn', unit: 'Khoa Lý luận cơ sở', dutyGroup: 'Giảng viên', sex: 'Nam', score: 85 },
];
const UNITS = ['Khoa Xây dựng Đảng', 'Phòng Tổ chức - Hành chính', 'Khoa Lý luận cơ sở'].map((unit) => ({ unit, score: 85 }));

describe.each(testDatabases())('the year\'s dossier, in Excel, on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
    for (let m = 1; m <= 12; m++) {
      const month = `2021-${String(m).padStart(2, '0')}`;
      await s.call('POST', `/api/v1/months/${month}/people`, { body: { rows: PEOPLE } });
      await s.call('POST', `/api/v1/months/${month}/units`, { body: { rows: UNITS } });
    }
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('syncs the registration, vote and decision sheets and writes their computed columns beside the typed ones', async () => {
    const [reg, vote, decision] = [registrationGrid(), voteGrid(), decisionGrid()];
    const book = new FakeWorkbook({ [reg.name]: cells(reg.values), [vote.name]: cells(vote.values), [decision.name]: cells(decision.values) });
    const deps = { workbook: officeWorkbook(book.host()), client: inProcessClient(s) };

    expect((await syncSheet(deps, { kind: 'registration', sheet: reg.name })).counts).toEqual({ accepted: 4, unchanged: 0, rejected: 0, conflict: 0 });
    expect(['M4', 'N4', 'O4', 'P4'].map((a) => book.value(reg.name, a))).toEqual(['Kiểm tra đăng ký', 'Kết quả so với đăng ký', 'Giải thích', 'Trạng thái đồng bộ']);
    await refreshSheet(deps, { kind: 'registration', sheet: reg.name });
    expect(book.value(reg.name, 'N6')).toBe('Danh hiệu cá nhân: Đạt; Hình thức khen thưởng: Không đăng ký');
    expect(book.value(reg.name, 'N7')).toBe('Chưa đạt');
    expect(String(book.value(reg.name, 'O7'))).toMatch(/^Chưa đủ Tập thể LĐXS: /);
    // What the user typed stays as typed.
    expect(book.value(reg.name, 'G5')).toBe('CSTĐ cơ sở');

    expect((await syncSheet(deps, { kind: 'vote', sheet: vote.name })).counts.accepted).toBe(3);
    expect(['J5', 'K5', 'J7', 'K7'].map((a) => book.value(vote.name, a))).toEqual(['88,9%', 'Đạt', '77,8%', '']);
    expect(String(book.value(vote.name, 'L7'))).toContain('80% thành viên');

    const bad = await syncSheet(deps, { kind: 'decision', sheet: decision.name });
    expect(bad.counts.accepted).toBe(3);
    expect(book.value(decision.name, 'N5')).toBe('Đã đồng bộ (phiên bản 1)');
  });

  it('writes the five sheets of the year\'s paper in one Excel.run, the proposal list selected', async () => {
    const book = new FakeWorkbook({ 'Đăng ký thi đua 2021': [['Mã CB']] });
    const deps = { workbook: officeWorkbook(book.host()), client: inProcessClient(s), now: () => new Date('2022-01-05T02:00:00Z') };
    const outcome = await writeDossierSheets(deps, '2021');
    expect(outcome.sheets).toEqual([
      'Đề nghị khen thưởng 2021', 'DS đề nghị khen thưởng 2021', 'DS kèm theo Quyết định 2021', 'Bảng thành tích 2021', 'Sổ khen thưởng 2021',
    ]);
    expect(book.runs).toBe(1);
    expect(book.active).toBe('DS đề nghị khen thưởng 2021');
    expect(book.value('DS đề nghị khen thưởng 2021', 'A6')).toBe('I. TẬP THỂ');
    // DOC-8.8: the names and reasons of a block wrap (format.wrapText, ExcelApi 1.1); STT and the titles above do not.
    const list = book.sheet('DS đề nghị khen thưởng 2021');
    const wrapped = (row: number, col: number) => list.formats.get(`${row},${col}`)?.wrapText === true;
    const header = 7;
    expect(book.value('DS đề nghị khen thưởng 2021', 'A8')).toBe('STT');
    expect([wrapped(header, 1), wrapped(header + 1, 1), wrapped(header + 1, 3), wrapped(header + 1, 4)]).toEqual([true, true, true, true]);
    expect([wrapped(header + 1, 0), wrapped(header + 1, 2), wrapped(0, 0), wrapped(5, 0)]).toEqual([false, false, false, false]);
    // The register holds decisions for 2020's achievements only: none is annexed to 2021's list.
    expect(outcome.decided).toBe(0);
    expect(book.value('DS kèm theo Quyết định 2021', 'A3')).toBe('(Kèm theo Quyết định số … ngày …)');
    expect(book.value('DS kèm theo Quyết định 2021', 'A6')).toBe('Chưa có quyết định khen thưởng nào cho thành tích năm 2021 (đồng bộ trang "Quyết định khen thưởng <năm>" trước).');
    expect(book.value('Sổ khen thưởng 2021', 'A1')).toBe('Họ và tên');
    expect(book.value('Bảng thành tích 2021', 'A1')).toBe('BẢNG THÀNH TÍCH CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG NĂM 2021');
    await expect(writeDossierSheets(deps, '21')).rejects.toThrow('Năm phải có dạng YYYY');
    expect(book.runs).toBe(1);
  });
});
