import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedRows, nextSyncState } from '../../../../addin/sheet/changes.ts';
import { checkSheetRow } from '../../../../addin/sheet/contract-check.ts';
import { readTable } from '../../../../addin/sheet/read-table.ts';
import type { SheetGrid, SheetKind, SyncState } from '../../../../addin/sheet/types.ts';
import { validateTable } from '../../../../addin/sheet/validate-table.ts';
import { checkRow } from '../../../../server/contract/row-validation.ts';
import { studentRowSchema } from '../../../../server/contract/students.ts';
import { initiativeRowSchema } from '../../../../server/contract/year-initiative-row.ts';
import { personYearRowSchema } from '../../../../server/contract/year-person-row.ts';
import { initiativeGrid, studentGrid, yearGrid } from './grids.ts';

const validate = (g: SheetGrid, kind: SheetKind) => validateTable(readTable(g, { kind }));
const errors = (g: SheetGrid, kind: SheetKind) => validate(g, kind).issues.filter((i) => i.severity === 'error').map((i) => i.message);

describe('the yearly sheet against the service contract', () => {
  it('passes the familiar rows with their values read as the service reads them', () => {
    const { valid, issues } = validate(yearGrid(), 'year');
    expect(issues).toEqual([]);
    expect(valid.map((r) => r.value)).toMatchObject([
      { code: 'CB001', allTasksDone: true, exceededPct: 45, latePct: 0, voteAgree: 9, voteTotal: 10, sex: 'nam', recruitedOn: '1998-09-01' },
      { name: 'Cầm Thị Hương', allTasksDone: true, exceededPct: 30, note: 'Mới chuyển đến' },
      { code: 'CB016', pendingDisciplineCase: true, priorTitles: 'CSTĐCS 2020' },
    ]);
  });

  it('names the cell of each bad value, the council vote across its two cells', () => {
    const g = yearGrid();
    g.values[4]![13] = 11; // N5: 11 of 10
    g.values[5]![13] = 7; // N6 without a total
    g.values[6]![15] = 'CSTĐ 2019'; // P7
    g.values[6]![9] = 130; // J7
    expect(errors(g, 'year')).toEqual([
      'N5: Số phiếu đồng ý (CSTĐCS) (11) lớn hơn Số thành viên Hội đồng (10)',
      'O6: Cần ghi cả Số phiếu đồng ý (CSTĐCS) và Số thành viên Hội đồng',
      'J7: Tỷ lệ nhiệm vụ vượt mức phải từ 0 đến 100',
      'P7: Danh hiệu các năm trước: không hiểu «CSTĐ 2019» (ghi như "CSTĐCS 2019, CSTĐCS 2020, HTXS 2020")',
    ]);
  });

  it('holds back a repeated staff code, naming both rows', () => {
    const g = yearGrid();
    g.values[6]![1] = 'CB001';
    expect(errors(g, 'year')).toEqual(['B5: Mã CB "CB001" bị trùng với dòng 7', 'B7: Mã CB "CB001" bị trùng với dòng 5']);
  });
});

describe('the initiatives sheet against the service contract', () => {
  it('reads kinds and levels as the service does', () => {
    const { valid, issues } = validate(initiativeGrid(), 'initiative');
    expect(issues).toEqual([]);
    expect(valid.map((r) => [r.value.kind, r.value.level, r.value.recognisedOn])).toEqual([
      ['sáng kiến', 'tinh', '2021-05-10'],
      ['đề tài', undefined, '2021-06-01'],
      ['sáng kiến', 'co-so', '2021-11-20'],
    ]);
  });

  it('names the level a sáng kiến lacks, the missing date, an unknown kind and a person it cannot find', () => {
    const g = initiativeGrid();
    g.values[4]![6] = ''; // G5: a sáng kiến needs its level
    g.values[5]![7] = ''; // H6: no date
    g.values[6]![4] = 'Giải pháp'; // E7
    g.values.push([4, '', 'Lò Văn Long', '', 'Đề tài', 'Lịch sử Đảng bộ tỉnh', '', '02/02/2021', '']);
    expect(errors(g, 'initiative')).toEqual([
      'G5: Sáng kiến cần Cấp công nhận: cơ sở, tỉnh hoặc toàn quốc',
      'H6: Thiếu Ngày công nhận (ngày công nhận sáng kiến, nghiệm thu đề tài)',
      'E7: Loại phải là "Sáng kiến" hoặc "Đề tài"',
      'B8: Cần Mã CB, hoặc Họ và tên và Đơn vị',
    ]);
  });

  it('sees one initiative typed twice, whatever the spelling of its kind and title', () => {
    const g = initiativeGrid();
    g.values.push([4, 'CB016', 'Hà Văn Tuấn', 'Khoa Lý luận cơ sở', 'sáng kiến', 'DẠY HỌC LÝ LUẬN QUA TÌNH HUỐNG', 'Tỉnh', '11/05/2021', '']);
    g.values.push([5, 'CB016', 'Hà Văn Tuấn', 'Khoa Lý luận cơ sở', 'Đề tài', 'Dạy học lý luận qua tình huống', '', '11/05/2021', '']);
    expect(errors(g, 'initiative')).toEqual([
      'F5: Cùng người, cùng loại và cùng tên «Dạy học lý luận qua tình huống» với dòng 8',
      'F8: Cùng người, cùng loại và cùng tên «DẠY HỌC LÝ LUẬN QUA TÌNH HUỐNG» với dòng 5',
    ]);
  });
});

describe('a class sheet against the service contract', () => {
  it('names a bad average, a bad conduct and two students without codes who share a name', () => {
    const g = studentGrid();
    g.values[3]![4] = 10.5; // E4
    g.values[4]![5] = 'Xuất sắc'; // F5
    g.values[6]![3] = 'LÊ THỊ CÚC'; // D7: same name as D6, neither has a code
    expect(errors(g, 'student')).toEqual([
      'D6: Trùng họ tên với dòng 7, cần thêm cột Mã HV để phân biệt',
      'D7: Trùng họ tên với dòng 6, cần thêm cột Mã HV để phân biệt',
      'E4: Điểm trung bình phải từ 0 đến 10',
      'F5: Rèn luyện phải là Tốt, Khá, Trung bình hoặc Yếu',
    ]);
  });

  it('holds back a row of another class, and passes "Không" as no discipline', () => {
    const g = studentGrid();
    g.values[7]![1] = 'TC K46';
    const { valid, invalid } = validate(g, 'student');
    expect(invalid.map((r) => r.row + 1)).toEqual([8]);
    expect(valid.find((r) => r.key === 'phạm văn dũng')!.value).toMatchObject({ gpa: 8.2, conduct: 'Khá', discipline: undefined });
  });
});

describe('changes between syncs on the new kinds', () => {
  it('sends only the rows that changed, keyed so that sorting changes nothing', () => {
    const g = studentGrid();
    const first = validate(g, 'student').valid;
    const empty: SyncState = { period: 'TC K45', kind: 'student', mapping: {}, rows: {}, pending: [] };
    const sent = changedRows(first, empty);
    expect(sent).toHaveLength(5);
    const results = sent.map((c, index) => ({ index, ref: c.ref, key: c.key, status: 'accepted' as const, version: 1, errors: [], stored: null }));
    const state = nextSyncState(empty, sent, results);
    const sorted = studentGrid();
    const body = sorted.values.slice(3).reverse();
    sorted.values.splice(3, body.length, ...body);
    sorted.values[4]![4] = 8.5; // Phạm Văn Dũng, now on row 5
    const again = changedRows(validate(sorted, 'student').valid, state);
    expect(again.map((c) => [c.key, c.ref, c.baseVersion])).toEqual([['phạm văn dũng', 5, 1]]);
  });
});

describe('checkSheetRow on the new kinds (the quick path equals the contract)', () => {
  const cell = fc.oneof(
    fc.constant(undefined),
    fc.constant(''),
    fc.integer({ min: -2, max: 12 }),
    fc.double({ min: -1, max: 11, noNaN: true }),
    fc.constantFrom('x', 'Không', 'Có', 'Tốt', 'khá', 'Sáng kiến', 'đề tài', 'SK', 'Cấp tỉnh', 'cơ sở', '10/05/2021', 'CB01', 'HV 1'),
    fc.constantFrom('CSTĐCS 2019, 2020', 'HTXS 2020', 'khiển trách', '8,75', '45%', 'Nam', 'TC K45'),
    fc.string({ maxLength: 5 }),
  );
  const keys = [
    'code', 'name', 'unit', 'kind', 'title', 'level', 'recognisedOn', 'note', 'class', 'gpa', 'conduct', 'discipline',
    'allTasksDone', 'exceededPct', 'latePct', 'pendingDisciplineCase', 'voteAgree', 'voteTotal', 'priorTitles', 'sex',
  ];
  const row = fc.record(Object.fromEntries(keys.map((k) => [k, cell])), { requiredKeys: [] });

  it('gives exactly what checkRow gives for yearly, initiative and student rows', () => {
    fc.assert(
      fc.property(row, fc.integer({ min: 1, max: 100_000 }), (input, ref) => {
        const withRef = { ...input, ref };
        expect(checkSheetRow('year', withRef)).toEqual(checkRow(personYearRowSchema, withRef));
        expect(checkSheetRow('initiative', withRef)).toEqual(checkRow(initiativeRowSchema, withRef));
        expect(checkSheetRow('student', withRef)).toEqual(checkRow(studentRowSchema, withRef));
      }),
      { numRuns: 400 },
    );
  });
});
