import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../../server/contract/rule-set.ts';
import { checkRow } from '../../../../server/contract/row-validation.ts';
import { taskRowSchema } from '../../../../server/contract/task-row.ts';
import {
  classifyMonth,
  monthFromTasks,
  NO_GENERAL_REASON,
  NO_SCORE_REASON,
  NO_TASKS_ASSIGNED_REASON,
  periodFromTasks,
  quarterMonths,
  SHARED_LEAD_WARNING,
  sharedLeadWarnings,
  taskResult,
  totalsOf,
} from '../../../../server/rules/index.ts';
import { task, withTasks } from './helpers.ts';

const settings = DEFAULT_RULE_SET.tasks;

// research/next-capabilities.md §3.3 TASK-7, one describe per item.

describe('TASK-7 item 1: nothing assigned (A = 0)', () => {
  it('gives no computed result, never 0 % or 100 %, and says so', () => {
    const rows = [task('Trực cơ quan', { g: 0, h: 0 }), task('Hội thảo', { g: 0, h: 2 })];
    expect(taskResult(totalsOf(rows, settings), settings)).toBeNull();
    const month = monthFromTasks({ general: 27 }, rows, DEFAULT_RULE_SET);
    expect(month).toMatchObject({ score: null, results: null, computed: null, allTasksDone: null, latePct: null, exceededPct: null });
    expect(month.reasons).toEqual([NO_TASKS_ASSIGNED_REASON]);
  });

  it('falls back to the typed Điểm kết quả and Điểm đánh giá', () => {
    const month = monthFromTasks({ general: 27, results: 55, score: 82 }, [task('Hội thảo', { g: 0 })], DEFAULT_RULE_SET);
    expect(month).toMatchObject({ score: 82, results: 55, computed: null });
  });

  it('counts only Phối hợp rows as nothing assigned under the default supportRoleFactor 0', () => {
    const month = monthFromTasks({ general: 27 }, [task('Phối hợp kiểm tra', { role: 'phối hợp' })], DEFAULT_RULE_SET);
    expect(month.computed).toBeNull();
    expect(month.reasons).toEqual([
      '1 nhiệm vụ vai trò phối hợp không được tính (supportRoleFactor = 0: chỉ tính người chủ trì)',
      NO_TASKS_ASSIGNED_REASON,
    ]);
  });

  it('leaves a person with no task rows exactly as typed, with no reason added', () => {
    const typed = { score: 85, general: 27, results: 58, allTasksDone: true, latePct: 0, exceededPct: 40 };
    const { general: _general, ...inputs } = typed;
    expect(monthFromTasks(typed, [], DEFAULT_RULE_SET)).toEqual({ ...inputs, computed: null, reasons: [] });
  });
});

describe('TASK-7 item 2: over-delivery (h > g)', () => {
  it('counts c = g, not more, and marks the row exceeded', () => {
    const result = taskResult(totalsOf([task('Bài báo', { g: 2, h: 5 }), task('Tờ trình', { g: 2, h: 2 })], settings), settings)!;
    expect(result).toMatchObject({ quantityPct: 100, qualityPct: 100, progressPct: 100, results: 70, allTasksDone: true });
    expect(result.exceededPct).toBe(50);
  });

  it('takes a typed Vượt mức = Có without extra quantity as exceeded too', () => {
    const result = taskResult(totalsOf([task('Đề án', { k: 3, exceeded: true }), task('Công văn')], settings), settings)!;
    expect(result.exceededPct).toBe(75);
  });
});

describe('TASK-7 item 3: an objective cause without who confirmed it', () => {
  it('is rejected, naming Người xác nhận', () => {
    const check = checkRow(taskRowSchema, { code: 'CB010', taskName: 'Báo cáo', dFails: 1, objective: 'Có' });
    expect(check).toEqual({
      ok: false,
      errors: [{ field: 'confirmedBy', message: 'Có nguyên nhân khách quan thì cần Người xác nhận (cấp có thẩm quyền xác nhận)' }],
    });
    const confirmed = checkRow(taskRowSchema, { code: 'CB010', taskName: 'Báo cáo', dFails: 1, objective: 'Có', confirmedBy: 'Phó Hiệu trưởng' });
    expect(confirmed.ok).toBe(true);
  });
});

describe('TASK-7 item 4: four failed quality checks', () => {
  it('leave the row nothing on the quality axis', () => {
    const result = taskResult(totalsOf([task('Giáo án', { qFails: 4 }), task('Đề thi')], settings), settings)!;
    expect(result).toMatchObject({ quantityPct: 100, qualityPct: 50, progressPct: 100, allTasksDone: false });
  });

  it('five are rejected', () => {
    expect(checkRow(taskRowSchema, { code: 'CB010', taskName: 'Giáo án', qFails: 5 })).toEqual({
      ok: false,
      errors: [{ field: 'qFails', message: 'Số lần chưa đạt chất lượng phải là số nguyên từ 0 đến 4' }],
    });
    expect(checkRow(taskRowSchema, { code: 'CB010', taskName: 'Giáo án', qFails: '4' }).ok).toBe(true);
  });
});

describe('TASK-7 item 5: done before the first day of the due month', () => {
  const early = { code: 'CB010', taskName: 'Báo cáo quý', dueOn: '30/10/2026', doneOn: '15/08/2026' };

  it('is accepted by the contract', () => {
    expect(checkRow(taskRowSchema, early)).toMatchObject({ ok: true, value: { dueOn: '2026-10-30', doneOn: '2026-08-15' } });
  });

  it('is on time, with full progress, and a completion date with no quantity counts as done', () => {
    const result = taskResult(totalsOf([task('Báo cáo quý', { h: undefined, dueOn: '2026-10-30', doneOn: '2026-08-15' })], settings), settings)!;
    expect(result).toMatchObject({ quantityPct: 100, progressPct: 100, latePct: 0, allTasksDone: true });
  });

  it('while done after the due date with the delay cell blank is one delay', () => {
    const result = taskResult(totalsOf([task('Báo cáo quý', { dueOn: '2026-10-30', doneOn: '2026-11-02' })], settings), settings)!;
    expect(result).toMatchObject({ progressPct: 75, latePct: 100, allTasksDone: false });
  });
});

describe('TASK-7 item 6: a task with two people as Chủ trì', () => {
  it('warns both rows and counts for both', () => {
    const rows = [
      { person: 'CB010', taskRef: 'KH-12', role: 'chủ trì' as const },
      { person: 'CB011', taskRef: 'kh-12 ', role: 'chủ trì' as const },
      { person: 'CB012', taskRef: 'KH-12', role: 'phối hợp' as const },
      { person: 'CB010', taskRef: 'KH-13' },
      { person: 'CB013' },
    ];
    expect(sharedLeadWarnings(rows)).toEqual([SHARED_LEAD_WARNING, SHARED_LEAD_WARNING, null, null, null]);
    const one = monthFromTasks({ general: 27 }, [task('Kế hoạch 12', { taskRef: 'KH-12' })], DEFAULT_RULE_SET);
    expect(one.results).toBe(70);
  });

  it('does not take one person with two rows of the task as shared', () => {
    expect(sharedLeadWarnings([{ person: 'CB010', taskRef: 'A' }, { person: 'CB010', taskRef: 'A' }])).toEqual([null, null]);
  });
});

describe('TASK-7 item 7: quarterly mode', () => {
  // Month 1: 1 of 1 done; month 2: 0 of 9 done; month 3: 1 of 1 done with one failed check.
  const months = [[task('A')], [task('B', { g: 9, h: 0 })], [task('C', { qFails: 1 })]];

  it('adds the months before the formula: Σ numerators over Σ assigned', () => {
    const quarter = periodFromTasks({ general: 27 }, months, DEFAULT_RULE_SET);
    // quantity 2/11, quality (1 + 0.75)/11, progress 2/11: 70 × (8 + 7 + 8) / (4 × 11 × 3) = 12.196…
    expect(quarter.computed).toMatchObject({ quantityPct: 18.18, qualityPct: 15.91, progressPct: 18.18, results: 12.2, latePct: 81.8 });
    expect(quarter.score).toBe(39.2);
  });

  it('is not the mean of the monthly results', () => {
    const monthly = months.map((rows) => monthFromTasks({ general: 27 }, rows, DEFAULT_RULE_SET).results!);
    expect(monthly).toEqual([70, 0, 64.2]);
    const mean = Math.round(((monthly[0]! + monthly[1]! + monthly[2]!) / 3) * 10) / 10;
    expect(mean).toBe(44.7);
    expect(periodFromTasks({ general: 27 }, months, DEFAULT_RULE_SET).results).not.toBe(mean);
  });

  it('equals one period holding all three months’ rows', () => {
    expect(periodFromTasks({ general: 27 }, months, DEFAULT_RULE_SET)).toEqual(monthFromTasks({ general: 27 }, months.flat(), DEFAULT_RULE_SET));
  });

  it('names a quarter’s months', () => {
    expect(quarterMonths('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(quarterMonths('2026-Q1')).toEqual(['2026-01', '2026-02', '2026-03']);
    for (const bad of ['2026-Q5', '2026-Q0', '2026-10', '26-Q1', '2026-q1']) expect(quarterMonths(bad)).toBeNull();
  });
});

describe('TASK-7 item 8: task rows but no month row', () => {
  it('gives the computed results, no general score, and NONE «Chưa có điểm tiêu chí chung»', () => {
    const month = monthFromTasks(null, [task('Báo cáo')], DEFAULT_RULE_SET);
    expect(month).toMatchObject({ results: 70, score: null, allTasksDone: true });
    expect(month.reasons).toContain(NO_GENERAL_REASON);
    const outcome = classifyMonth(
      [{ key: 'CB020', unit: 'Phòng Đào tạo', dutyGroup: null, score: month.score, allTasksDone: month.allTasksDone }],
      DEFAULT_RULE_SET,
      DEFAULT_RULE_SET.quota.personMonth,
      { awards: [] },
    );
    expect(outcome.rows[0]).toMatchObject({ level: 'NONE', reasons: [NO_SCORE_REASON] });
  });
});

describe('graduated and binary deductions (deductionMode)', () => {
  const rows = [task('Giáo án', { qFails: 1, dFails: 2 }), task('Đề thi')];

  it('takes 25 % per failed check or delay when graduated', () => {
    expect(taskResult(totalsOf(rows, settings), settings)).toMatchObject({ qualityPct: 87.5, progressPct: 75 });
  });

  it('takes the whole axis of a faulted product when binary, and names the setting', () => {
    const binary = withTasks({ deductionMode: 'binary' });
    expect(taskResult(totalsOf(rows, binary.tasks), binary.tasks)).toMatchObject({ qualityPct: 50, progressPct: 50 });
    expect(monthFromTasks(null, rows, binary).reasons[0]).toContain('deductionMode = binary');
  });
});
