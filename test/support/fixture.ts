import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';

export const FIXTURE_XLSX = new URL('../fixtures/danh-gia-thang-10-2021.xlsx', import.meta.url);
export const FIXTURE_EXPECTED = JSON.parse(
  readFileSync(new URL('../fixtures/danh-gia-thang-10-2021.expected.json', import.meta.url), 'utf8'),
) as {
  period: string;
  rows: Record<string, { name: string; level: string; label: string; tieAtQuota: boolean; rankInUnit: number; rankInOrg: number }>;
};

const HEADERS: Record<string, string> = {
  'Mã CB': 'code',
  'Họ và tên': 'name',
  'Chức vụ': 'title',
  'Đơn vị': 'unit',
  Nhóm: 'dutyGroup',
  'Điểm tự chấm': 'selfScore',
  'Điểm đánh giá': 'score',
  'Kỷ luật': 'discipline',
  'Ghi chú': 'note',
};

/** The fixture's rows as API rows, read with exceljs by header text (the sheet engine has its own tests). */
export async function fixtureRows(): Promise<Record<string, unknown>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE_XLSX.pathname);
  const ws = wb.worksheets[0]!;
  let headerRow = 0;
  const columns = new Map<number, string>();
  ws.eachRow((row, r) => {
    if (headerRow) return;
    row.eachCell((cell, c) => {
      const field = HEADERS[String(cell.value).trim()];
      if (field) columns.set(c, field);
    });
    if (columns.size >= 5) headerRow = r;
    else columns.clear();
  });
  const rows: Record<string, unknown>[] = [];
  ws.eachRow((row, r) => {
    if (r <= headerRow) return;
    const out: Record<string, unknown> = { ref: r };
    for (const [c, field] of columns) {
      const v = row.getCell(c).value;
      if (v !== null && v !== undefined && v !== '') out[field] = v;
    }
    if (out.code) rows.push(out);
  });
  return rows;
}
