import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../server/contract/rule-set.ts';
import { cleanText, parseVnNumber } from '../../../server/contract/text.ts';
import { classifyMonth, type MonthInput, type MonthOutcome } from '../../../server/rules/index.ts';

const FIXTURE = new URL('../../fixtures/danh-gia-thang-10-2021.xlsx', import.meta.url);
const EXPECTED = new URL('../../fixtures/danh-gia-thang-10-2021.expected.json', import.meta.url);
const HEADER_ROW = 5;

interface ExpectedRow {
  level: string;
  tieAtQuota: boolean;
  rankInUnit: number | null;
  rankInOrg: number | null;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
  return String(value);
}

async function readMonth(): Promise<MonthInput[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(fileURLToPath(FIXTURE));
  const sheet = workbook.worksheets[0]!;
  const columns = new Map<string, number>();
  sheet.getRow(HEADER_ROW).eachCell((cell, col) => columns.set(cleanText(cellText(cell.value)), col));
  const column = (header: string) => {
    const col = columns.get(header);
    if (col === undefined) throw new Error(`Header «${header}» not found`);
    return col;
  };
  const col = {
    code: column('Mã CB'),
    unit: column('Đơn vị'),
    dutyGroup: column('Nhóm'),
    score: column('Điểm đánh giá'),
    discipline: column('Kỷ luật'),
  };

  const rows: MonthInput[] = [];
  for (let r = HEADER_ROW + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const text = (column: number) => cleanText(cellText(row.getCell(column).value));
    if (text(col.code) === '') continue;
    rows.push({
      key: text(col.code),
      unit: text(col.unit),
      dutyGroup: text(col.dutyGroup) || null,
      score: parseVnNumber(row.getCell(col.score).value) ?? null,
      discipline: text(col.discipline) || null,
    });
  }
  return rows;
}

describe('the public fixture, October 2021 (danh-gia-thang-10-2021.xlsx)', () => {
  let rows: MonthInput[];
  let expected: Record<string, ExpectedRow>;
  let outcome: MonthOutcome;

  beforeAll(async () => {
    rows = await readMonth();
    expected = JSON.parse(await readFile(EXPECTED, 'utf8')).rows;
    outcome = classifyMonth(rows, DEFAULT_RULE_SET, DEFAULT_RULE_SET.quota.personMonth, { awards: [] });
  });

  it('reads all 50 people', () => {
    expect(rows).toHaveLength(50);
    expect(Object.keys(expected)).toHaveLength(50);
  });

  it('gives every person the expected level, tie flag and ranks', () => {
    const actual = Object.fromEntries(
      outcome.rows.map((r) => [
        r.key,
        { level: r.level, tieAtQuota: r.tieAtQuota, rankInUnit: r.rankInUnit, rankInOrg: r.rankInOrg },
      ]),
    );
    const wanted = Object.fromEntries(
      Object.entries(expected).map(([key, r]) => [
        key,
        { level: r.level, tieAtQuota: r.tieAtQuota, rankInUnit: r.rankInUnit, rankInOrg: r.rankInOrg },
      ]),
    );
    expect(actual).toEqual(wanted);
  });

  it('splits the quota by duty group', () => {
    const facts = outcome.quotas.map(({ group, candidates, allowed, used, tieCodes }) => ({
      group,
      candidates,
      allowed,
      used,
      tieCodes,
    }));
    expect(facts).toEqual([
      { group: 'Lãnh đạo', candidates: 8, allowed: 1, used: 0, tieCodes: ['CB001', 'CB004'] },
      { group: 'Giảng viên', candidates: 22, allowed: 3, used: 3, tieCodes: [] },
      { group: 'Chuyên viên', candidates: 15, allowed: 2, used: 1, tieCodes: ['CB017', 'CB032'] },
    ]);
  });

  it('rates the disciplined teacher KHT and still ranks her by score', () => {
    const row = outcome.rows.find((r) => r.key === 'CB021')!;
    expect(row.level).toBe('KHT');
    expect(row.reasons.at(-1)).toBe('Bị kỷ luật (Khiển trách) trong tháng: Không hoàn thành nhiệm vụ');
    expect(row.rankInOrg).toBe(31);
  });

  it('leaves the person without an assessed score unclassified and unranked', () => {
    const row = outcome.rows.find((r) => r.key === 'CB034')!;
    expect(row).toMatchObject({ level: 'NONE', rankInUnit: null, rankInOrg: null, reasons: ['Chưa có điểm đánh giá'] });
  });
});
