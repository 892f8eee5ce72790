import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellAddress } from '../../../addin/sheet/cell-address.ts';
import { checkSheetRow } from '../../../addin/sheet/contract-check.ts';
import { readTable } from '../../../addin/sheet/read-table.ts';
import { SHEET_KINDS } from '../../../addin/sheet/sheet-kinds.ts';
import type { CellValue, SheetIssue, SheetKind, SheetRow, SheetTable } from '../../../addin/sheet/types.ts';
import { validateTable } from '../../../addin/sheet/validate-table.ts';
import { personRowSchema } from '../../../server/contract/person-row.ts';
import { checkRow } from '../../../server/contract/row-validation.ts';
import { unitRowSchema } from '../../../server/contract/unit-row.ts';
import { familiarGrid, grid } from './grids.ts';

const messages = (g: ReturnType<typeof familiarGrid>) =>
  validateTable(readTable(g, { kind: 'person' })).issues.map((i) => i.message);

describe('validateTable', () => {
  it('names the cell of each bad value, in Vietnamese', () => {
    const g = familiarGrid(10);
    g.values[11]![7] = 120; // H12
    g.values[12]![6] = 'tám mươi'; // G13
    g.values[13]![8] = 'phê bình'; // I14
    g.values[14]![2] = ''; // C15
    expect(messages(g)).toEqual([
      'H12: Điểm đánh giá phải từ 0 đến 100',
      'G13: Điểm tự chấm phải là số',
      'I14: Kỷ luật phải là một trong: khiển trách, cảnh cáo, hạ bậc lương, giáng chức, cách chức, buộc thôi việc (hoặc để trống)',
      'C15: Thiếu Họ và tên',
    ]);
  });

  it('accepts decimal commas and returns the good rows with their parsed values', () => {
    const g = familiarGrid(3);
    g.values[5]![7] = '85,5';
    g.values[6]![7] = 101;
    const { valid, invalid, issues } = validateTable(readTable(g, { kind: 'person' }));
    expect(valid.map((r) => r.key)).toEqual(['CB00001', 'CB00003']);
    expect(valid[0]!.value.score).toBe(85.5);
    expect(invalid.map((r) => r.row)).toEqual([6]);
    expect(issues).toEqual([
      {
        cell: 'H7',
        row: 6,
        field: 'score',
        message: 'H7: Điểm đánh giá phải từ 0 đến 100',
        severity: 'error',
        refs: [{ row: 6, col: 7 }],
        who: 'Trần Văn Long 2',
      },
    ]);
  });

  it('warns of a row with no score, naming the person, and still sends it', () => {
    const g = familiarGrid(2);
    g.values[5]![7] = null;
    const { valid, issues } = validateTable(readTable(g, { kind: 'person' }));
    expect(valid).toHaveLength(2);
    expect(issues).toEqual([
      { cell: 'H6', row: 5, field: 'score', message: 'H6: chưa có điểm đánh giá — sẽ là "Không xếp loại"', severity: 'warning', who: 'Nguyễn Văn Long 1' },
    ]);
  });

  it('names every cell of a check made over several cells (score = its two parts)', () => {
    const values: CellValue[][] = [
      ['Mã CB', 'Họ và tên', 'Đơn vị', 'Tiêu chí chung', 'Kết quả thực hiện nhiệm vụ', 'Điểm đánh giá'],
      ['CB001', 'Lò Văn Long', 'Khoa Xây dựng Đảng', 25, 60, 90],
      ['CB002', 'Lò Văn Sơn', 'Khoa Xây dựng Đảng', 25, 60, null],
    ];
    const { valid, issues } = validateTable(readTable(grid(values, 'T10-2021'), { kind: 'person' }));
    expect(issues).toEqual([
      {
        cell: 'F2',
        row: 1,
        field: 'score',
        message: 'F2, D2, E2: Điểm đánh giá (90) phải bằng Điểm tiêu chí chung + Điểm kết quả thực hiện nhiệm vụ (25 + 60 = 85)',
        severity: 'error',
        refs: [
          { row: 1, col: 5 },
          { row: 1, col: 3 },
          { row: 1, col: 4 },
        ],
        who: 'Lò Văn Long',
      },
    ]);
    expect(valid.map((r) => r.value.score)).toEqual([85]);
  });

  it('reports duplicate staff codes on each row, and duplicate name and unit without a code', () => {
    const g = familiarGrid(4);
    g.values[8]![1] = 'CB00002';
    expect(messages(g)).toEqual(['B7: Mã CB "CB00002" bị trùng với dòng 9', 'B9: Mã CB "CB00002" bị trùng với dòng 7']);
    const values: CellValue[][] = [
      ['Họ và tên', 'Đơn vị', 'Điểm đánh giá'],
      ['Lò Văn Long', 'Khoa Xây dựng Đảng', 80],
      ['LÒ VĂN LONG ', 'Khoa Xây dựng Đảng', 85],
      ['Lò Văn Long', 'Phòng Tổ chức - Hành chính', 85],
    ];
    const result = validateTable(readTable(grid(values, 'T10-2021'), { kind: 'person' }));
    expect(result.issues.map((i) => i.message)).toEqual([
      'A2: Trùng họ tên và đơn vị với dòng 3, cần thêm cột Mã CB để phân biệt',
      'A3: Trùng họ tên và đơn vị với dòng 2, cần thêm cột Mã CB để phân biệt',
    ]);
    expect(result.valid.map((r) => r.row)).toEqual([3]);
  });

  it('blocks every row when a required column is missing, and rows of another month', () => {
    const noScore: CellValue[][] = [['Họ và tên', 'Đơn vị'], ['Lò Văn Long', 'Khoa Xây dựng Đảng']];
    const missing = validateTable(readTable(grid(noScore), { kind: 'person' }));
    expect(missing.valid).toEqual([]);
    expect(missing.issues.map((i) => i.message)).toContain('Không tìm thấy cột Điểm đánh giá');
    const months: CellValue[][] = [
      ['Tháng', 'Họ và tên', 'Đơn vị', 'Điểm đánh giá'],
      ['10/2021', 'Lò Văn Long', 'Khoa Xây dựng Đảng', 80],
      ['10/2021', 'Lò Văn Sơn', 'Khoa Xây dựng Đảng', 80],
      ['11/2021', 'Lò Văn Tú', 'Khoa Xây dựng Đảng', 80],
    ];
    const mixed = validateTable(readTable(grid(months), { kind: 'person' }));
    expect(mixed.valid.map((r) => r.row)).toEqual([1, 2]);
    expect(mixed.issues.map((i) => i.message)).toEqual(['A4: Tháng 11/2021 khác tháng của bảng (10/2021)']);
  });

  it('validates unit sheets with the unit contract', () => {
    const values: CellValue[][] = [
      ['Đơn vị', 'Điểm đánh giá', 'Kỷ luật'],
      ['Khoa Xây dựng Đảng', 95, null],
      ['Phòng Tổ chức - Hành chính', '-5', null],
      ['khoa xây dựng đảng', 90, null],
    ];
    const result = validateTable(readTable(grid(values, 'T10-2021'), { kind: 'unit' }));
    expect(result.issues.map((i) => i.message)).toEqual([
      'A2: Đơn vị "Khoa Xây dựng Đảng" bị trùng với dòng 4',
      'A4: Đơn vị "khoa xây dựng đảng" bị trùng với dòng 2',
      'B3: Điểm đánh giá phải từ 0 đến 100',
    ]);
  });
});

describe('checkSheetRow (the contract, kept cheap for big sheets)', () => {
  const cell = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.constant(''),
    fc.double({ min: -10, max: 120, noNaN: true }),
    fc.integer({ min: -5, max: 105 }),
    fc.constantFrom('85,5', '90', 'x', 'Không', 'khiển trách', 'Thai sản', 'Nam', 'nữ', '12/03/2020', 'CB 01', 'CB01', '  a  '),
    fc.string({ maxLength: 6 }),
    fc.boolean(),
  );
  const fields = ['code', 'name', 'unit', 'dutyGroup', 'title', 'sex', 'recruitedOn', 'leave', 'score', 'selfScore', 'general', 'results', 'allTasksDone', 'exceededPct', 'latePct', 'discipline', 'note'];
  const row = fc.record(Object.fromEntries(fields.map((f) => [f, cell])), { requiredKeys: [] });

  it('gives exactly what checkRow gives, for people and units', () => {
    fc.assert(
      fc.property(row, fc.integer({ min: 1, max: 1_000_000 }), (input, ref) => {
        const withRef = { ...input, ref };
        expect(checkSheetRow('person', withRef)).toEqual(checkRow(personRowSchema, withRef));
        expect(checkSheetRow('unit', withRef)).toEqual(checkRow(unitRowSchema, withRef));
      }),
      { numRuns: 400 },
    );
  });
});

describe('duplicate rows', () => {
  /** The duplicates as first written: every key's rows grouped in one map, groups in the order of first rows. */
  function groupedDuplicates(table: SheetTable): SheetIssue[] {
    const f = table.header.fields;
    const columnOf = (field: string) =>
      table.header.fields[field as keyof typeof f] ?? f.code ?? f.name ?? f.unit ?? table.header.columns[0]?.col ?? 0;
    const byKey = new Map<string, SheetRow[]>();
    for (const row of table.rows) if (row.key !== null) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
    const issues: SheetIssue[] = [];
    for (const group of byKey.values()) {
      if (group.length < 2) continue;
      for (const row of group) {
        const others = group.filter((r) => r !== row).map((r) => r.row + 1).join(', ');
        const { field, message } = SHEET_KINDS[table.kind].duplicate(row.input, others);
        const col = columnOf(field);
        const cell = cellAddress(row.row, col);
        const who = [row.input.name, row.input.unit, row.input.code].map((v) => String(v ?? '').trim()).find((t) => t !== '');
        const named = who ? { who } : {};
        issues.push({ cell, row: row.row, field, message: `${cell}: ${message}`, severity: 'error', refs: [{ row: row.row, col }], ...named });
      }
    }
    return issues;
  }

  const person = fc.tuple(
    fc.constantFrom(null, 'CB1', 'CB2', 'cb2', 'CB3'),
    fc.constantFrom('Lò Văn Long', 'lò văn long', 'Cầm Thị Hương'),
    fc.constantFrom('Khoa Xây dựng Đảng', 'Thư viện'),
    fc.constantFrom(80, 95, 'abc'),
  );
  const unit = fc.tuple(fc.constantFrom('Khoa Xây dựng Đảng', 'khoa xây dựng đảng', 'Thư viện', 'Phòng Tổ chức'), fc.constantFrom(80, -5));
  const tables = fc.oneof(
    fc.array(person, { maxLength: 14 }).map((rows) => ['person', [['Mã CB', 'Họ và tên', 'Đơn vị', 'Điểm đánh giá'], ...rows]] as const),
    fc.array(unit, { maxLength: 10 }).map((rows) => ['unit', [['Đơn vị', 'Điểm đánh giá'], ...rows]] as const),
  );

  it('are named row by row exactly as when every key had its own group', () => {
    fc.assert(
      fc.property(tables, ([kind, values]) => {
        const table = readTable(grid(values.map((r) => [...r]) as CellValue[][], 'T10-2021'), { kind: kind as SheetKind });
        const expected = groupedDuplicates(table);
        const issues = validateTable(table).issues;
        expect(issues.slice(table.issues.length, table.issues.length + expected.length)).toEqual(expected);
        const rest = issues.slice(table.issues.length + expected.length);
        expect(rest.some((i) => i.message.includes('trùng'))).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
