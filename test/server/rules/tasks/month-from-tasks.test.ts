import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, RULE_SET_PRESETS } from '../../../../server/contract/rule-set.ts';
import { monthFromTasks, taskResult, totalsOf } from '../../../../server/rules/index.ts';
import { task, withTasks } from './helpers.ts';

// 3 of 4 products done, one of them late: quantity 75 %, quality 75 %, progress 68.75 % → 70 × 0.729… = 51.0.
const rows = [task('A'), task('B', { dFails: 1 }), task('C'), task('D', { h: 0 })];

describe('task results meeting the month row (research §3.3 TASK-2)', () => {
  it('fills a blank Điểm kết quả and makes the score general + results', () => {
    const month = monthFromTasks({ general: 25 }, rows, DEFAULT_RULE_SET);
    expect(month).toMatchObject({ results: 51, score: 76 });
  });

  it('keeps a typed Điểm kết quả that differs, showing both (resultsSource = typed-wins)', () => {
    const month = monthFromTasks({ general: 25, results: 55, score: 80 }, rows, DEFAULT_RULE_SET);
    expect(month).toMatchObject({ results: 55, score: 80 });
    expect(month.reasons).toContain('Điểm kết quả nhập tay 55; tính từ nhiệm vụ 51: dùng điểm nhập tay (resultsSource = typed-wins)');
  });

  it('uses the computed one under resultsSource = tasks-win, and the score follows the parts it was the sum of', () => {
    const month = monthFromTasks({ general: 25, results: 55, score: 80 }, rows, withTasks({ resultsSource: 'tasks-win' }));
    expect(month).toMatchObject({ results: 51, score: 76 });
    expect(month.reasons).toEqual(
      expect.arrayContaining([
        'Điểm kết quả nhập tay 55; tính từ nhiệm vụ 51: dùng điểm tính từ nhiệm vụ (resultsSource = tasks-win)',
        'Điểm đánh giá = tiêu chí chung 25 + kết quả 51 = 76',
      ]),
    );
  });

  it('says nothing of a typed Điểm kết quả within 0.05 of the computed one', () => {
    const month = monthFromTasks({ general: 25, results: 51, score: 76 }, rows, DEFAULT_RULE_SET);
    expect(month).toMatchObject({ results: 51, score: 76 });
    expect(month.reasons.some((r) => r.includes('nhập tay'))).toBe(false);
  });

  it('keeps a typed Điểm đánh giá that is not general + results, saying what the parts give', () => {
    const month = monthFromTasks({ general: 25, score: 88 }, rows, DEFAULT_RULE_SET);
    expect(month).toMatchObject({ results: 51, score: 88 });
    expect(month.reasons).toContain('Điểm đánh giá nhập tay 88 được giữ; tiêu chí chung 25 + kết quả tính từ nhiệm vụ 51 = 76');
  });

  it('takes a score typed alone as the score, with the gates from the tasks', () => {
    const month = monthFromTasks({ score: 92 }, rows, DEFAULT_RULE_SET);
    expect(month).toMatchObject({ score: 92, results: 51, allTasksDone: false, latePct: 50, exceededPct: 0 });
  });

  it('lets typed gate cells win and takes only the blank ones from the tasks', () => {
    const month = monthFromTasks({ score: 92, allTasksDone: true, latePct: 5 }, rows, DEFAULT_RULE_SET);
    expect(month).toMatchObject({ allTasksDone: true, latePct: 5, exceededPct: 0 });
    expect(month.reasons.at(-1)).toBe('Từ bảng nhiệm vụ: tỷ lệ vượt mức 0%');
  });

  it('rounds once, half up, from the exact ratio and not from the rounded percentages', () => {
    // A = 6; quantity 5/6, quality 5/24, progress 5/6: 70 × 45/72 = 43.75 exactly → 43.8. The percentages
    // rounded first (83.33 + 20.83 + 83.33) would give 43.748 → 43.7.
    const exact = [
      task('1'),
      task('2', { qFails: 3 }),
      task('3', { qFails: 4 }),
      task('4', { qFails: 4 }),
      task('5', { qFails: 4 }),
      task('6', { h: 0 }),
    ];
    const result = taskResult(totalsOf(exact, DEFAULT_RULE_SET.tasks), DEFAULT_RULE_SET.tasks)!;
    expect(result).toMatchObject({ quantityPct: 83.33, qualityPct: 20.83, progressPct: 83.33, results: 43.8 });
  });

  it('weights the axes by taskAxisWeights out of resultsMax (preset haiphong-2025: 25/30/25 of 80)', () => {
    const haiphong = RULE_SET_PRESETS['haiphong-2025']!;
    // (25 × 75 + 30 × 75 + 25 × 68.75) / 100 = 58.4375 → 58.4
    const month = monthFromTasks({ general: 18 }, rows, haiphong);
    expect(month).toMatchObject({ results: 58.4, score: 76.4 });
    expect(month.reasons[0]).toBe(
      'Điểm kết quả tính từ nhiệm vụ: 58,4/80 (số lượng 75%, chất lượng 75%, tiến độ 68,75%; taskAxisWeights 25:30:25; deductionMode = graduated: trừ 25% mỗi lần chưa đạt hoặc chậm)',
    );
  });

  it('weighs conversion coefficients (k) into every axis', () => {
    // A = 3 + 1: the one undone product of k = 3 weighs three times the done one.
    const result = taskResult(totalsOf([task('Đề án', { k: 3, h: 0 }), task('Công văn')], DEFAULT_RULE_SET.tasks), DEFAULT_RULE_SET.tasks)!;
    expect(result).toMatchObject({ quantityPct: 25, latePct: 75, results: 17.5 });
    const decimals = taskResult(totalsOf([task('a', { k: 1.25 }), task('b', { k: 0.75, h: 0 })], DEFAULT_RULE_SET.tasks), DEFAULT_RULE_SET.tasks)!;
    expect(decimals.quantityPct).toBe(62.5);
  });

  it('counts Phối hợp rows at supportRoleFactor of a Chủ trì row', () => {
    const mixed = [task('Chủ trì', { h: 0 }), task('Phối hợp', { role: 'phối hợp' })];
    const alone = taskResult(totalsOf(mixed, DEFAULT_RULE_SET.tasks), DEFAULT_RULE_SET.tasks)!;
    expect(alone.quantityPct).toBe(0);
    const lifesoft = withTasks({ supportRoleFactor: 0.3 }).tasks;
    // done 0.3 of assigned 1.3
    expect(taskResult(totalsOf(mixed, lifesoft), lifesoft)!.quantityPct).toBe(23.08);
    expect(monthFromTasks(null, mixed, withTasks({ supportRoleFactor: 0.3 })).reasons[0]).toBe(
      '1 nhiệm vụ vai trò phối hợp được tính 0,3 so với chủ trì (supportRoleFactor)',
    );
  });

  it('needs no failed check or delay left anywhere for allTasksDone', () => {
    const clean = taskResult(totalsOf([task('A'), task('B', { qFails: 1, objective: true })], DEFAULT_RULE_SET.tasks), DEFAULT_RULE_SET.tasks)!;
    expect(clean.allTasksDone).toBe(true);
    const faulted = taskResult(totalsOf([task('A'), task('B', { qFails: 1 })], DEFAULT_RULE_SET.tasks), DEFAULT_RULE_SET.tasks)!;
    expect(faulted.allTasksDone).toBe(false);
  });
});
