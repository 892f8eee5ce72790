import { describe, expect, it } from 'vitest';
import type { ComputedStudent } from '../../../../addin/sheet/kinds/student.ts';
import type { PersonYearView } from '../../../../addin/sheet/kinds/year.ts';
import { readTable } from '../../../../addin/sheet/read-table.ts';
import type { CellValue, SheetGrid, SheetKind, WritePlan } from '../../../../addin/sheet/types.ts';
import { validateTable } from '../../../../addin/sheet/validate-table.ts';
import { planWriteBack } from '../../../../addin/sheet/write-plan.ts';
import type { RowResult } from '../../../../server/contract/push.ts';
import type { StoredInitiative } from '../../../../server/contract/year-sheets.ts';
import { initiativeGrid, studentGrid, yearGrid } from './grids.ts';

function yearRow(code: string, name: string, unit: string, version: number | null): PersonYearView {
  return {
    code, name, unit, dutyGroup: 'Giảng viên',
    monthScores: Array<number | null>(12).fill(90), monthsCounted: 12, monthsAbsent: 0, monthsMaternity: 0, annualScore: 90,
    level: 'HTXS', label: 'Hoàn thành xuất sắc nhiệm vụ', levelBeforeQuota: 'HTXS', rankInOrg: 1, rankInUnit: 1,
    reasons: ['Điểm năm 90 từ 90 trở lên', 'Hội đồng quyết định xếp HTXS: Chủ trì chuyển đổi số'], tieAtQuota: false, quotaGroup: null,
    allTasksDone: true, exceededPct: null, latePct: null, discipline: null, pendingDisciplineCase: null, voteAgree: null,
    voteTotal: null, priorTitles: null, note: null, version, updatedAt: null,
  };
}

function initiative(code: string, name: string, unit: string, kind: StoredInitiative['kind'], title: string, version: number): StoredInitiative {
  return { code, name, unit, kind, title, level: null, recognisedOn: '2021-05-10', note: null, version, updatedAt: '2021-12-01T00:00:00Z' };
}

function student(key: string, name: string, extra: Partial<ComputedStudent> = {}): ComputedStudent {
  return {
    key, code: key.startsWith('HV') ? key : null, name, gpa: 9, conduct: 'Tốt', discipline: null, note: null, band: 'Xuất sắc',
    commended: false, tieAtLimit: false, reasons: ['Điểm trung bình 9 từ 9 trở lên: Xuất sắc'], version: 3,
    updatedAt: '2021-12-01T00:00:00Z', ...extra,
  };
}

const accepted = (ref: number, key: string, version = 1): RowResult => ({ index: 0, ref, key, status: 'accepted', version, errors: [], stored: null });

/** The plan's blocks laid into a grid copy, as a workbook would show them after the write. */
function apply(g: SheetGrid, plan: WritePlan): CellValue[][] {
  const out = g.values.map((r) => [...r]);
  for (const b of plan.blocks) b.values.forEach((row, i) => row.forEach((v, j) => ((out[b.row + i] ??= [])[b.col + j] = v)));
  return out;
}

const column = (values: CellValue[][], headerRow: number, header: string) => {
  const col = values[headerRow]!.indexOf(header);
  return values.slice(headerRow + 1).map((r) => r[col] ?? null);
};

function plan(g: SheetGrid, kind: SheetKind, computed: Parameters<typeof planWriteBack>[1], results: RowResult[] = []) {
  const table = readTable(g, { kind });
  return apply(g, planWriteBack(table, computed, results, validateTable(table).issues));
}

describe('write plans of the new kinds', () => {
  it('writes Xếp loại năm, Giải thích and the status on the yearly sheet, a council decision in the explanation', () => {
    const g = yearGrid();
    const computed = [yearRow('CB001', 'Lò Văn Long', 'Khoa Xây dựng Đảng', 2), yearRow('CB009', 'Cầm Thị Hương', 'Phòng Tổ chức - Hành chính', null)];
    const out = plan(g, 'year', computed);
    expect(out[3]!.slice(17)).toEqual(['Xếp loại năm', 'Giải thích', 'Trạng thái đồng bộ']);
    expect(column(out, 3, 'Xếp loại năm')).toEqual(['Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành xuất sắc nhiệm vụ', '']);
    expect(column(out, 3, 'Giải thích')[0]).toContain('Hội đồng quyết định xếp HTXS: Chủ trì chuyển đổi số');
    // Found by name and unit (no code on the row), but no yearly row stored yet; CB016 is not in the answer.
    expect(column(out, 3, 'Trạng thái đồng bộ')).toEqual(['Đã đồng bộ (phiên bản 2)', 'Chưa đồng bộ', 'Chưa đồng bộ']);
  });

  it('writes only the status on the initiatives sheet, finding rows by person, kind and title', () => {
    const g = initiativeGrid();
    const computed = [
      initiative('CB016', 'Hà Văn Tuấn', 'Khoa Lý luận cơ sở', 'sáng kiến', 'Số hóa hồ sơ học viên', 4),
      initiative('CB016', 'Hà Văn Tuấn', 'Khoa Lý luận cơ sở', 'sáng kiến', 'Dạy học lý luận qua tình huống', 2),
      initiative('CB009', 'Cầm Thị Hương', 'Phòng Tổ chức - Hành chính', 'đề tài', 'Công tác dân vận ở cơ sở', 1),
    ];
    const out = plan(g, 'initiative', computed);
    expect(out[3]!.slice(9)).toEqual(['Trạng thái đồng bộ']);
    expect(column(out, 3, 'Trạng thái đồng bộ')).toEqual(['Đã đồng bộ (phiên bản 2)', 'Đã đồng bộ (phiên bản 1)', 'Đã đồng bộ (phiên bản 4)']);
    // The row without a code, answered by the push with the code of the person the service found.
    const pushed = plan(g, 'initiative', [computed[0]!, computed[1]!, { ...computed[2]!, name: 'Cầm Thị Hương (khác)' }], [accepted(6, 'CB009', 5)]);
    expect(column(pushed, 3, 'Trạng thái đồng bộ')[1]).toBe('Đã đồng bộ (phiên bản 5)');
  });

  it('writes band, commendation, explanation and status on a class sheet, each to its own student after sorting', () => {
    const g = studentGrid();
    const computed = [
      student('HV01', 'Nguyễn Thị Ánh', { commended: true }),
      student('HV02', 'Trần Văn Bảo', { tieAtLimit: true }),
      student('lê thị cúc', 'Lê Thị Cúc', { tieAtLimit: true }),
      student('phạm văn dũng', 'Phạm Văn Dũng', { band: 'Giỏi', reasons: ['Rèn luyện Khá: khen thưởng cần rèn luyện Tốt'] }),
      student('HV05', 'Hoàng Văn Em', { band: 'Khá' }),
    ];
    const expected = {
      'Nguyễn Thị Ánh': ['Xuất sắc', 'Có'],
      'Trần Văn Bảo': ['Xuất sắc', 'Đồng điểm — Hội đồng quyết định'],
      'Lê Thị Cúc': ['Xuất sắc', 'Đồng điểm — Hội đồng quyết định'],
      'Phạm Văn Dũng': ['Giỏi', 'Không'],
      'Hoàng Văn Em': ['Khá', 'Không'],
    };
    for (const order of ['as typed', 'reversed']) {
      const sheet = studentGrid();
      if (order === 'reversed') sheet.values.splice(3, 5, ...sheet.values.slice(3).reverse());
      const out = plan(sheet, 'student', computed);
      expect(out[2]!.slice(8)).toEqual(['Xếp loại học tập', 'Khen thưởng', 'Giải thích', 'Trạng thái đồng bộ']);
      const names = column(out, 2, 'Họ và tên');
      const got = Object.fromEntries(names.map((n, i) => [n, [column(out, 2, 'Xếp loại học tập')[i], column(out, 2, 'Khen thưởng')[i]]]));
      expect(got, order).toEqual(expected);
      expect(column(out, 2, 'Trạng thái đồng bộ').every((s) => s === 'Đã đồng bộ (phiên bản 3)')).toBe(true);
    }
    expect(g.values[3]![8]).toBeUndefined();
  });

  it('finds a student without Mã HV by the name the service keys it with, not a namesake with a code; says why a bad row was not sent', () => {
    const g = studentGrid();
    g.values[3]![4] = 11;
    const computed = [student('HV09', 'Lê Thị Cúc', { band: 'Khá' }), student('lê thị cúc', 'Lê Thị Cúc', { band: 'Giỏi' })];
    const out = plan(g, 'student', computed);
    expect(column(out, 2, 'Trạng thái đồng bộ')[0]).toBe('Lỗi: E4: Điểm trung bình phải từ 0 đến 10');
    expect(column(out, 2, 'Xếp loại học tập')).toEqual(['', '', 'Giỏi', '', '']);
  });
});
