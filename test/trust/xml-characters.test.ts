import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileWorkbook, newWorkbook, readXlsx, writeXlsx } from '../../addin/workbook/file.ts';
import { officeWorkbook } from '../../addin/workbook/office/index.ts';
import { xmlSafeText } from '../../server/contract/text.ts';
import { FakeWorkbook } from '../addin/workbook/fake-excel.ts';
import { parseXml } from '../addin/workbook/xml-tree.ts';
import { testDatabases } from '../support/databases.ts';
import { openOrg, type Org } from './support.ts';

// Every character XML 1.0 cannot hold: an .xlsx is XML, and one such character makes the file unreadable.
const NOT_XML = ['\uFFFE', '\uFFFF', '\u0001', '\u0007', '\u001B', '\u001F', '\u0008'];

describe.each(testDatabases())('characters an .xlsx cannot hold, at the contract on $name', (database) => {
  let org: Org;
  beforeAll(async () => {
    org = await openOrg(await database.open(), 'xml-chars');
  });
  afterAll(async () => {
    await org.db.close();
  });

  it('refuses each in a name, a unit or a note, naming the field and the character, and stores the other rows', async () => {
    const rows = [
      ...NOT_XML.map((ch, i) => ({ code: `X${i}`, name: `Tên${ch}lạ`, unit: 'Khoa A', score: 70 })),
      { code: 'XU', name: 'Người', unit: `Khoa\uFFFEB`, score: 70 },
      { code: 'XN', name: 'Người', unit: 'Khoa A', score: 70, note: `ghi\uFFFFchú` },
      { code: 'OK', name: 'Người tốt', unit: 'Khoa A', score: 70, note: 'tab\tvà xuống dòng\n' },
    ];
    const res = await org.call('POST', '/api/v1/months/2031-06/people', { body: { rows } });
    expect(res.status).toBe(200);
    const results = res.body.results as { status: string; errors: { field: string; message: string }[] }[];
    expect(results.map((r) => [r.status, r.errors[0]?.field ?? null])).toEqual([
      ...NOT_XML.map(() => ['rejected', 'name']),
      ['rejected', 'unit'],
      ['rejected', 'note'],
      ['accepted', null],
    ]);
    expect(results[0]!.errors[0]!.message).toMatch(/^Họ và tên chứa ký tự U\+FFFE không hợp lệ/);
    expect(results[2]!.errors[0]!.message).toContain('U+0001');
    const stored = await org.db.query<{ n: number }>(`select count(*)::int as n from person where org_id = $1`, [org.orgId]);
    expect(stored[0]!.n).toBe(1);
  });

  it('refuses them in what the admin and the council type, naming the field and the character', async () => {
    const { id: userId } = await org.user('viewer');
    const refused = async (method: string, path: string, body: unknown) => {
      const res = await org.call(method, path, { body });
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(422);
      return res.body.error.message as string;
    };
    expect(await refused('POST', '/api/v1/users', { name: 'Cán\uFFFEbộ', role: 'viewer' })).toMatch(/name: Tên người dùng chứa ký tự U\+FFFE không hợp lệ/);
    expect(await refused('POST', '/api/v1/users', { name: 'Lan', role: 'rater', units: ['Khoa\u001BA'] })).toMatch(/units\.0: Tên đơn vị chứa ký tự U\+001B không hợp lệ/);
    expect(await refused('PATCH', `/api/v1/users/${userId}`, { name: 'Lan\uFFFF' })).toMatch(/Tên người dùng chứa ký tự U\+FFFF không hợp lệ/);
    expect(await refused('PATCH', `/api/v1/users/${userId}`, { units: ['Khoa \uD800'] })).toMatch(/Tên đơn vị chứa ký tự U\+D800 không hợp lệ/);
    expect(await refused('POST', '/api/v1/keys', { userId, label: 'máy\u0007' })).toMatch(/label: Nhãn khóa chứa ký tự U\+0007 không hợp lệ/);
    expect(await refused('POST', '/api/v1/months/2031-06/decisions', { kind: 'award', keys: ['CB\u0001'], reason: 'Có sáng kiến' })).toMatch(
      /keys\.0: Mã CB hoặc tên đơn vị chứa ký tự U\+0001 không hợp lệ/,
    );
    expect(await refused('POST', '/api/v1/months/2031-06/decisions', { kind: 'reopen', reason: 'Sửa\uFFFE lại' })).toMatch(/reason: Lý do chứa ký tự U\+FFFE không hợp lệ/);
    expect(
      await refused('POST', '/api/v1/years/2031/decisions', { kind: 'withdraw', key: 'CB\u001F', title: 'CSTDCS', reason: 'Đang xác minh' }),
    ).toMatch(/key: Mã CB hoặc tên đơn vị chứa ký tự U\+001F không hợp lệ/);
  });
});

describe('the workbook writers, a last line of defence for text stored before', () => {
  const hostile = `Tên${NOT_XML.join('')}\uD800 giữ lại`;

  it('the .xlsx writer (exceljs) drops them, so the file written is well-formed XML and opens', async () => {
    const wb = newWorkbook();
    const book = fileWorkbook(wb);
    await book.session(async (s) => {
      await s.addSheet('Tổng hợp', [['Họ và tên'], [hostile]]);
      await s.applyPlan('Tổng hợp', { blocks: [{ row: 2, col: 0, values: [[hostile]] }], highlight: [], clearHighlight: [] });
      await s.saveState('rows', { names: [hostile] });
    });
    const bytes = await writeXlsx(wb);
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
      const xml = await zip.file(name)!.async('string');
      expect(() => parseXml(xml), name).not.toThrow();
    }
    const back = fileWorkbook(await readXlsx(bytes));
    const grid = await back.session((s) => s.readSheet('Tổng hợp'));
    expect(grid.values.flat()).toEqual(['Họ và tên', 'Tên giữ lại', 'Tên giữ lại']);
    // The workbook's own state is JSON with the characters escaped: it comes back exactly.
    expect(await back.session((s) => s.loadState('rows'))).toEqual({ names: [hostile] });
  });

  it("the Office adapter's writes drop them before Excel gets the values", async () => {
    const book = new FakeWorkbook({ S: [[null, null]] });
    await officeWorkbook(book.host()).session(async (s) => {
      await s.applyPlan('S', { blocks: [{ row: 0, col: 0, values: [[hostile, 'bình thường']] }], highlight: [], clearHighlight: [] });
      await s.addSheet('Báo cáo', [[hostile]]);
    });
    expect(book.value('S', 'A1')).toBe('Tên giữ lại');
    expect(book.value('S', 'B1')).toBe('bình thường');
    expect(book.value('Báo cáo', 'A1')).toBe('Tên giữ lại');
  });

  it('xmlSafeText keeps tab, line breaks, Vietnamese and characters beyond the BMP', () => {
    const fine = 'Nguyễn\tThị\nLan\r😀 \u00a0Đ';
    expect(xmlSafeText(fine)).toBe(fine);
  });
});
