import { LEVEL_LABELS } from '../contract/levels.ts';
import type { ComputedTask, TaskMonth, TaskPerson } from '../contract/task-sheet.ts';
import type { Db } from '../db/database.ts';
import { monthFromTasks, sharedLeadWarnings, taskRowFigures, type MonthFromTasks } from '../rules/tasks/index.ts';
import type { MonthResult } from '../rules/index.ts';
import { computePersonMonth } from './month-view.ts';
import { rateWithoutMonthRow, taskInput, tasksByCode } from './month-tasks.ts';
import type { StoredPersonMonth } from './month-repository.ts';
import type { StoredTask } from './task-repository.ts';

function taskPerson(t: StoredTask, from: MonthFromTasks, month: { row: StoredPersonMonth | null; result: MonthResult }): TaskPerson {
  const c = from.computed;
  return {
    code: t.code,
    name: t.name,
    unit: month.row?.unit ?? t.unit,
    general: month.row?.general ?? null,
    quantityPct: c?.quantityPct ?? null,
    qualityPct: c?.qualityPct ?? null,
    progressPct: c?.progressPct ?? null,
    results: c?.results ?? null,
    resultsUsed: from.results,
    allTasksDone: from.allTasksDone,
    latePct: from.latePct,
    exceededPct: from.exceededPct,
    score: from.score,
    level: month.result.level,
    label: LEVEL_LABELS[month.result.level],
    reasons: [...from.reasons, ...month.result.reasons],
  };
}

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
    people.push(taskPerson(t, from, month ?? { row: null, result: rateWithoutMonthRow(t, from, ruleSet) }));
  }
  return { ...state, rows, people };
}
