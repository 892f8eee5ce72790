import { describe, expect, it } from 'vitest';
import { RULE_SET_PRESETS } from '../../../../server/contract/rule-set.ts';
import { partMaximaErrors } from '../../../../server/rules/tasks/index.ts';

const settings = (preset: string) => RULE_SET_PRESETS[preset]!.tasks;

describe('the parts of the score against resultsMax', () => {
  it('bounds results by resultsMax and general by the rest of 100, to the tenth', () => {
    expect(partMaximaErrors({ general: 30, results: 70 }, settings('default'))).toEqual([]);
    expect(partMaximaErrors({ general: 30.1, results: 70.1 }, settings('default')).map((e) => e.field)).toEqual(['results', 'general']);
    expect(partMaximaErrors({ general: 20, results: 80 }, settings('haiphong-2025'))).toEqual([]);
    expect(partMaximaErrors({ results: 80.1 }, settings('haiphong-2025'))[0]!.message).toBe(
      'Điểm kết quả thực hiện nhiệm vụ phải từ 0 đến 80 (resultsMax của bộ quy tắc)',
    );
    expect(partMaximaErrors({ general: 20.1 }, settings('haiphong-2025'))).toHaveLength(1);
  });

  it('says nothing of blank parts', () => {
    expect(partMaximaErrors({}, settings('default'))).toEqual([]);
    expect(partMaximaErrors({ general: null, results: undefined }, settings('haiphong-2025'))).toEqual([]);
  });
});
