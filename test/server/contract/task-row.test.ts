import { describe, expect, it } from 'vitest';
import { checkRow } from '../../../server/contract/row-validation.ts';
import { DEFAULT_RULE_SET } from '../../../server/contract/rule-set.ts';
import { taskRowSchema, type TaskRow } from '../../../server/contract/task-row.ts';
import { monthFromTasks, type TaskInput } from '../../../server/rules/index.ts';

const base = { code: 'CB010', taskName: 'Báo cáo chuyên đề' };
const check = (fields: Record<string, unknown>) => checkRow(taskRowSchema, { ...base, ...fields });
const errorsOf = (fields: Record<string, unknown>) => {
  const result = check(fields);
  return result.ok ? [] : result.errors;
};

describe('a row of the tasks sheet (research §3.3 TASK-1)', () => {
  it('reads a row as a sheet gives it: Vietnamese numbers, dates, words in any case', () => {
    const result = check({
      ref: 7,
      taskRef: ' 12/KH-TCT ',
      source: 'van ban',
      role: 'PHỐI HỢP',
      k: '1,25',
      g: '3',
      h: 2,
      dueOn: '31/10/2026',
      doneOn: '2026-11-02',
      qFails: '',
      dFails: '1',
      exceeded: 'Không',
      objective: 'x',
      confirmedBy: 'Phó Hiệu trưởng',
      note: 'Chậm do chờ số liệu',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        ...base,
        ref: 7,
        taskRef: '12/KH-TCT',
        source: 'văn bản',
        role: 'phối hợp',
        k: 1.25,
        g: 3,
        h: 2,
        dueOn: '2026-10-31',
        doneOn: '2026-11-02',
        dFails: 1,
        exceeded: false,
        objective: true,
        confirmedBy: 'Phó Hiệu trưởng',
        note: 'Chậm do chờ số liệu',
      },
    });
  });

  it('defaults a blank source to Kế hoạch, a blank role to Chủ trì and a blank coefficient to 1, and leaves counts blank', () => {
    expect(check({ source: '', role: null })).toEqual({ ok: true, value: { ...base, source: 'kế hoạch', role: 'chủ trì', k: 1 } });
  });

  it('finds the person by staff code, or by name and unit', () => {
    expect(checkRow(taskRowSchema, { taskName: 'A', name: 'Lò Văn A', unit: 'Phòng Đào tạo' }).ok).toBe(true);
    expect(checkRow(taskRowSchema, { taskName: 'A', name: 'Lò Văn A' })).toEqual({
      ok: false,
      errors: [{ field: 'code', message: 'Cần Mã CB, hoặc Họ và tên và Đơn vị' }],
    });
  });

  it('names each bad cell in Vietnamese', () => {
    expect(errorsOf({ taskName: '' })).toEqual([{ field: 'taskName', message: 'Thiếu Tên nhiệm vụ/sản phẩm' }]);
    expect(errorsOf({ taskName: 'x'.repeat(501) })).toEqual([{ field: 'taskName', message: 'Tên nhiệm vụ/sản phẩm dài quá 500 ký tự' }]);
    expect(errorsOf({ source: 'Chỉ thị' })).toEqual([
      { field: 'source', message: 'Nguồn giao phải là "Văn bản", "Kế hoạch", "Phát sinh" hoặc "Tự đăng ký"' },
    ]);
    expect(errorsOf({ role: 'Tham gia' })).toEqual([{ field: 'role', message: 'Vai trò phải là "Chủ trì" hoặc "Phối hợp"' }]);
    for (const k of [0, '10,01', -1]) {
      expect(errorsOf({ k })).toEqual([{ field: 'k', message: 'Hệ số quy đổi phải lớn hơn 0 và không quá 10' }]);
    }
    expect(errorsOf({ k: '1,255' })).toEqual([{ field: 'k', message: 'Hệ số quy đổi chỉ được có hai chữ số thập phân' }]);
    expect(errorsOf({ k: 'cao' })).toEqual([{ field: 'k', message: 'Hệ số quy đổi phải là số' }]);
    expect(errorsOf({ g: '1,5' })).toEqual([{ field: 'g', message: 'Số lượng giao phải là số nguyên từ 0 đến 100000' }]);
    expect(errorsOf({ h: -1 })).toEqual([{ field: 'h', message: 'Số lượng hoàn thành phải là số nguyên từ 0 đến 100000' }]);
    expect(errorsOf({ dFails: 5 })).toEqual([{ field: 'dFails', message: 'Số lần chậm tiến độ phải là số nguyên từ 0 đến 4' }]);
    expect(errorsOf({ dueOn: '31/02/2026' })).toEqual([{ field: 'dueOn', message: 'Hạn hoàn thành phải là ngày dạng dd/mm/yyyy' }]);
    expect(errorsOf({ doneOn: 'hôm qua' })).toEqual([{ field: 'doneOn', message: 'Ngày hoàn thành phải là ngày dạng dd/mm/yyyy' }]);
    expect(errorsOf({ exceeded: 'nhiều' })).toEqual([{ field: 'exceeded', message: 'Vượt mức phải là "Có" hoặc "Không"' }]);
    expect(errorsOf({ objective: 'có lẽ' })).toEqual([{ field: 'objective', message: 'Nguyên nhân khách quan phải là "Có" hoặc "Không"' }]);
  });

  it('accepts more done than assigned (over-delivery is a rule, not an error)', () => {
    expect(check({ g: 1, h: 4 }).ok).toBe(true);
  });
});

describe('rows as the contract reads them, into the rules', () => {
  it('give the worked example of research §3.3 from cells as a sheet holds them', () => {
    const cells = [
      { code: 'CB010', taskRef: 'T1', taskName: 'Báo cáo chuyên đề', g: '2', h: '2', dueOn: '20/10/2026', doneOn: '23/10/2026' },
      { code: 'CB010', taskRef: 'T2', taskName: 'Đề cương bài giảng', k: '2', h: '1', qFails: '1', dueOn: '25/10/2026' },
      { code: 'CB010', taskRef: 'T3', taskName: 'Tờ trình', h: '0', qFails: '', dFails: '' },
    ];
    const rows: TaskRow[] = cells.map((c) => {
      const result = checkRow(taskRowSchema, c);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return result.value;
    });
    const input: TaskInput[] = rows;
    expect(monthFromTasks({ general: 27 }, input, DEFAULT_RULE_SET)).toMatchObject({ results: 51.3, score: 78.3, latePct: 60, allTasksDone: false });
  });
});
