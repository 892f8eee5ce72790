import { describe, expect, it } from 'vitest';
import type { WritePlan } from '../../../../addin/sheet/types.ts';
import { HIGHLIGHT_FILL, officeWorkbook, type OfficeWorkbookSession } from '../../../../addin/workbook/office/index.ts';
import { STATE_CELL_CHARS, STATE_SHEET } from '../../../../addin/workbook/state-cells.ts';
import { FakeWorkbook, PAYLOAD_LIMIT } from '../fake-excel.ts';

const noPlan: WritePlan = { blocks: [], highlight: [], clearHighlight: [] };

function session<T>(book: FakeWorkbook, fn: (s: OfficeWorkbookSession) => Promise<T>): Promise<T> {
  return officeWorkbook(book.host()).session(fn);
}

describe('the fake Excel host', () => {
  it('parses a value written without care the way Excel does, so the text tests below mean something', async () => {
    const book = new FakeWorkbook({ S: [[null]] });
    await book.host().run(async (context) => {
      context.workbook.worksheets.getItem('S').getRange('A1:B1').values = [['=1+1', '001']];
      await context.sync();
    });
    expect(book.formula('S', 'A1')).toBe('=1+1');
    expect(book.value('S', 'B1')).toBe(1);
  });
});

describe('readSheet', () => {
  it('reads the used range with where it starts, empty cells as null, in one run and two syncs', async () => {
    const book = new FakeWorkbook();
    book.put('Tháng 10', 'C3', [['Họ tên', 'Điểm'], ['Nguyễn Văn Ánh', 92.5], ['Trần Thị Bình', null]]);
    const grid = await session(book, (s) => s.readSheet('Tháng 10'));
    expect(grid).toEqual({
      name: 'Tháng 10',
      top: 2,
      left: 2,
      values: [['Họ tên', 'Điểm'], ['Nguyễn Văn Ánh', 92.5], ['Trần Thị Bình', null]],
    });
    expect(book.runs).toBe(1);
    expect(book.syncs).toHaveLength(2);
  });

  it('gives the same grid on ExcelApi 1.1, where formatted empty cells count as used', async () => {
    const book = new FakeWorkbook();
    const sheet = book.put('S', 'B2', [['a', 1]]);
    sheet.fills.set('9,7', HIGHLIGHT_FILL);
    book.apiVersion = 1;
    expect(await session(book, (s) => s.readSheet('S'))).toEqual({ name: 'S', top: 1, left: 1, values: [['a', 1]] });
  });

  it('reads an empty sheet as no rows', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Trống');
    expect(await session(book, (s) => s.readSheet('Trống'))).toEqual({ name: 'Trống', top: 0, left: 0, values: [] });
  });

  it('says in Vietnamese which sheet is missing', async () => {
    const book = new FakeWorkbook({ S: [[1]] });
    await expect(session(book, (s) => s.readSheet('Tháng 11'))).rejects.toMatchObject({
      code: 'ItemNotFound',
      message: 'Không tìm thấy trang tính “Tháng 11”.',
    });
  });

  it('reads a sheet of long texts in pieces under 5 MB, halving a piece Excel refuses', async () => {
    const book = new FakeWorkbook();
    const text = (r: number, c: number) => `Ghi chú ${r}-${c} `.padEnd(300, 'ư');
    const values = Array.from({ length: 3_000 }, (_, r) => Array.from({ length: 10 }, (_, c) => text(r, c)));
    book.put('Dài', 'A1', values);
    const grid = await session(book, (s) => s.readSheet('Dài'));
    expect(grid.values).toEqual(values);
    const ok = book.syncs.filter((sync) => !sync.failed);
    expect(Math.max(...ok.map((sync) => sync.responseBytes))).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(book.syncs.filter((sync) => sync.failed).length).toBeGreaterThanOrEqual(1);
  });
});

describe('applyPlan', () => {
  it('writes strings as text, never formulas or numbers, and clears cells given null', async () => {
    const book = new FakeWorkbook({ S: [['Mã', 'Ghi chú', 'Điểm'], [null, 'cũ', null]] });
    await session(book, (s) => s.applyPlan('S', {
      ...noPlan,
      blocks: [{ row: 1, col: 0, values: [['001', null, 87.5]] }, { row: 2, col: 1, values: [['=HYPERLINK("x")']] }],
    }));
    expect(book.value('S', 'A2')).toBe('001');
    expect(book.value('S', 'B2')).toBe('');
    expect(book.value('S', 'C2')).toBe(87.5);
    expect(book.formula('S', 'B3')).toBeNull();
    expect(book.value('S', 'B3')).toBe('=HYPERLINK("x")');
    expect(await session(book, (s) => s.readSheet('S'))).toMatchObject({
      values: [['Mã', 'Ghi chú', 'Điểm'], ['001', null, 87.5], [null, '=HYPERLINK("x")', null]],
    });
  });

  it('highlights cells and clears highlights, in one sync with calculation paused', async () => {
    const book = new FakeWorkbook({ S: [[1, 2], [3, 4], [5, 6]] });
    book.sheet('S').fills.set('0,0', HIGHLIGHT_FILL);
    await session(book, (s) => s.applyPlan('S', {
      blocks: [{ row: 0, col: 1, values: [['x'], ['y'], ['z']] }],
      highlight: [{ row: 1, col: 1 }, { row: 2, col: 1 }],
      clearHighlight: [{ row: 0, col: 0 }],
    }));
    expect(book.fill('S', 'A1')).toBeNull();
    expect([book.fill('S', 'B2'), book.fill('S', 'B3'), book.fill('S', 'B1')]).toEqual([HIGHLIGHT_FILL, HIGHLIGHT_FILL, null]);
    expect(book.syncs).toHaveLength(1);
    expect(book.suspends).toBe(1);
  });

  it('pauses calculation only where ExcelApi 1.6 exists', async () => {
    const book = new FakeWorkbook({ S: [[1]] });
    book.apiVersion = 5;
    await session(book, (s) => s.applyPlan('S', { ...noPlan, blocks: [{ row: 0, col: 0, values: [[2]] }] }));
    expect(book.value('S', 'A1')).toBe(2);
    expect(book.suspends).toBe(0);
  });

  it('does not sync for an empty plan', async () => {
    const book = new FakeWorkbook({ S: [[1]] });
    await session(book, (s) => s.applyPlan('S', noPlan));
    expect(book.syncs).toHaveLength(0);
  });

  it('splits a write over 4 MB into requests Excel on the web accepts', async () => {
    const rows = 20_000;
    const book = new FakeWorkbook({ S: [[null]] });
    const message = 'Thiếu điểm đánh giá của thủ trưởng đơn vị; đề nghị bổ sung trước ngày 25. '.repeat(2);
    const values = Array.from({ length: rows }, (_, r) => [message, `Dòng ${r + 1}`, r]);
    await session(book, (s) => s.applyPlan('S', { ...noPlan, blocks: [{ row: 1, col: 20, values }] }));
    expect(book.syncs.length).toBeGreaterThanOrEqual(2);
    expect(book.syncs.every((sync) => !sync.failed && sync.requestBytes <= 4_000_000)).toBe(true);
    expect(book.value('S', `U${rows + 1}`)).toBe(message);
    expect(book.value('S', `W${rows + 1}`)).toBe(rows - 1);
  });
});

describe('sheets and selection', () => {
  it('adds a sheet with bold header rows and widths in points, and refuses an existing name', async () => {
    const book = new FakeWorkbook({ S: [[1]] });
    await session(book, (s) => s.addSheet('Tổng hợp', [['Đơn vị', 'Số người'], ['Phòng A', 12]], {
      headerRows: [0],
      columnWidths: [30, 10],
    }));
    const sheet = book.sheet('Tổng hợp');
    expect([book.value('Tổng hợp', 'A1'), book.value('Tổng hợp', 'B2')]).toEqual(['Đơn vị', 12]);
    expect([...sheet.bold].sort()).toEqual(['0,0', '0,1']);
    expect([...sheet.widths]).toEqual([[0, 161.25], [1, 56.25]]);
    await expect(session(book, (s) => s.addSheet('Tổng hợp', [['x']]))).rejects.toMatchObject({
      code: 'ItemAlreadyExists',
      message: 'Đã có trang tính “Tổng hợp”; hãy chọn tên khác.',
    });
  });

  it('leaves column widths alone on ExcelApi 1.1', async () => {
    const book = new FakeWorkbook();
    book.apiVersion = 1;
    await session(book, (s) => s.addSheet('A', [['x']], { columnWidths: [20] }));
    expect(book.sheet('A').widths.size).toBe(0);
  });

  it('wraps the cells asked for, top-aligned, even on ExcelApi 1.1 (DOC-8.8)', async () => {
    const book = new FakeWorkbook();
    book.apiVersion = 1;
    const unit = 'Phòng Quản lý đào tạo, nghiên cứu khoa học và hợp tác quốc tế';
    await session(book, (s) => s.addSheet('DS', [['STT', 'Đơn vị'], [1, unit]], { wrap: [{ row: 0, col: 1, rows: 2, cols: 1 }] }));
    const formats = book.sheet('DS').formats;
    expect(book.value('DS', 'B2')).toBe(unit);
    expect([formats.get('0,1')?.wrapText, formats.get('1,1')?.wrapText, formats.get('1,1')?.verticalAlignment]).toEqual([true, true, 'Top']);
    expect(formats.get('1,0')?.wrapText).toBeUndefined();
  });

  it('lists sheets without the state sheet, names the active one and selects a cell', async () => {
    const book = new FakeWorkbook({ 'Tháng 10': [[1]], 'Tháng 11': [[2]] });
    await session(book, (s) => s.saveState('k', 1));
    const [names, active] = await session(book, async (s) => [await s.sheetNames(), await s.activeSheetName()] as const);
    expect(names).toEqual(['Tháng 10', 'Tháng 11']);
    expect(active).toBe('Tháng 10');
    await session(book, (s) => s.selectCell('Tháng 11', 'D7'));
    expect(book.active).toBe('Tháng 11');
    expect(book.selection).toEqual({ sheet: 'Tháng 11', address: 'D7' });
  });
});

describe('state', () => {
  it('keeps JSON state in a very hidden sheet and reads it back', async () => {
    const book = new FakeWorkbook({ S: [[1]] });
    const value = { period: '2021-10', mapping: { 'Họ và tên': 'name' }, rows: { a: { hash: 'h', version: 2 } } };
    await session(book, (s) => s.saveState('sync:S', value));
    expect(book.sheet(STATE_SHEET).visibility).toBe('VeryHidden');
    expect(await session(book, (s) => s.loadState('sync:S'))).toEqual(value);
    expect(await session(book, (s) => s.loadState('other'))).toBeUndefined();
  });

  it('reads no state, and creates no sheet, in a workbook that never had any', async () => {
    const book = new FakeWorkbook({ S: [[1]] });
    expect(await session(book, (s) => s.loadState('sync:S'))).toBeUndefined();
    expect([...book.sheets.keys()]).toEqual(['S']);
    expect(book.syncs).toHaveLength(1);
  });

  it('cuts large state into cells under 32,767 characters and clears cells a shorter state no longer uses', async () => {
    const book = new FakeWorkbook({ S: [[1]] });
    const rows = Object.fromEntries(Array.from({ length: 3_000 }, (_, i) => [`Nguyễn Văn ${i}`, { hash: `${i}`.padStart(16, 'f'), version: i }]));
    const large = { rows };
    await session(book, (s) => s.saveState('big', large));
    const lengths = [...book.sheet(STATE_SHEET).cells.values()].map((cell) => String(cell.value).length);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(STATE_CELL_CHARS);
    expect(lengths.length).toBeGreaterThan(4);
    expect(await session(book, (s) => s.loadState('big'))).toEqual(large);

    await session(book, async (s) => {
      await s.saveState('small', { x: 1 });
      await s.saveState('big', { y: 2 });
    });
    expect(await session(book, async (s) => [await s.loadState('big'), await s.loadState('small')])).toEqual([{ y: 2 }, { x: 1 }]);
    expect(book.value(STATE_SHEET, 'C2')).toBe('');
  });

  it('leaves the state sheet visible on ExcelApi 1.1, which cannot hide it', async () => {
    const book = new FakeWorkbook({ S: [[1]] });
    book.apiVersion = 1;
    await session(book, (s) => s.saveState('k', [1, 2]));
    expect(book.sheet(STATE_SHEET).visibility).toBe('Visible');
    expect(await session(book, (s) => s.loadState('k'))).toEqual([1, 2]);
  });

  it('refuses to store a secret', async () => {
    const book = new FakeWorkbook({ S: [[1]] });
    await expect(session(book, (s) => s.saveState('auth', { token: 'bx_live_123' }))).rejects.toThrow(/secret/);
    expect(book.sheets.has(STATE_SHEET)).toBe(false);
  });
});

describe('drop-down lists and notes', () => {
  it('puts a drop-down list on a column where ExcelApi 1.8 exists', async () => {
    const book = new FakeWorkbook({ S: [[null]] });
    const applied = await session(book, (s) => s.setChoices('S', [
      { row: 1, col: 4, rows: 100, values: ['Khiển trách', 'Cảnh cáo', 'Cách chức'] },
    ]));
    expect(applied).toBe(true);
    expect(book.sheet('S').validations).toEqual([{
      address: 'E2:E101',
      rule: { list: { inCellDropDown: true, source: 'Khiển trách,Cảnh cáo,Cách chức' } },
      errorAlert: expect.objectContaining({ showAlert: true, style: 'Warning' }),
    }]);
  });

  it('skips drop-downs on older Excel and lists a comma would break', async () => {
    const book = new FakeWorkbook({ S: [[null]] });
    expect(await session(book, (s) => s.setChoices('S', [{ row: 1, col: 0, rows: 5, values: ['a, b', 'c'] }]))).toBe(false);
    book.apiVersion = 7;
    expect(await session(book, (s) => s.setChoices('S', [{ row: 1, col: 0, rows: 5, values: ['a'] }]))).toBe(false);
    expect(book.sheet('S').validations).toEqual([]);
  });

  it('adds, updates and removes notes where ExcelApi 1.18 exists', async () => {
    const book = new FakeWorkbook({ S: [[null]] });
    const workbook = officeWorkbook(book.host());
    expect(await workbook.session((s) => s.setNotes('S', [{ row: 1, col: 1, text: 'Thiếu điểm' }]))).toBe(true);
    expect(book.sheet('S').notes.get('B2')).toBe('Thiếu điểm');
    await workbook.session((s) => s.setNotes('S', [{ row: 1, col: 1, text: 'Đã sửa' }, { row: 2, col: 1, text: 'Mới' }]));
    expect([...book.sheet('S').notes]).toEqual([['B2', 'Đã sửa'], ['B3', 'Mới']]);
    await workbook.session((s) => s.setNotes('S', [{ row: 1, col: 1, text: null }]));
    expect([...book.sheet('S').notes.keys()]).toEqual(['B3']);
    book.apiVersion = 17;
    expect(await workbook.session((s) => s.setNotes('S', [{ row: 4, col: 1, text: 'x' }]))).toBe(false);
  });
});

describe('syncs per user action', () => {
  const columns = ['Mã', 'Họ và tên', 'Đơn vị', 'Chức danh', 'Nhóm', 'Đ1', 'Đ2', 'Đ3', 'Đ4', 'Đ5', 'Tổng', 'Kỷ luật',
    'Xếp loại', 'Thứ hạng', 'Ghi chú'];

  function evaluationSheet(rows: number): (string | number | null)[][] {
    return [columns, ...Array.from({ length: rows }, (_, r) => [
      `NV${r}`, `Nguyễn Văn Ánh ${r}`, `Phòng ${r % 40}`, 'Chuyên viên', 'B', 20, 18.5, 19, 17, 16, 90.5, null, null, null, null,
    ])];
  }

  /** One "Đồng bộ" click: last state, the sheet, the answer written back, the new state. */
  async function syncCycle(rows: number): Promise<number> {
    const book = new FakeWorkbook({ 'Tháng 10': evaluationSheet(rows) });
    const state = (version: number) => ({
      period: '2021-10',
      rows: Object.fromEntries(Array.from({ length: rows }, (_, r) => [`NV${r}`, { hash: `${r}`.padStart(16, '0'), version }])),
    });
    await session(book, (s) => s.saveState('sync:Tháng 10', state(1)));
    book.syncs = [];
    book.runs = 0;

    await session(book, async (s) => {
      await s.loadState('sync:Tháng 10');
      const grid = await s.readSheet('Tháng 10');
      const computed = grid.values.slice(1).map((_, r) => ['Hoàn thành tốt nhiệm vụ', r + 1, 'Đã đồng bộ']);
      await s.applyPlan('Tháng 10', {
        blocks: [{ row: 1, col: 12, values: computed }],
        highlight: Array.from({ length: Math.ceil(rows / 100) }, (_, i) => ({ row: 1 + i * 100, col: 6 })),
        clearHighlight: [],
      });
      await s.saveState('sync:Tháng 10', state(2));
    });

    expect(book.runs).toBe(1);
    expect(book.syncs.every((sync) => !sync.failed)).toBe(true);
    expect(Math.max(...book.syncs.map((sync) => Math.max(sync.requestBytes, sync.responseBytes)))).toBeLessThan(PAYLOAD_LIMIT);
    expect(book.value('Tháng 10', `N${rows + 1}`)).toBe(rows);
    return book.syncs.length;
  }

  it('grows with the pieces of a large sheet, not with its rows (10 / 5,000 / 20,000 rows × 15 columns)', async () => {
    const counts = [await syncCycle(10), await syncCycle(5_000), await syncCycle(20_000)];
    // loadState 3 (sheet list, directory, cells) + readSheet 2 (size, values) + 1 for the plan and the state
    // written together; 20,000 × 15 = 300,000 cells are read in two pieces of at most 200,000.
    expect(counts).toEqual([6, 6, 7]);
  });
});
