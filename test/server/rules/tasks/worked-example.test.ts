import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../../server/contract/rule-set.ts';
import { classifyMonth, monthFromTasks, type MonthInput, type TaskInput } from '../../../../server/rules/index.ts';

// research/next-capabilities.md §3.3, the worked example: CB010, October, general criteria 27.
const T1: TaskInput = { taskRef: 'T1', taskName: 'Báo cáo chuyên đề', k: 1, g: 2, h: 2, qFails: 0, dFails: 1 };
const T2: TaskInput = { taskRef: 'T2', taskName: 'Đề cương bài giảng', k: 2, g: 1, h: 1, qFails: 1, dFails: 0 };
const T3: TaskInput = { taskRef: 'T3', taskName: 'Tờ trình', k: 1, g: 1, h: 0 };

function rate(rows: TaskInput[]) {
  const month = monthFromTasks({ general: 27 }, rows, DEFAULT_RULE_SET);
  const input: MonthInput = {
    key: 'CB010',
    unit: 'Khoa Xây dựng Đảng',
    dutyGroup: 'Giảng viên',
    score: month.score,
    allTasksDone: month.allTasksDone,
    latePct: month.latePct,
    exceededPct: month.exceededPct,
  };
  const outcome = classifyMonth([input], DEFAULT_RULE_SET, DEFAULT_RULE_SET.quota.personMonth, { awards: [] });
  const row = outcome.rows[0]!;
  return { month, row, explanation: [...month.reasons, ...row.reasons] };
}

describe('the worked example of research §3.3 (CB010, October)', () => {
  it('computes quantity 80 %, quality 70 %, progress 70 % and results 51.3 from the exact ratio', () => {
    const { month } = rate([T1, T2, T3]);
    expect(month.computed).toMatchObject({ quantityPct: 80, qualityPct: 70, progressPct: 70, results: 51.3 });
    expect(month.results).toBe(51.3);
    expect(month.score).toBe(78.3);
    expect(month).toMatchObject({ allTasksDone: false, latePct: 60, exceededPct: 0 });
  });

  it('goes 78.3 HTT → HT (not all tasks done) → KHT (60 % late), one reason per step', () => {
    const { row, explanation } = rate([T1, T2, T3]);
    expect(row.level).toBe('KHT');
    expect(explanation).toEqual([
      'Điểm kết quả tính từ nhiệm vụ: 51,3/70 (số lượng 80%, chất lượng 70%, tiến độ 70%; taskAxisWeights 1:1:1; deductionMode = graduated: trừ 25% mỗi lần chưa đạt hoặc chậm)',
      'Điểm đánh giá = tiêu chí chung 27 + kết quả 51,3 = 78,3',
      'Từ bảng nhiệm vụ: hoàn thành 100% nhiệm vụ: không; tỷ lệ chậm tiến độ 60%; tỷ lệ vượt mức 0%',
      'Điểm 78,3 (≥ 70, khung điểm «Mặc định (QĐ 366, NĐ 335)»): Hoàn thành tốt nhiệm vụ',
      'Chưa hoàn thành 100% nhiệm vụ: Hoàn thành nhiệm vụ',
      'Tỷ lệ nhiệm vụ chậm tiến độ 60% > 20% (mức tối đa của «Mặc định (QĐ 366, NĐ 335)»): Không hoàn thành nhiệm vụ',
    ]);
  });

  it('with T1’s delay confirmed as an objective cause: 53.7, 20 % late, and HT (HTT blocked by the unfinished T3)', () => {
    const excused = { ...T1, objective: true };
    const { month, row, explanation } = rate([excused, T2, T3]);
    expect(month.computed).toMatchObject({ quantityPct: 80, qualityPct: 70, progressPct: 80, results: 53.7 });
    expect(month).toMatchObject({ score: 80.7, allTasksDone: false, latePct: 20 });
    expect(row.level).toBe('HT');
    expect(explanation).toEqual([
      'Không trừ điểm chất lượng, tiến độ do nguyên nhân khách quan đã được xác nhận: T1',
      'Điểm kết quả tính từ nhiệm vụ: 53,7/70 (số lượng 80%, chất lượng 70%, tiến độ 80%; taskAxisWeights 1:1:1; deductionMode = graduated: trừ 25% mỗi lần chưa đạt hoặc chậm)',
      'Điểm đánh giá = tiêu chí chung 27 + kết quả 53,7 = 80,7',
      'Từ bảng nhiệm vụ: hoàn thành 100% nhiệm vụ: không; tỷ lệ chậm tiến độ 20%; tỷ lệ vượt mức 0%',
      'Điểm 80,7 (≥ 70, khung điểm «Mặc định (QĐ 366, NĐ 335)»): Hoàn thành tốt nhiệm vụ',
      'Chưa hoàn thành 100% nhiệm vụ: Hoàn thành nhiệm vụ',
    ]);
  });
});
