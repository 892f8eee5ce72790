import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planWriteBack, readTable, validateTable } from '../../../addin/sheet/index.ts';
import type { SheetGrid, SheetTable } from '../../../addin/sheet/types.ts';
import type { ComputedPerson } from '../../../server/contract/results.ts';
import { readFixtureGrid } from './fixture-grid.ts';

interface Expected {
  period: string;
  sheet: string;
  rows: Record<string, { name: string; level: ComputedPerson['level']; label: string; rankInUnit: number | null; rankInOrg: number | null; tieAtQuota: boolean }>;
}

const expected = JSON.parse(
  readFileSync(new URL('../../fixtures/danh-gia-thang-10-2021.expected.json', import.meta.url), 'utf8'),
) as Expected;

function computedFromExpected(table: SheetTable): ComputedPerson[] {
  return table.rows.map((row) => {
    const code = String(row.input.code);
    const e = expected.rows[code]!;
    return {
      code,
      name: e.name,
      unit: String(row.input.unit),
      dutyGroup: null,
      score: null,
      selfScore: null,
      level: e.level,
      label: e.label,
      levelBeforeQuota: e.level,
      rankInUnit: e.rankInUnit,
      rankInOrg: e.rankInOrg,
      reasons: [`Lý do của ${code}`],
      tieAtQuota: e.tieAtQuota,
      version: 3,
      updatedAt: '2021-11-01T00:00:00Z',
      quotaGroup: null,
    };
  });
}

describe('the public fixture (Tháng 10/2021)', () => {
  let grid: SheetGrid;
  beforeAll(async () => {
    grid = await readFixtureGrid();
  });

  it('finds the header on row 5 below the title rows and the merged title A3:J3', () => {
    const table = readTable(grid, { kind: 'person' });
    expect(table.header.headerRows).toEqual([4]);
    expect(table.header.fields).toEqual({
      code: 1,
      name: 2,
      title: 3,
      unit: 4,
      dutyGroup: 5,
      selfScore: 6,
      score: 7,
      discipline: 8,
      note: 9,
    });
    expect(table.header.missing).toEqual([]);
    expect(table.header.columns[0]).toEqual({ col: 0, text: 'STT', role: { type: 'ignore' } });
    expect(table.header.firstDataRow).toBe(5);
  });

  it('reads the 50 people with their month from the sheet name and the title', () => {
    const table = readTable(grid, { kind: 'person' });
    expect(table.rows).toHaveLength(50);
    expect(table.period).toBe(expected.period);
    expect(table.periodSource).toBe('sheetName');
    expect(table.issues).toEqual([]);
    const first = table.rows[0]!;
    expect(first.row).toBe(5);
    expect(first.key).toBe('CB001');
    expect(first.input).toEqual({
      ref: 6,
      code: 'CB001',
      name: 'Đỗ Đức Hùng',
      title: 'Hiệu trưởng',
      unit: 'Ban Giám hiệu',
      dutyGroup: 'Lãnh đạo',
      selfScore: 97.9,
      score: 93,
    });
    for (const row of table.rows) expect(row.input.name).toBe(expected.rows[String(row.key)]!.name);
  });

  it('validates every row, a discipline and a missing score included', () => {
    const table = readTable(grid, { kind: 'person' });
    const { valid, invalid, issues } = validateTable(table);
    // The one row without a score is sent, with a warning naming its person.
    const blank = table.rows.find((r) => r.key === 'CB034')!;
    expect(issues).toEqual([
      expect.objectContaining({ row: blank.row, field: 'score', severity: 'warning', who: blank.input.name }),
    ]);
    expect(issues[0]!.message).toMatch(/^H\d+: chưa có điểm đánh giá/);
    expect(invalid).toEqual([]);
    expect(valid).toHaveLength(50);
    expect(valid.find((r) => r.key === 'CB021')!.value.discipline).toBe('khiển trách');
    expect(valid.find((r) => r.key === 'CB034')!.value.score).toBeUndefined();
  });

  it('writes the computed columns right of Ghi chú in one block, each to its own person even after sorting', () => {
    const sorted: SheetGrid = {
      ...grid,
      values: [...grid.values.slice(0, 5), ...grid.values.slice(5).reverse()],
    };
    for (const sheet of [grid, sorted]) {
      const table = readTable(sheet, { kind: 'person' });
      const plan = planWriteBack(table, computedFromExpected(readTable(grid, { kind: 'person' })), [], []);
      expect(plan.blocks).toHaveLength(1);
      const [block] = plan.blocks;
      expect(block!.row).toBe(4);
      expect(block!.col).toBe(10);
      expect(block!.values[0]).toEqual(['Xếp loại', 'Hạng trong đơn vị', 'Hạng toàn trường', 'Giải thích', 'Trạng thái đồng bộ']);
      table.rows.forEach((row, i) => {
        const e = expected.rows[String(row.key)]!;
        expect(block!.values[i + 1]).toEqual([
          e.label,
          e.rankInUnit ?? '',
          e.rankInOrg ?? '',
          `Lý do của ${row.key}`,
          'Đã đồng bộ (phiên bản 3)',
        ]);
      });
    }
  });
});
