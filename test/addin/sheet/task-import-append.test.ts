import { describe, expect, it } from 'vitest';
import { planTaskAppend, TASK_SHEET_HEADER, tasksSheetName, type ImportedTask } from '../../../addin/sheet/task-import.ts';

const task = (over: Partial<ImportedTask>): ImportedTask => ({
  code: 'CB010',
  name: 'Nguyễn Văn Mười',
  unit: 'Phòng Đào tạo',
  taskRef: '125/TTr-ĐT',
  taskName: 'Tờ trình mở lớp',
  role: 'Chủ trì',
  k: 1.5,
  h: 1,
  dueOn: '20/10/2026',
  doneOn: '18/10/2026',
  ...over,
});

describe('planTaskAppend', () => {
  it('starts a new sheet with the header of TASK-1 and one row per task', () => {
    const plan = planTaskAppend(null, [task({}), task({ taskRef: null, taskName: 'Báo cáo tháng', h: 0, doneOn: null })]);
    expect(plan).toMatchObject({ header: [...TASK_SHEET_HEADER], row: 1, col: 0, kept: 0 });
    if ('error' in plan) throw new Error(plan.error);
    expect(plan.rows[1]!.slice(0, 12)).toEqual(['CB010', 'Nguyễn Văn Mười', 'Phòng Đào tạo', null, 'Báo cáo tháng', 'Văn bản', 'Chủ trì', 1.5, 1, 0, '20/10/2026', null]);
    expect(tasksSheetName('2026-10')).toBe('Nhiệm vụ T10-2026');
  });

  it('keeps the tasks a sheet holds (by Mã CB and Mã nhiệm vụ, any case), writes in the sheet’s own column order, under its used range', () => {
    const existing = {
      top: 3,
      left: 1,
      values: [
        ['DANH SÁCH NHIỆM VỤ THÁNG 10', null, null, null],
        ['Tên nhiệm vụ/sản phẩm', 'Mã CB', 'Số, ký hiệu', 'Lỗi CL'],
        ['Tờ trình đã sửa tên', 'CB010', '125/ttr-đt', 2],
        [null, null, null, null],
      ],
    };
    const plan = planTaskAppend(existing, [task({}), task({ taskRef: '88/BC', taskName: 'Báo cáo' })]);
    if ('error' in plan) throw new Error(plan.error);
    expect(plan).toMatchObject({ header: null, row: 7, col: 1, kept: 1 });
    // The sheet's Lỗi CL column is TASK-1's "Số lần chưa đạt chất lượng", which the import leaves blank.
    expect(plan.rows).toEqual([['Báo cáo', 'CB010', '88/BC', null]]);
  });

  it('matches a sheet without codes by the name, and refuses a sheet with data but no task header', () => {
    const byName = planTaskAppend({ top: 0, left: 0, values: [['Họ và tên', 'Mã nhiệm vụ', 'Tên nhiệm vụ'], ['Nguyễn Văn Mười', '125/TTr-ĐT', 'x']] }, [task({})]);
    expect(byName).toMatchObject({ kept: 1, rows: [] });
    expect(planTaskAppend({ top: 0, left: 0, values: [['Ghi chú của tôi']] }, [task({})])).toEqual({
      error: 'Trang nhiệm vụ đã có dữ liệu nhưng không có dòng tiêu đề với cột "Mã nhiệm vụ" và "Tên nhiệm vụ/sản phẩm"',
    });
  });
});
