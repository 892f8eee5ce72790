import type { RuleSet } from '../../../../server/contract/rule-set.ts';
import type { TaskSettings } from '../../../../server/contract/task-settings.ts';
import { DEFAULT_RULE_SET } from '../../../../server/contract/rule-set.ts';
import type { TaskInput } from '../../../../server/rules/index.ts';

/** The default rule set with some task settings changed. */
export function withTasks(tasks: Partial<TaskSettings>, base: RuleSet = DEFAULT_RULE_SET): RuleSet {
  return { ...base, tasks: { ...base.tasks, ...tasks } };
}

/** A task row of k × g products, all done on time and passing, unless said otherwise. */
export function task(name: string, fields: Partial<TaskInput> = {}): TaskInput {
  return { taskName: name, k: 1, g: 1, h: fields.g ?? 1, ...fields };
}
