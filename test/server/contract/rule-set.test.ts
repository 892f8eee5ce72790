import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, RULE_SET_PRESETS, ruleSetSchema } from '../../../server/contract/rule-set.ts';
import { DEFAULT_TASK_SETTINGS } from '../../../server/contract/task-settings.ts';

describe('the task settings of the rule set (RULES.md §10)', () => {
  it('have the documented defaults', () => {
    expect(DEFAULT_RULE_SET.tasks).toEqual({
      taskAxisWeights: { quantity: 1, quality: 1, progress: 1 },
      resultsMax: 70,
      deductionMode: 'graduated',
      supportRoleFactor: 0,
      resultsSource: 'typed-wins',
      leaderAxes: false,
      leaderScope: 'unit',
      leaderManages: {},
      leaderOrganiseDefault: 100,
      generalPartIIIMax: 10,
      selfGapWarn: 10,
    });
  });

  it('fill in a rule set stored before they existed, and a part of them', () => {
    const { tasks: _tasks, ...stored } = DEFAULT_RULE_SET;
    expect(ruleSetSchema.parse(stored).tasks).toEqual(DEFAULT_TASK_SETTINGS);
    const partial = ruleSetSchema.parse({ ...stored, tasks: { deductionMode: 'binary' } });
    expect(partial.tasks).toEqual({ ...DEFAULT_TASK_SETTINGS, deductionMode: 'binary' });
  });

  it('refuse weights that sum to nothing and unknown modes', () => {
    const zero = { ...DEFAULT_RULE_SET, tasks: { ...DEFAULT_TASK_SETTINGS, taskAxisWeights: { quantity: 0, quality: 0, progress: 0 } } };
    expect(ruleSetSchema.safeParse(zero).error?.issues[0]?.message).toBe('Tổng trọng số của số lượng, chất lượng, tiến độ phải lớn hơn 0');
    expect(ruleSetSchema.safeParse({ ...DEFAULT_RULE_SET, tasks: { deductionMode: 'half' } }).success).toBe(false);
    expect(ruleSetSchema.safeParse({ ...DEFAULT_RULE_SET, tasks: { supportRoleFactor: 0.333 } }).success).toBe(false);
  });

  it('come with the presets: haiphong-2025 weighs 25/30/25 of 80, nd335-2026 turns on the leaders’ axes', () => {
    expect(RULE_SET_PRESETS['haiphong-2025']!.tasks).toMatchObject({ taskAxisWeights: { quantity: 25, quality: 30, progress: 25 }, resultsMax: 80 });
    expect(RULE_SET_PRESETS['nd335-2026']!.tasks.leaderAxes).toBe(true);
    for (const preset of Object.values(RULE_SET_PRESETS)) expect(ruleSetSchema.parse(preset)).toEqual(preset);
  });
});
