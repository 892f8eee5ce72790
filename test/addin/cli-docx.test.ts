import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../addin/cli.ts';
import { capture } from '../support/capture.ts';
import { testDatabases } from '../support/databases.ts';
import { buildDocx, para, readDocx, row, table } from '../support/docx-template.ts';
import { startHttpService } from '../support/http-service.ts';
import { YEAR, period, schoolYear } from '../server/years/school-year.ts';

describe.each(testDatabases())('the command line’s Word documents from an organisation’s template on $name', (database) => {
  let s: Awaited<ReturnType<typeof startHttpService>>;
  const dir = mkdtempSync(join(tmpdir(), 'binhxet-cli-docx-'));
  const env = () => ({ BINHXET_URL: s.url, BINHXET_TOKEN: s.adminKey });
  const run = async (args: string[]) => {
    const err = capture();
    const said = capture();
    const code = await runCli(args, env(), err.stream, said.stream);
    return { code, err: err.text(), said: said.text() };
  };
  const template = async (name: string, body: string) => {
    const path = join(dir, name);
    writeFileSync(path, await buildDocx(body));
    return path;
  };
  let withdrawnKey = '';

  beforeAll(async () => {
    s = await startHttpService(await database.open());
    const data = await schoolYear();
    for (let m = 1; m <= 12; m++) {
      expect((await s.call('POST', `/api/v1/months/${period(m)}/people`, { body: { rows: data.months[m - 1] } })).status).toBe(200);
      expect((await s.call('POST', `/api/v1/months/${period(m)}/units`, { body: { rows: data.unitMonths[m - 1] } })).status).toBe(200);
    }
    await s.call('POST', `/api/v1/years/${YEAR}/people`, { body: { rows: data.yearly } });
    await s.call('POST', `/api/v1/years/${YEAR}/initiatives`, { body: { rows: data.initiatives } });
    const votes = await s.call('POST', `/api/v1/years/${YEAR}/votes`, {
      body: { rows: [{ code: 'CB001', title: 'CSTĐCS', members: 9, present: 9, agree: 8 }, { code: 'CB016', title: 'CSTĐCS', members: 9, present: 9, agree: 6 }] },
    });
    expect(votes.body.counts.accepted).toBe(2);
    const register = await s.call('POST', `/api/v1/years/${YEAR + 1}/decisions-register`, {
      body: {
        rows: [
          { decisionNo: '12/QĐ-TCT', decidedOn: `20/01/${YEAR + 1}`, code: 'CB001', title: 'CSTĐCS', achievementYear: YEAR },
          { decisionNo: '12/QĐ-TCT', decidedOn: `20/01/${YEAR + 1}`, code: 'CB001', title: 'LĐTT', achievementYear: YEAR },
          { decisionNo: '12/QĐ-TCT', decidedOn: `20/01/${YEAR + 1}`, code: 'CB002', title: 'LĐTT', achievementYear: YEAR },
        ],
      },
    });
    expect(register.body.counts.accepted).toBe(3);
    const proposals = await s.call('GET', `/api/v1/years/${YEAR}/proposals`);
    withdrawnKey = proposals.body.people.find((p: any) => p.code !== 'CB001' && p.proposals.some((t: any) => t.title === 'LDTT' && t.eligible)).code;
    const withdraw = await s.call('POST', `/api/v1/years/${YEAR}/decisions`, {
      body: { kind: 'withdraw', subject: 'person', key: withdrawnKey, title: 'LDTT', reason: 'Đang xác minh' },
    });
    expect(withdraw.status).toBe(201);
  });
  afterAll(async () => {
    await s.close();
  });

  it('fills the tờ trình’s list, the biên bản’s vote table and the quyết định’s annex from what the service holds', async () => {
    const path = await template(
      'mau.docx',
      para('TỜ TRÌNH số «SO_TO_TRINH» — ', '«TEN_CO_QUAN»', ', năm «NAM»; ký: «NGUOI_KY»') +
        table(row('STT', 'Họ và tên', 'Đơn vị', 'Danh hiệu'), row('«#DANH_SACH»«STT»', '«HO_TEN»', '«DON_VI»', '«DANH_HIEU»«/DANH_SACH»')) +
        table(row('«#BANG_PHIEU»«MA_CB»', '«SO_DONG_Y»/«SO_THANH_VIEN»', '«TY_LE»', '«KET_QUA»«/BANG_PHIEU»')) +
        table(row('«#DANH_SACH_KHEN_THUONG»«HO_TEN»', '«DANH_HIEU»', '«MUC_THUONG»', '«SO_QUYET_DINH»«/DANH_SACH_KHEN_THUONG»')) +
        para('Tổng tiền thưởng: «TONG_TIEN_THUONG» đồng'),
    );
    const out = join(dir, 'to-trinh.docx');
    const done = await run(['docx', String(YEAR), '--template', path, '--out', out, '--set', 'SO_TO_TRINH=15/TTr-TCT']);
    // «NGUOI_KY» was not given: the document is written with dots for the pen, and the command says so.
    expect(done.err).toBe('«NGUOI_KY» để dấu chấm (……) cho người ký điền; ghi --set NGUOI_KY=… để điền sẵn\n');
    expect(done.code).toBe(1);
    const filled = await readDocx(new Uint8Array(readFileSync(out)));
    const organisation = (await s.call('GET', '/api/v1/me')).body.organisation.name;
    expect(filled.paragraphs[0]).toBe(`TỜ TRÌNH số 15/TTr-TCT — ${organisation}, năm ${YEAR}; ký: ……`);

    const lists = (await s.call('GET', `/api/v1/years/${YEAR}/proposal-list`)).body;
    const expected = lists.lists.flatMap((l: any) => l.groups.flatMap((g: any) => g.blocks.flatMap((b: any) => b.rows.map((r: any) => [r.name, r.unit, r.titleLabel]))));
    expect(expected.length).toBeGreaterThan(3);
    const listRows = filled.rows.slice(1, 1 + expected.length);
    expect(listRows.map((r) => r.slice(1))).toEqual(expected);
    expect(listRows.map((r) => r[0])).toEqual(expected.map((_: unknown, i: number) => String(i + 1)));
    expect(done.said).toBe(`Đã ghi "${out}" từ mẫu "${path}", năm ${YEAR}: DANH_SACH ${expected.length} dòng, BANG_PHIEU 2 dòng, DANH_SACH_KHEN_THUONG 3 dòng\n`);
    // The withdrawn title is off the list the tờ trình carries.
    const withdrawn = (await s.call('GET', `/api/v1/years/${YEAR}/proposals`)).body.people.find((p: any) => p.code === withdrawnKey);
    expect(listRows.some((r) => r[1] === withdrawn.name && r[3] === 'Lao động tiên tiến')).toBe(false);

    const voteRows = filled.rows.slice(1 + expected.length, 3 + expected.length);
    // CSTĐCS needs 80 % of the council by the default rule set: 8/9 passes, 6/9 does not.
    expect(voteRows).toEqual([['CB001', '8/9', '88,9%', 'Đạt'], ['CB016', '6/9', '66,7%', 'Không đạt']]);

    const annex = filled.rows.slice(3 + expected.length);
    const names = (await s.call('GET', '/api/v1/roster')).body.people;
    const nameOf = (code: string) => names.find((p: any) => p.code === code).name;
    // Highest title first; CB001's LĐTT is listed but paid 0, the CSTĐCS being the higher reward of that year.
    expect(annex[0]).toEqual([nameOf('CB001'), 'Chiến sĩ thi đua cơ sở', '2.340.000', '12/QĐ-TCT']);
    expect(annex.slice(1)).toHaveLength(2);
    expect(annex.slice(1)).toEqual(
      expect.arrayContaining([
        [nameOf('CB001'), 'Lao động tiên tiến', '0', '12/QĐ-TCT'],
        [nameOf('CB002'), 'Lao động tiên tiến', '710.000', '12/QĐ-TCT'],
      ]),
    );
    expect(annex.map((r) => r[2]).sort()).toEqual(['0', '2.340.000', '710.000']);
    expect(filled.paragraphs.at(-1)).toBe('Tổng tiền thưởng: 3.050.000 đồng');
  });

  it('names an unknown placeholder, lists what it could be, and writes nothing', async () => {
    const path = await template('sai.docx', para('Năm «NAM», «SO_CONG_VAN»') + table(row('«#DANH_SACH»«HO_TE»', '«DANH_HIEU»«/DANH_SACH»')));
    const out = join(dir, 'sai-ra.docx');
    const done = await run(['docx', String(YEAR), '--template', path, '--out', out]);
    expect(done.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(done.err).toContain('«SO_CONG_VAN» (thân văn bản) không phải chỗ trống Bình Xét biết điền\n');
    expect(done.err).toContain('«HO_TE» (trong «#DANH_SACH», thân văn bản) không phải chỗ trống Bình Xét biết điền; có phải «HO_TEN»?\n');
    expect(done.err).toContain('Mẫu có 2 chỗ trống không rõ; chưa ghi tệp.');
    expect(done.err).toContain('«#BANG_PHIEU» … «/BANG_PHIEU»');
    // A value of the user's own, given with --set, is a known placeholder.
    const own = await run(['docx', String(YEAR), '--template', await template('rieng.docx', para('«SO_CONG_VAN»')), '--out', out, '--set', 'SO_CONG_VAN=7/CV-TCT']);
    expect(own).toMatchObject({ code: 0, err: '' });
    expect((await readDocx(new Uint8Array(readFileSync(out)))).paragraphs).toEqual(['7/CV-TCT']);
  });

  it('refuses a broken template, a bad --set, a missing template or year, and lists the placeholders on request', async () => {
    const broken = await template('hong.docx', para('«#DANH_SACH» «HO_TEN»'));
    const out = join(dir, 'hong-ra.docx');
    expect(await run(['docx', String(YEAR), '--template', broken, '--out', out])).toMatchObject({
      code: 2,
      err: 'Danh sách «#DANH_SACH» chưa có «/DANH_SACH» đóng (thân văn bản)\nChưa ghi tệp: hãy sửa mẫu rồi chạy lại.\n',
    });
    expect(existsSync(out)).toBe(false);
    expect(await run(['docx', String(YEAR), '--template', broken, '--out', out, '--set', 'so to trinh'])).toMatchObject({ code: 2, err: expect.stringContaining('--set "so to trinh": cần dạng TÊN=giá trị') });
    expect(await run(['docx', String(YEAR), '--out', out])).toMatchObject({ code: 2, err: expect.stringContaining('Thiếu --template <mẫu.docx>') });
    expect(await run(['docx', '23', '--template', broken, '--out', out])).toMatchObject({ code: 2, err: expect.stringContaining('Năm phải có dạng YYYY') });
    expect(await run(['docx', String(YEAR), '--template', broken, '--out', broken])).toMatchObject({ code: 2, err: expect.stringContaining('--out không được trùng --template') });
    const notWord = join(dir, 'khong-phai.docx');
    writeFileSync(notWord, 'Họ và tên,Đơn vị\n');
    expect(await run(['docx', String(YEAR), '--template', notWord, '--out', out])).toMatchObject({ code: 2, err: expect.stringContaining('Tệp mẫu không phải tài liệu Word .docx') });
    const listed = await run(['docx', '--placeholders']);
    expect(listed.code).toBe(0);
    expect(listed.said).toContain('«#DANH_SACH_KHEN_THUONG» … «/DANH_SACH_KHEN_THUONG»');
    expect((await run(['--help'])).err).toContain('docx <YYYY> --template <mẫu.docx> --out <ra.docx>');
  });
});
