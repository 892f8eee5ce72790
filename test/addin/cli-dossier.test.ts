import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../addin/cli.ts';
import { readXlsx } from '../../addin/workbook/file.ts';
import { capture } from '../support/capture.ts';
import { testDatabases } from '../support/databases.ts';
import { startHttpService } from '../support/http-service.ts';
import { excelSheet, type ReadBackSheet } from './workbook/read-back.ts';

const YEAR = 2021;
const PEOPLE = [
  { code: 'CB001', name: 'Lò Văn Long', unit: 'Khoa Xây dựng Đảng', dutyGroup: 'Giảng viên', title: 'Trưởng khoa', sex: 'Nam', recruitedOn: '01/09/1998', score: 95 },
  { code: 'CB009', name: 'Cầm Thị Hương', unit: 'Phòng Tổ chức - Hành chính', dutyGroup: 'Chuyên viên', sex: 'Nữ', score: 85 },
  { code: 'CB016', name: 'Hà Văn Tuấn', unit: 'Khoa Lý luận cơ sở', dutyGroup: 'Giảng viên', sex: 'Nam', score: 85 },
];
const UNITS = ['Khoa Xây dựng Đảng', 'Phòng Tổ chức - Hành chính', 'Khoa Lý luận cơ sở'].map((unit) => ({ unit, score: 85 }));

/** Every row of a sheet as its texts, blank cells dropped: what a reader of the printed sheet sees, in order. */
function lines(sheet: ReadBackSheet): string[][] {
  const out: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const cells = sheet.headers(r).slice(1).filter((v) => v !== null && v !== undefined && v !== '').map(String);
    out.push(cells);
  }
  return out;
}

describe.each(testDatabases())('the command line\'s dossier on $name', (database) => {
  let s: Awaited<ReturnType<typeof startHttpService>>;
  const dir = mkdtempSync(join(tmpdir(), 'binhxet-cli-dossier-'));
  const env = () => ({ BINHXET_URL: s.url, BINHXET_TOKEN: s.adminKey });
  const run = async (args: string[]) => {
    const err = capture();
    const said = capture();
    const code = await runCli(args, env(), err.stream, said.stream);
    return { code, err: err.text(), said: said.text() };
  };
  const post = async (path: string, rows: unknown[]) => {
    const answer = await s.call('POST', path, { body: { rows } });
    expect(answer.body.counts, path).toMatchObject({ rejected: 0, conflict: 0 });
  };

  beforeAll(async () => {
    s = await startHttpService(await database.open());
    for (const year of [YEAR - 1, YEAR]) {
      for (let m = 1; m <= 12; m++) {
        const month = `${year}-${String(m).padStart(2, '0')}`;
        await post(`/api/v1/months/${month}/people`, PEOPLE);
        await post(`/api/v1/months/${month}/units`, UNITS);
      }
    }
    await post(`/api/v1/years/${YEAR}/initiatives`, [{ code: 'CB001', kind: 'Sáng kiến', title: 'Dạy học theo tình huống', level: 'Cơ sở', recognisedOn: `01/06/${YEAR}` }]);
    await post(`/api/v1/years/${YEAR}/registrations`, [
      { code: 'CB001', name: 'Lò Văn Long', unit: 'Khoa Xây dựng Đảng', titleRegistered: 'LĐTT' },
      { code: 'CB009', name: 'Cầm Thị Hương', unit: 'Phòng Tổ chức - Hành chính', titleRegistered: 'CSTĐCS' },
    ]);
    await post(`/api/v1/years/${YEAR}/votes`, [{ code: 'CB001', title: 'CSTĐCS', members: 9, present: 9, agree: 8 }]);
    await post(`/api/v1/years/${YEAR - 1}/decisions-register`, [
      { decisionNo: '98/QĐ-TCT', decidedOn: `20/12/${YEAR - 1}`, issuer: 'Trường Chính trị tỉnh', code: 'CB001', title: 'LĐTT', achievementYear: YEAR - 1 },
    ]);
    await post(`/api/v1/years/${YEAR}/decisions-register`, [
      { decisionNo: '125/QĐ-TCT', decidedOn: `24/12/${YEAR}`, issuer: 'Trường Chính trị tỉnh', code: 'CB001', title: 'CSTĐCS', achievementYear: YEAR },
      { decisionNo: '125/QĐ-TCT', decidedOn: `24/12/${YEAR}`, issuer: 'Trường Chính trị tỉnh', code: 'CB001', title: 'LĐTT', achievementYear: YEAR },
      { decisionNo: '126/QĐ-TCT', decidedOn: `24/12/${YEAR}`, issuer: 'Trường Chính trị tỉnh', unit: 'Khoa Lý luận cơ sở', title: 'Tập thể LĐTT', achievementYear: YEAR },
    ]);
  });
  afterAll(async () => {
    await s.close();
  });

  it('refuses a bad year and names the missing one, with exit code 2', async () => {
    const out = join(dir, 'x.xlsx');
    expect(await run(['dossier', '21', '--out', out])).toMatchObject({ code: 2, err: expect.stringContaining('Năm phải có dạng YYYY, không phải "21"') });
    expect(await run(['dossier', '--out', out])).toMatchObject({ code: 2, err: expect.stringContaining('Thiếu năm (YYYY)') });
    expect((await run(['--help'])).err).toContain('dossier <YYYY> --out <ra.xlsx>');
  });

  it('writes the year\'s paper, and each sheet reads back as the council will print it', async () => {
    const out = join(dir, 'dossier.xlsx');
    const result = await run(['dossier', String(YEAR), '--out', out]);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.said).toContain('Danh sách đề nghị: Tập thể lao động tiên tiến 3, Chiến sĩ thi đua cơ sở 1, Lao động tiên tiến 2, Giấy khen 3.');
    expect(result.said).toContain(`Quyết định khen thưởng cho thành tích năm ${YEAR}: 3 dòng, tiền thưởng 4220000 đồng; bảng thành tích của 3 người.`);
    const wb: ExcelJS.Workbook = await readXlsx(readFileSync(out), 'dossier.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      `Đề nghị khen thưởng ${YEAR}`, `DS đề nghị khen thưởng ${YEAR}`, `DS kèm theo Quyết định ${YEAR}`, `Bảng thành tích ${YEAR}`, `Sổ khen thưởng ${YEAR}`,
    ]);
    const sheet = (name: string) => lines(excelSheet(wb, name));

    // DOC-1: collectives (I) before people (II), one block per title highest first, STT from 1 in each, the
    // holder listed only under their highest title (DOC-8.1), counts, the signature places.
    const list = sheet(`DS đề nghị khen thưởng ${YEAR}`);
    expect(list.slice(1, 3)).toEqual([
      [`DANH SÁCH ĐỀ NGHỊ XÉT TẶNG DANH HIỆU THI ĐUA, HÌNH THỨC KHEN THƯỞNG NĂM ${YEAR}`],
      ['(Kèm theo Tờ trình số …/TTr-… ngày … tháng … năm …)'],
    ]);
    const headings = list.filter((l) => l.length === 1 && /^(I|II)\. |^\d\. |^Tổng số/.test(l[0]!)).map((l) => l[0]);
    expect(headings).toEqual([
      'I. TẬP THỂ', '1. Danh hiệu "Tập thể lao động tiên tiến" (03 tập thể)', 'Tổng số: 3 tập thể',
      'II. CÁ NHÂN', '1. Danh hiệu "Chiến sĩ thi đua cơ sở" (01 cá nhân)', 'Tổng số: 1 cá nhân',
      '2. Danh hiệu "Lao động tiên tiến" (02 cá nhân)', 'Tổng số: 2 cá nhân',
      '3. Hình thức khen thưởng "Giấy khen" (03 cá nhân)', 'Tổng số: 3 cá nhân',
    ]);
    const cstdcs = list.findIndex((l) => l[0] === '1. Danh hiệu "Chiến sĩ thi đua cơ sở" (01 cá nhân)');
    expect(list[cstdcs + 1]).toEqual(['STT', 'Họ và tên', 'Giới tính', 'Chức vụ', 'Đơn vị công tác', 'Danh hiệu/Hình thức đề nghị', 'Thành tích chính', 'Ghi chú']);
    expect(list[cstdcs + 2]!.slice(0, 6)).toEqual(['1', 'Lò Văn Long', 'Nam', 'Trưởng khoa', 'Khoa Xây dựng Đảng', 'Chiến sĩ thi đua cơ sở']);
    expect(list[cstdcs + 2]![6]).toMatch(/sáng kiến «Dạy học theo tình huống».*Hội đồng biểu quyết 8\/9 phiếu đồng ý/);
    // DOC-8.8: the unit and the reasons are written whole and wrap in the file (alignment.wrapText), STT does not.
    const listSheet = wb.getWorksheet(`DS đề nghị khen thưởng ${YEAR}`)!;
    const row = listSheet.getRow(cstdcs + 3);
    expect([row.getCell(5).value, row.getCell(5).alignment?.wrapText, row.getCell(7).alignment?.wrapText]).toEqual(['Khoa Xây dựng Đảng', true, true]);
    expect(row.getCell(1).alignment?.wrapText).toBeFalsy();
    expect(listSheet.getCell('A2').alignment?.wrapText).toBeFalsy();
    const ldtt = list.findIndex((l) => l[0] === '2. Danh hiệu "Lao động tiên tiến" (02 cá nhân)');
    // Unit order of the organisation, then the given name: the list's own order, STT again from 1.
    expect(list.slice(ldtt + 2, ldtt + 4).map((l) => l.slice(0, 3))).toEqual([['1', 'Hà Văn Tuấn', 'Nam'], ['2', 'Cầm Thị Hương', 'Nữ']]);
    expect(list.at(-1)).toEqual(['NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ']);

    // DOC-4: the decided holders with their money; CSTĐCS and LĐTT of one person in one year pay only the higher.
    const annex = sheet(`DS kèm theo Quyết định ${YEAR}`);
    expect(annex[2]).toEqual([`(Kèm theo Quyết định số 125/QĐ-TCT ngày 24/12/${YEAR}, số 126/QĐ-TCT ngày 24/12/${YEAR})`]);
    const money = (await s.call('GET', `/api/v1/years/${YEAR}/proposals`)).body.rewards.perAward;
    const header = annex.findIndex((l) => l[0] === 'STT');
    expect(annex[header]).toEqual(['STT', 'Họ và tên / Tên tập thể', 'Chức vụ, đơn vị', 'Danh hiệu/Hình thức', 'Mức thưởng (đồng)', 'Ghi chú']);
    const annexRow = wb.getWorksheet(`DS kèm theo Quyết định ${YEAR}`)!.getRow(header + 3);
    expect([2, 3, 6].map((c) => annexRow.getCell(c).alignment?.wrapText)).toEqual([true, true, true]);
    expect(annex.slice(header + 1)).toEqual([
      ['1', 'Khoa Lý luận cơ sở', 'Tập thể lao động tiên tiến', String(money.TT_LDTT)],
      ['2', 'Lò Văn Long', 'Trưởng khoa, Khoa Xây dựng Đảng', 'Chiến sĩ thi đua cơ sở', String(money.CSTDCS)],
      ['3', 'Lò Văn Long', 'Trưởng khoa, Khoa Xây dựng Đảng', 'Lao động tiên tiến', '0', expect.stringContaining('đã hưởng mức cao nhất (Chiến sĩ thi đua cơ sở, NĐ 152/2025 Điều 49)')],
      ['Tổng cộng', String(money.TT_LDTT + money.CSTDCS)],
    ]);

    // DOC-3: a block per person listed, the stored decisions with their numbers, a year without one said so.
    const tables = sheet(`Bảng thành tích ${YEAR}`);
    expect(tables.filter((l) => /^\d\. /.test(l[0] ?? '')).map((l) => l[0])).toEqual(['1. Lò Văn Long (CB001)', '2. Hà Văn Tuấn (CB016)', '3. Cầm Thị Hương (CB009)']);
    const long = tables.slice(tables.findIndex((l) => l[0] === '1. Lò Văn Long (CB001)'), tables.findIndex((l) => l[0] === '2. Hà Văn Tuấn (CB016)'));
    expect(long).toContainEqual(['Lò Văn Long', 'Nam', '01/09/1998', 'Trưởng khoa', 'Khoa Xây dựng Đảng']);
    expect(long).toContainEqual([String(YEAR - 1), 'Hoàn thành tốt nhiệm vụ', '95']);
    expect(long).toContainEqual([String(YEAR - 1), 'Lao động tiên tiến', `Quyết định số 98/QĐ-TCT ngày 20/12/${YEAR - 1} của Trường Chính trị tỉnh`]);
    expect(long).toContainEqual([String(YEAR), 'Chiến sĩ thi đua cơ sở', `Quyết định số 125/QĐ-TCT ngày 24/12/${YEAR} của Trường Chính trị tỉnh`]);
    expect(long).toContainEqual([String(YEAR), 'Sáng kiến', 'Dạy học theo tình huống', 'Cơ sở', `01/06/${YEAR}`]);
    const tuan = tables.slice(tables.findIndex((l) => l[0] === '2. Hà Văn Tuấn (CB016)'));
    expect(tuan).toContainEqual([String(YEAR - 1), 'Lao động tiên tiến', '(chưa có quyết định trong sổ)']);

    // DOC-5: the mail-merge table, a header on row 1; the year's decisions only (not 2020's LĐTT).
    expect(sheet(`Sổ khen thưởng ${YEAR}`)).toEqual([
      ['Họ và tên', 'Chức vụ, đơn vị', 'Danh hiệu/Hình thức', 'Thành tích', 'Số quyết định', 'Ngày quyết định', 'Số sổ vàng', 'Người ký'],
      ['Khoa Lý luận cơ sở', 'Tập thể lao động tiên tiến', expect.stringMatching(/^năm 2021 xếp loại/), '126/QĐ-TCT', `24/12/${YEAR}`],
      ['Lò Văn Long', 'Trưởng khoa, Khoa Xây dựng Đảng', 'Chiến sĩ thi đua cơ sở', expect.stringContaining('sáng kiến «Dạy học theo tình huống»'), '125/QĐ-TCT', `24/12/${YEAR}`],
      // One achievement line per holder: that of the highest title listed, CSTĐCS here.
      ['Lò Văn Long', 'Trưởng khoa, Khoa Xây dựng Đảng', 'Lao động tiên tiến', expect.stringContaining('sáng kiến «Dạy học theo tình huống»'), '125/QĐ-TCT', `24/12/${YEAR}`],
    ]);

    // REG-3: the comparison as the last section of "Đề nghị khen thưởng".
    const proposals = sheet(`Đề nghị khen thưởng ${YEAR}`);
    const section = proposals.findIndex((l) => l[0] === '6. Đối chiếu đăng ký thi đua');
    expect(section).toBeGreaterThan(0);
    expect(proposals.slice(section + 2, section + 6)).toEqual([
      ['Loại', 'Đạt', 'Vượt đăng ký', 'Chưa đạt', 'Không đăng ký'],
      ['Danh hiệu cá nhân', '0', '1', '1', '1'],
      ['Danh hiệu tập thể', '0', '0', '0', '3'],
      ['Hình thức khen thưởng', '0', '0', '0', '3'],
    ]);
    expect(proposals).toContainEqual(['Cá nhân', 'CB001', 'Lò Văn Long', 'Danh hiệu cá nhân', 'LĐTT', 'CSTĐCS', 'Vượt đăng ký', 'Đủ điều kiện CSTĐCS (đăng ký LĐTT)']);
    expect(proposals).toContainEqual([
      'Cá nhân', 'CB009', 'Cầm Thị Hương', 'Danh hiệu cá nhân', 'CSTĐCS', 'LĐTT', 'Chưa đạt',
      `Chưa đủ CSTĐCS: không có HTXS, sáng kiến được công nhận hay đề tài được nghiệm thu trong năm ${YEAR} (Luật TĐKT Điều 23); đủ điều kiện LĐTT`,
    ]);
  });

  it('splits the list by who decides: the head of the unit, and upward', async () => {
    const out = join(dir, 'split.xlsx');
    expect((await run(['dossier', String(YEAR), '--out', out, '--split-by-authority'])).code).toBe(0);
    const wb: ExcelJS.Workbook = await readXlsx(readFileSync(out), 'split.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toContain(`DS đề nghị khen thưởng ${YEAR} (1)`);
    const own = lines(excelSheet(wb, `DS đề nghị khen thưởng ${YEAR} (1)`));
    expect(own).toContainEqual(['Danh hiệu, hình thức do Thủ trưởng đơn vị quyết định (Luật TĐKT Điều 80 khoản 1)']);
    // Nobody qualifies for a title proposed upward this year: that list says so instead of printing zeros.
    const upward = lines(excelSheet(wb, `DS đề nghị khen thưởng ${YEAR} (2)`));
    expect(upward).toContainEqual(['Không có cá nhân, tập thể nào đủ điều kiện đề nghị.']);
    expect(upward.flat().join(' ')).not.toMatch(/Tổng số/);
  });
});
