import { describe, expect, it } from 'vitest';
import { changedRows, nextSyncState } from '../../../../addin/sheet/changes.ts';
import { readTable } from '../../../../addin/sheet/read-table.ts';
import type { CellValue, SheetGrid, SheetKind, SyncState, WritePlan } from '../../../../addin/sheet/types.ts';
import { validateTable } from '../../../../addin/sheet/validate-table.ts';
import { planWriteBack } from '../../../../addin/sheet/write-plan.ts';
import type { StoredDecisionView, StoredVoteView } from '../../../../server/contract/dossier-sheets.ts';
import type { PledgeSheet, RegistrationSheet } from '../../../../server/contract/registration-sheets.ts';
import type { RowResult } from '../../../../server/contract/push.ts';
import { decisionGrid, pledgeGrid, registrationGrid, voteGrid } from './dossier-grids.ts';

const table = (g: SheetGrid, kind: SheetKind, periodHint?: string) => readTable(g, { kind, ...(periodHint ? { periodHint } : {}) });
const errors = (g: SheetGrid, kind: SheetKind) =>
  validateTable(table(g, kind)).issues.filter((i) => i.severity === 'error').map((i) => i.message);

function apply(g: SheetGrid, plan: WritePlan): CellValue[][] {
  const out = g.values.map((r) => [...r]);
  for (const b of plan.blocks) b.values.forEach((row, i) => row.forEach((v, j) => ((out[b.row + i] ??= [])[b.col + j] = v)));
  return out;
}
const column = (values: CellValue[][], headerRow: number, header: string) => {
  const col = values[headerRow]!.indexOf(header);
  expect(col, header).toBeGreaterThanOrEqual(0);
  return values.slice(headerRow + 1).map((r) => r[col] ?? null);
};
function plan(g: SheetGrid, kind: SheetKind, computed: Parameters<typeof planWriteBack>[1], results: RowResult[] = []) {
  const t = table(g, kind);
  return apply(g, planWriteBack(t, computed, results, validateTable(t).issues));
}
const accepted = (ref: number, key: string, version = 1): RowResult => ({ index: 0, ref, key, status: 'accepted', version, errors: [], stored: null });
const stamp = { version: 1, updatedAt: '2021-12-01T00:00:00Z' };

describe('recognising the dossier sheets', () => {
  it('takes the year from the sheet name, else from the title "… NĂM 2021", else from the pane', () => {
    for (const [kind, grid] of [['registration', registrationGrid], ['pledge', pledgeGrid], ['vote', voteGrid], ['decision', decisionGrid]] as const) {
      expect(table(grid(), kind)).toMatchObject({ period: '2021', periodSource: 'sheetName' });
      expect(table(grid('Sheet1'), kind)).toMatchObject({ period: '2021', periodSource: 'title' });
      const untitled = grid('Sheet1');
      untitled.values[1] = ['DANH SÁCH'];
      expect(table(untitled, kind, '2022')).toMatchObject({ period: '2022', periodSource: 'hint' });
      expect(table(untitled, kind).period).toBeNull();
    }
  });

  it('reads every column of the usual headers, whatever their spelling', () => {
    expect(table(registrationGrid(), 'registration').header.fields).toEqual({
      code: 1, name: 2, unit: 3, title: 4, holder: 5, titleRegistered: 6, awardRegistered: 7, initiativeRegistered: 8, pledge: 9, registeredOn: 10, note: 11,
    });
    expect(table(pledgeGrid(), 'pledge').header.fields).toEqual({ unit: 1, content: 2, target: 3, measure: 4, plan: 5, result: 6, note: 7 });
    expect(table(voteGrid(), 'vote').header.fields).toEqual({ code: 1, name: 2, unit: 3, title: 4, members: 5, present: 6, agree: 7, note: 8 });
    expect(table(decisionGrid(), 'decision').header.fields).toEqual({
      decisionNo: 1, decidedOn: 2, issuer: 3, holder: 4, code: 5, unit: 6, name: 7, title: 8, achievementYear: 9, goldBookNo: 10, note: 11,
    });
  });

  it('reads the school form\'s "Đăng ký thi đua, khen thưởng" over Thi đua and Khen thưởng, and "Tên tập thể" as the unit', () => {
    const g: SheetGrid = {
      name: 'Đăng ký 2021',
      values: [
        ['STT', 'Tên tập thể', 'Đăng ký thi đua, khen thưởng', null],
        [null, null, 'Thi đua', 'Khen thưởng'],
        [1, 'Khoa Lý luận cơ sở', 'TTLĐXS', 'Giấy khen'],
      ],
      top: 0,
      left: 0,
      merges: [{ row: 0, col: 2, rows: 1, cols: 2 }],
    };
    const t = table(g, 'registration');
    expect(t.header.fields).toMatchObject({ unit: 1, titleRegistered: 2, awardRegistered: 3 });
    expect(validateTable(t).valid.map((r) => r.value)).toEqual([{ ref: 3, unit: 'Khoa Lý luận cơ sở', titleRegistered: 'TT_LDXS', awardRegistered: 'GIAY_KHEN' }]);
    expect(t.rows[0]!.key).toBe('u:khoa lý luận cơ sở');
  });

  it('keys a row by its holder and, on votes and decisions, its title (and year)', () => {
    expect(table(registrationGrid(), 'registration').rows.map((r) => r.key)).toEqual([
      'p:CB001', 'n:cầm thị hương|phòng tổ chức - hành chính', 'u:khoa lý luận cơ sở', 'p:CB016',
    ]);
    expect(table(pledgeGrid(), 'pledge').rows.map((r) => r.key)).toEqual([
      'khoa xây dựng đảng|giảng dạy vượt định mức', 'khoa xây dựng đảng|bài viết đăng tạp chí', 'khoa lý luận cơ sở|giảng dạy vượt định mức',
    ]);
    expect(table(voteGrid(), 'vote').rows.map((r) => r.key)).toEqual(['p:CB001|CSTDCS', 'p:CB001|LDTT', 'u:khoa lý luận cơ sở|TT_LDXS']);
    expect(table(decisionGrid(), 'decision').rows.map((r) => r.key)).toEqual(['p:CB001|CSTDCS|2020', 'p:CB001|LDTT|2020', 'u:khoa lý luận cơ sở|TT_LDXS|2020']);
  });
});

describe('checking the dossier sheets against the service contract', () => {
  it('passes the familiar rows, read as the service reads them', () => {
    const reg = validateTable(table(registrationGrid(), 'registration'));
    expect(reg.issues).toEqual([]);
    expect(reg.valid.map((r) => r.value)).toMatchObject([
      { code: 'CB001', holder: 'person', titleRegistered: 'CSTDCS', awardRegistered: 'GIAY_KHEN', registeredOn: '2021-01-15' },
      { name: 'Cầm Thị Hương', titleRegistered: 'LDTT' },
      { unit: 'Khoa Lý luận cơ sở', holder: 'unit', titleRegistered: 'TT_LDXS', pledge: '100% giảng viên đạt chuẩn' },
      { code: 'CB016', pledge: 'Hoàn thành 100% kế hoạch giảng dạy' },
    ]);
    const pledges = validateTable(table(pledgeGrid(), 'pledge'));
    expect(pledges.issues).toEqual([]);
    expect(pledges.valid.map((r) => [r.value.plan, r.value.result])).toEqual([[400, 456], [0, 2], [360, undefined]]);
    const votes = validateTable(table(voteGrid(), 'vote'));
    expect(votes.issues).toEqual([]);
    expect(votes.valid.map((r) => [r.value.title, r.value.members, r.value.present, r.value.agree])).toEqual([
      ['CSTDCS', 9, 9, 8], ['LDTT', 9, 9, 9], ['TT_LDXS', 9, 6, 7],
    ]);
    const decisions = validateTable(table(decisionGrid(), 'decision'));
    expect(decisions.issues).toEqual([]);
    expect(decisions.valid.map((r) => [r.value.holder, r.value.title, r.value.achievementYear, r.value.decidedOn])).toEqual([
      ['person', 'CSTDCS', 2020, '2020-12-20'], ['person', 'LDTT', 2020, '2020-12-20'], ['unit', 'TT_LDXS', 2020, '2020-12-20'],
    ]);
  });

  it('registration: names the cell of a title the holder may not carry, an unknown commendation, a second row of one person (REG-1, REG-7.9)', () => {
    const g = registrationGrid();
    g.values[4]![6] = 'Tập thể LĐXS'; // G5, a person
    g.values[6]![6] = 'LĐTT'; // G7, a collective
    g.values.push([5, 'CB001', 'Lò Văn Long', 'Khoa Xây dựng Đảng', '', '', 'LĐTT', '', '', '', '', '']);
    g.values.push([6, '', 'Lường Văn Mạnh', 'Khoa Xây dựng Đảng', '', 'Cá nhân', 'LĐTT', 'Huân chương', '', '', '', '']);
    expect(errors(g, 'registration')).toEqual([
      'B5: Mã CB "CB001" đăng ký hai lần (cùng dòng 9): mỗi người, mỗi tập thể chỉ một dòng mỗi năm',
      'B9: Mã CB "CB001" đăng ký hai lần (cùng dòng 5): mỗi người, mỗi tập thể chỉ một dòng mỗi năm',
      'G5: "Tập thể LĐXS" chỉ đăng ký cho tập thể',
      'G7: "LĐTT" chỉ đăng ký cho cá nhân',
      'H10: Hình thức khen thưởng đăng ký phải là một trong: Giấy khen, Bằng khen UBND tỉnh',
    ]);
  });

  it('pledge: names a plan that is not a number, a negative result, a missing content, one target typed twice', () => {
    const g = pledgeGrid();
    g.values[4]![5] = 'bốn trăm';
    g.values[5]![6] = -2;
    g.values[6]![2] = '';
    g.values.push([4, 'Khoa Xây dựng Đảng', 'GIẢNG DẠY VƯỢT ĐỊNH MỨC', '', '', 1, 1, '']);
    expect(errors(g, 'pledge')).toEqual([
      'C5: Đơn vị "Khoa Xây dựng Đảng" đã có Nội dung giao ước «Giảng dạy vượt định mức» ở dòng 8',
      'C8: Đơn vị "Khoa Xây dựng Đảng" đã có Nội dung giao ước «GIẢNG DẠY VƯỢT ĐỊNH MỨC» ở dòng 5',
      'F5: Kế hoạch phải là số (ví dụ 12 hoặc 85,5)',
      'G6: Kết quả không được âm',
      'C7: Thiếu Nội dung giao ước',
    ]);
  });

  it('vote: names A > N and N = 0 (DOC-8.3, 8.4), an unknown title, one title voted twice for one person', () => {
    const g = voteGrid();
    g.values[4]![7] = 10;
    g.values[5]![5] = 0;
    g.values[6]![4] = 'Huân chương';
    g.values.push([4, 'CB001', 'Lò Văn Long', 'Khoa Xây dựng Đảng', 'Chiến sĩ thi đua cơ sở', 9, '', 7, '']);
    expect(errors(g, 'vote')).toEqual([
      'E5: Mã CB "CB001" có hai dòng biểu quyết cùng danh hiệu "CSTĐCS" (dòng 8)',
      'E8: Mã CB "CB001" có hai dòng biểu quyết cùng danh hiệu "Chiến sĩ thi đua cơ sở" (dòng 5)',
      'H5: Số phiếu đồng ý (10) lớn hơn Số thành viên Hội đồng (9)',
      'F6: Số thành viên Hội đồng phải từ 1 trở lên',
      'E7: Danh hiệu phải là một trong: LĐTT, CSTĐCS, CSTĐ cấp tỉnh, Bằng khen UBND tỉnh, Giấy khen, Tập thể LĐTT, Tập thể LĐXS',
    ]);
  });

  it('decision: names a missing number, an impossible date, a person\'s title for a collective, a holder it cannot name', () => {
    const g = decisionGrid();
    g.values[4]![1] = '';
    g.values[5]![2] = '31/02/2020';
    g.values[6]![8] = 'LĐTT';
    g.values.push([4, '127', '01/01/2021', '', '', '', '', '', 'Giấy khen', '', '', '']);
    expect(errors(g, 'decision')).toEqual([
      'B5: Thiếu Số quyết định',
      'C6: Ngày quyết định phải là ngày dạng dd/mm/yyyy',
      'I7: "LĐTT" chỉ tặng cho cá nhân',
      'J8: Thiếu Năm thành tích',
      'G8: Thiếu Đơn vị (tập thể được khen thưởng)',
    ]);
  });

  it('names a missing required column', () => {
    const g = voteGrid();
    for (const row of g.values) row.splice(7, 1); // no Số phiếu đồng ý
    expect(errors(g, 'vote')).toContain('Không tìm thấy cột Số phiếu đồng ý');
  });
});

describe('changed rows of the dossier sheets', () => {
  it('sends every row first, then only the row edited, with the version it was synced at', () => {
    for (const [kind, grid, edit] of [
      ['registration', registrationGrid, (g: SheetGrid) => (g.values[5]![6] = 'CSTĐCS')],
      ['pledge', pledgeGrid, (g: SheetGrid) => (g.values[5]![6] = 3)],
      ['vote', voteGrid, (g: SheetGrid) => (g.values[5]![7] = 8)],
      ['decision', decisionGrid, (g: SheetGrid) => (g.values[5]![10] = 'SV-7')],
    ] as const) {
      const g = grid();
      const valid = validateTable(table(g, kind)).valid;
      const empty: SyncState = { period: '2021', kind, mapping: {}, rows: {}, pending: [] };
      const first = changedRows(valid, empty);
      expect(first.map((c) => c.ref), kind).toEqual(valid.map((r) => r.input.ref));
      const synced = nextSyncState(empty, first, first.map((c) => accepted(c.ref, c.key, 4)));
      expect(changedRows(valid, synced), kind).toEqual([]);
      edit(g);
      const again = changedRows(validateTable(table(g, kind)).valid, synced);
      expect(again.map((c) => [c.ref, c.payload.baseVersion]), kind).toEqual([[6, 4]]);
    }
  });
});

describe('write-back on the dossier sheets', () => {
  const holder = (code: string | null, name: string | null, unit: string) =>
    ({ holder: code || name ? 'person' : 'unit', code, name, unit }) as const;

  it('registration: the pre-checks at sync, the comparison and its failing conditions after Làm mới (REG-2, REG-3)', () => {
    const base = { awardRegistered: null, initiativeRegistered: null, pledge: null, registeredOn: '2021-01-15', position: null, note: null, ...stamp };
    const rows: RegistrationSheet['rows'] = [
      {
        ...holder('CB001', 'Lò Văn Long', 'Khoa Xây dựng Đảng'), ...base, titleRegistered: 'CSTDCS', awardRegistered: 'GIAY_KHEN',
        warnings: ['Đăng ký muộn (hạn 31/03)'],
        comparison: [
          { track: 'person-title', registered: 'CSTDCS', top: 'LDTT', outcome: 'Chưa đạt', reasons: ['Chưa đủ CSTĐCS: chưa HTXS; đủ điều kiện LĐTT'] },
          { track: 'award', registered: 'GIAY_KHEN', top: 'GIAY_KHEN', outcome: 'Đạt', reasons: [] },
        ],
      },
      {
        ...holder('CB009', 'Cầm Thị Hương', 'Phòng Tổ chức - Hành chính'), ...base, titleRegistered: 'LDTT', warnings: [],
        comparison: [{ track: 'person-title', registered: 'LDTT', top: 'CSTDCS', outcome: 'Vượt đăng ký', reasons: ['Đủ điều kiện CSTĐCS (đăng ký LĐTT)'] }],
      },
      { ...holder(null, null, 'Khoa Lý luận cơ sở'), ...base, titleRegistered: 'TT_LDXS', warnings: [] },
    ];
    const out = plan(registrationGrid(), 'registration', rows, [accepted(6, 'CB009')]);
    expect(out[3]!.slice(12)).toEqual(['Kiểm tra đăng ký', 'Kết quả so với đăng ký', 'Giải thích', 'Trạng thái đồng bộ']);
    expect(column(out, 3, 'Kiểm tra đăng ký')).toEqual(['Đăng ký muộn (hạn 31/03)', '', '', '']);
    expect(column(out, 3, 'Kết quả so với đăng ký')).toEqual([
      'Danh hiệu cá nhân: Chưa đạt; Hình thức khen thưởng: Đạt', 'Vượt đăng ký', '', '',
    ]);
    expect(column(out, 3, 'Giải thích')).toEqual(['Chưa đủ CSTĐCS: chưa HTXS; đủ điều kiện LĐTT', 'Đủ điều kiện CSTĐCS (đăng ký LĐTT)', '', '']);
  });

  it('pledge: Tỷ lệ đạt in %, blank when Kế hoạch is 0 or the result is missing (REG-7.10)', () => {
    const row = (unit: string, content: string, rate: number | null): PledgeSheet['rows'][number] => ({
      unit, content, target: null, measure: null, plan: null, result: null, rate, note: null, ...stamp,
    });
    const out = plan(pledgeGrid(), 'pledge', [
      row('Khoa Xây dựng Đảng', 'Giảng dạy vượt định mức', 114),
      row('Khoa Xây dựng Đảng', 'Bài viết đăng tạp chí', null),
      row('Khoa Lý luận cơ sở', 'giảng dạy vượt định mức', 85.5),
    ]);
    expect(column(out, 3, 'Tỷ lệ đạt')).toEqual(['114%', '', '85,5%']);
  });

  it('vote: Tỷ lệ đồng ý, Kết quả and the quorum warning on the row of each title', () => {
    const v = (code: string | null, unit: string, title: StoredVoteView['title'], pct: number | null, passed: boolean | null, warnings: string[] = []): StoredVoteView => ({
      ...holder(code, code ? 'Lò Văn Long' : null, unit), title, members: 9, present: 9, agree: 8, note: null, agreePct: pct, passed,
      reasons: passed === false ? ['88,9% đồng ý, dưới 90%'] : [], warnings, ...stamp,
    });
    const out = plan(voteGrid(), 'vote', [
      v(null, 'Khoa Lý luận cơ sở', 'TT_LDXS', 77.8, null, ['Phiên họp xét khen thưởng cần ít nhất 80% thành viên dự']),
      v('CB001', 'Khoa Xây dựng Đảng', 'LDTT', 100, null),
      v('CB001', 'Khoa Xây dựng Đảng', 'CSTDCS', 88.9, true),
    ]);
    expect(column(out, 3, 'Tỷ lệ đồng ý')).toEqual(['88,9%', '100%', '77,8%']);
    expect(column(out, 3, 'Kết quả')).toEqual(['Đạt', '', '']);
    expect(column(out, 3, 'Giải thích')).toEqual(['', '', 'Phiên họp xét khen thưởng cần ít nhất 80% thành viên dự']);
  });

  it('decision: the warnings of each decision, matched by holder, title and Năm thành tích', () => {
    const d = (code: string | null, unit: string, title: StoredDecisionView['title'], year: number, warnings: string[]): StoredDecisionView => ({
      ...holder(code, code ? 'Lò Văn Long' : null, unit), title, achievementYear: year, decisionNo: '125/QĐ-TCT', decidedOn: '2020-12-20',
      issuer: null, goldBookNo: null, note: null, warnings, differsFromProposal: false, ...stamp,
    });
    const out = plan(decisionGrid(), 'decision', [
      d('CB001', 'Khoa Xây dựng Đảng', 'LDTT', 2020, ['Năm chưa chốt']),
      d('CB001', 'Khoa Xây dựng Đảng', 'LDTT', 2019, ['không phải dòng này']),
      d(null, 'Khoa Lý luận cơ sở', 'TT_LDXS', 2020, ['Quyết định khác kết quả xét của Bình Xét: chưa đủ thành viên LĐTT']),
    ]);
    expect(column(out, 3, 'Giải thích')).toEqual(['', 'Năm chưa chốt', 'Quyết định khác kết quả xét của Bình Xét: chưa đủ thành viên LĐTT']);
  });
});
