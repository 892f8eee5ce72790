import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../addin/cli.ts';
import { classSheetName } from '../../addin/report/class-commendations.ts';
import { plainValue, readXlsx } from '../../addin/workbook/file.ts';
import { testDatabases } from '../support/databases.ts';
import { startHttpService } from '../support/http-service.ts';
import { CLASS_A, CLASS_B, TIE, YEAR, writeSchoolYear, type YearFile } from './school-year-files.ts';
import { capture } from '../support/capture.ts';


type Grid = unknown[][];

async function sheetGrid(file: string, name: string): Promise<Grid> {
  const ws = (await readXlsx(readFileSync(file))).getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name} in ${file}`);
  const rows: Grid = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row: unknown[] = [];
    for (let c = 1; c <= ws.columnCount; c++) row.push(plainValue(ws.getCell(r, c).value));
    rows.push(row);
  }
  return rows;
}

/** The rows under the header that starts with `first` (and holds `also`), up to the first blank row. */
function tableAfter(grid: Grid, first: string, also: string): Record<string, unknown>[] {
  const top = grid.findIndex((r) => r[0] === first && r.includes(also));
  if (top < 0) throw new Error(`no table ${first}/${also}`);
  const header = grid[top]!.map(String);
  const out: Record<string, unknown>[] = [];
  for (const row of grid.slice(top + 1)) {
    if (row.every((v) => v === null || v === '')) break;
    out.push(Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
  }
  return out;
}

const blank = (v: number | null) => v ?? '';
const AWARD_REASON = 'Chủ trì đề án chuyển đổi số của trường';

describe.each(testDatabases())('a school\'s year synced through the command line on $name', (database) => {
  let s: Awaited<ReturnType<typeof startHttpService>>;
  const dir = mkdtempSync(join(tmpdir(), 'binhxet-year-'));
  const out = (f: YearFile) => f.path.replace(/\.xlsx$/, '.out.xlsx');
  const env = () => ({ BINHXET_URL: s.url, BINHXET_TOKEN: s.adminKey });
  let files: YearFile[] = [];
  let reportFile = '';

  beforeAll(async () => {
    s = await startHttpService(await database.open());
    files = await writeSchoolYear(dir);
  });
  afterAll(async () => {
    await s.close();
  });

  it('syncs every monthly, department, yearly, initiatives and class sheet with exit code 0', async () => {
    for (const file of files) {
      const err = capture();
      const code = await runCli(['sync', file.path, '--out', out(file), '--kind', file.kind], env(), err.stream);
      expect({ file: file.path, code, err: code === 0 ? '' : err.text() }).toEqual({ file: file.path, code: 0, err: '' });
    }
    const month = await s.call('GET', `/api/v1/months/${YEAR}-05/people`);
    expect(month.body.rows).toHaveLength(50);
    const initiatives = await s.call('GET', `/api/v1/years/${YEAR}/initiatives`);
    expect(initiatives.body.rows.map((r: any) => [r.code, r.kind, r.level])).toEqual([
      ['CB016', 'sáng kiến', 'tinh'],
      ['CB025', 'đề tài', null],
      ['CB030', 'sáng kiến', 'co-so'],
    ]);
    const classes = await s.call('GET', '/api/v1/classes');
    expect(classes.body.classes.map((c: any) => [c.class, c.students]).sort()).toEqual([[CLASS_A, 20], [CLASS_B, 12]]);
  });

  it('writes the computed columns into the yearly, initiatives and class sheets', async () => {
    const yearly = files.find((f) => f.kind === 'year')!;
    const rows = tableAfter(await sheetGrid(out(yearly), `Năm ${YEAR}`), 'STT', 'Xếp loại năm');
    const results = (await s.call('GET', `/api/v1/years/${YEAR}/results`)).body;
    const byCode = new Map<string, any>(results.people.map((p: any) => [p.code, p]));
    expect(rows).toHaveLength(50);
    for (const row of rows) {
      const p = byCode.get(String(row['Mã CB']))!;
      expect([row['Mã CB'], row['Xếp loại năm'], row['Giải thích']]).toEqual([p.code, p.label, p.reasons.join('; ')]);
      expect(String(row['Trạng thái đồng bộ'])).toMatch(/^Đã đồng bộ \(phiên bản 1\)$/);
    }
    const initiative = files.find((f) => f.kind === 'initiative')!;
    const statuses = tableAfter(await sheetGrid(out(initiative), `Sáng kiến ${YEAR}`), 'STT', 'Trạng thái đồng bộ');
    expect(statuses.map((r) => r['Trạng thái đồng bộ'])).toEqual(Array(3).fill('Đã đồng bộ (phiên bản 1)'));
    const classA = files.filter((f) => f.kind === 'student')[0]!;
    const students = tableAfter(await sheetGrid(out(classA), 'Học viên'), 'STT', 'Khen thưởng');
    const api = (await s.call('GET', `/api/v1/classes/${encodeURIComponent(CLASS_A)}/students`)).body;
    const byKey = new Map<string, any>(api.students.map((x: any) => [x.name, x]));
    for (const row of students) {
      const x = byKey.get(String(row['Họ và tên']))!;
      expect([row['Xếp loại học tập'], row['Giải thích']]).toEqual([x.band ?? '', x.reasons.join('; ')]);
    }
    expect(students.filter((r) => r['Khen thưởng'] === 'Có').map((r) => r['Mã HV'])).toEqual(['HV01']);
    expect(students.filter((r) => String(r['Khen thưởng']).startsWith('Đồng điểm')).map((r) => r['Mã HV'])).toEqual(['HV02', 'HV03']);
  });

  it('shows a council award made through the API in the yearly sheet\'s explanation after a pull', async () => {
    const before = (await s.call('GET', `/api/v1/years/${YEAR}/results`)).body;
    expect(before.people.filter((p: any) => p.tieAtQuota).map((p: any) => p.code)).toEqual([...TIE]);
    const award = await s.call('POST', `/api/v1/years/${YEAR}/decisions`, { body: { kind: 'award', keys: [TIE[0]], reason: AWARD_REASON } });
    expect(award.status).toBe(201);
    const yearly = files.find((f) => f.kind === 'year')!;
    const pulled = join(dir, 'xep-loai-nam.pulled.xlsx');
    expect(await runCli(['pull', out(yearly), '--out', pulled, '--kind', 'year'], env(), capture().stream)).toBe(0);
    const rows = tableAfter(await sheetGrid(pulled, `Năm ${YEAR}`), 'STT', 'Xếp loại năm');
    const awarded = rows.find((r) => r['Mã CB'] === TIE[0])!;
    expect(awarded['Xếp loại năm']).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(awarded['Giải thích']).toContain(`Hội đồng quyết định xếp HTXS: ${AWARD_REASON}`);
  });

  it('writes "Xếp loại năm", "Đề nghị khen thưởng" and one sheet per class, each with its chart, as the service computes them', async () => {
    reportFile = join(dir, 'nam-2021.xlsx');
    const err = capture();
    const said = capture();
    expect(await runCli(['year', YEAR, '--out', reportFile], env(), err.stream, said.stream)).toBe(0);
    expect(said.text()).toContain('Đã ghi 4 trang');
    const wb = await readXlsx(readFileSync(reportFile));
    const classSheets = [`Khen thưởng học viên ${CLASS_A}`, classSheetName(CLASS_B)];
    expect(classSheets[1]).toBe('Khen thưởng học viên TC K46 –…');
    expect(wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name).sort()).toEqual(
      [`Xếp loại năm ${YEAR}`, `Đề nghị khen thưởng ${YEAR}`, ...classSheets].sort(),
    );
    const zip = await JSZip.loadAsync(readFileSync(reportFile));
    expect(Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(4);

    const results = (await s.call('GET', `/api/v1/years/${YEAR}/results`)).body;
    const grid = await sheetGrid(reportFile, `Xếp loại năm ${YEAR}`);
    const people = tableAfter(grid, 'Mã CB', 'Giải thích');
    expect(people).toEqual(
      results.people.map((p: any) => ({
        'Mã CB': p.code,
        'Họ và tên': p.name,
        'Đơn vị': p.unit,
        'Nhóm chức danh': p.dutyGroup ?? '',
        'Số tháng tính': p.monthsCounted,
        'Điểm năm': blank(p.annualScore),
        'Xếp loại năm': p.label,
        'Hạng trong đơn vị': blank(p.rankInUnit),
        'Hạng toàn trường': blank(p.rankInOrg),
        'Đồng điểm tại ngưỡng': p.tieAtQuota ? 'Có' : '',
        'Giải thích': p.reasons.join('; '),
      })),
    );
    expect(people.find((p) => p['Mã CB'] === TIE[0])!['Giải thích']).toContain(`Hội đồng quyết định xếp HTXS: ${AWARD_REASON}`);
    const units = tableAfter(grid, 'Đơn vị', 'Giải thích');
    expect(units.map((u) => [u['Đơn vị'], u['Xếp loại năm'], u['Giải thích']])).toEqual(
      results.units.map((u: any) => [u.unit, u.label, u.reasons.join('; ')]),
    );
    expect(grid.some((r) => r[1] === 'Xét HTXS trong tỷ lệ' && r[3] === AWARD_REASON)).toBe(true);

    const proposals = (await s.call('GET', `/api/v1/years/${YEAR}/proposals`)).body;
    const pgrid = await sheetGrid(reportFile, `Đề nghị khen thưởng ${YEAR}`);
    const personTitles = tableAfter(pgrid, 'Mã CB', 'Kết quả');
    expect(personTitles.map((r) => [r['Mã CB'], r['Danh hiệu'], r['Kết quả'], r['Lý do']])).toEqual(
      proposals.people.flatMap((p: any) =>
        p.proposals.map((t: any) => [p.code, t.label, t.eligible ? 'Đủ điều kiện' : 'Chưa đủ', t.reasons.join('; ')]),
      ),
    );
    const unitTitles = tableAfter(pgrid, 'Đơn vị', 'Kết quả');
    expect(unitTitles.map((r) => [r['Đơn vị'], r['Danh hiệu'], r['Kết quả']])).toEqual(
      proposals.units.flatMap((u: any) => u.proposals.map((t: any) => [u.unit, t.label, t.eligible ? 'Đủ điều kiện' : 'Chưa đủ'])),
    );
    const rewards = tableAfter(pgrid, 'Danh hiệu', 'Thành tiền (đồng)');
    expect(rewards.at(-1)).toMatchObject({ 'Danh hiệu': 'Tổng cộng', 'Thành tiền (đồng)': proposals.rewards.total });
    expect(proposals.rewards.total).toBeGreaterThan(0);
    expect(pgrid.find((r) => r[0] === 'Mức lương cơ sở (đồng)')![1]).toBe(proposals.rewards.baseSalary);

    const klass = (await s.call('GET', `/api/v1/classes/${encodeURIComponent(CLASS_A)}/students`)).body;
    const cgrid = await sheetGrid(reportFile, classSheets[0]!);
    const listed = tableAfter(cgrid, 'Mã HV', 'Giải thích');
    expect(listed).toHaveLength(20);
    const byName = new Map<string, any>(klass.students.map((x: any) => [x.name, x]));
    for (const row of listed) {
      const x = byName.get(String(row['Họ và tên']))!;
      expect([row['Xếp loại học tập'], row['Đồng điểm tại giới hạn'], row['Giải thích']]).toEqual([x.band ?? '', x.tieAtLimit ? 'Có' : '', x.reasons.join('; ')]);
    }
    expect(said.text()).toContain(`Lớp ${CLASS_A}: 20 học viên, đề nghị khen thưởng 1, đồng điểm 2.`);
  });
});
