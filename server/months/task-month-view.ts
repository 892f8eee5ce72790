import type { ComputedTask, TaskMonth, TaskPerson } from '../contract/task-sheet.ts';
import type { Db } from '../db/database.ts';
import { monthFromTasks, sharedLeadWarnings, taskRowFigures } from '../rules/tasks/index.ts';
import { computePersonMonth } from './month-view.ts';
import { rateWithoutMonthRow, taskInput, taskPerson, tasksByCode } from './month-tasks.ts';

/**
 * A month's tasks sheet computed (RULES.md §10): each row with what it adds to its person's axes, and each
 * person with their percentages, results and the level their month row gets from them. A person with task
 * rows but no row on the month's sheet of people has their results and NONE, for want of a general score.
 */
export async function taskMonthView(db: Db, orgId: number, period: string): Promise<TaskMonth> {
  const { rows: months, outcome, state, ruleSet, tasks, fromTasks } = await computePersonMonth(db, orgId, period);
  const monthOf = new Map(months.map((row, i) => [row.code, { row, result: outcome.rows[i]! }]));
  const warnings = sharedLeadWarnings(tasks.map((t) => ({ person: t.code, taskRef: t.taskRef ?? undefined, role: t.role as 'chủ trì' | 'phối hợp' })));
  const rows = tasks.map((t, i): ComputedTask => Object.assign({}, t, taskRowFigures(taskInput(t), ruleSet.tasks), { warning: warnings[i] ?? null }) as ComputedTask);
  const byCode = tasksByCode(tasks);
  const people: TaskPerson[] = [];
  const seen = new Set<string>();
  for (const t of tasks) {
    if (seen.has(t.code)) continue;
    seen.add(t.code);
    const month = monthOf.get(t.code);
    const from = fromTasks.get(t.code) ?? monthFromTasks(month ? month.row : null, byCode.get(t.code)!, ruleSet);
    people.push(taskPerson(t, from, month?.row ?? null, month?.result ?? rateWithoutMonthRow(t, from, ruleSet)));
  }
  return { ...state, rows, people };
}
