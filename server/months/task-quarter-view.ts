import type { TaskPerson, TaskQuarter } from '../contract/task-sheet.ts';
import type { Db } from '../db/database.ts';
import { loadRuleSet } from '../rule-set/rule-sets.ts';
import { classifyMonth } from '../rules/index.ts';
import { periodFromTasks, quarterMonths, sharedLeadWarnings, taskRowFigures, type MonthFromTasks } from '../rules/tasks/index.ts';
import { rateWithoutMonthRow, taskInput, taskPerson, tasksByCode } from './month-tasks.ts';
import { loadPersonMonth } from './month-repository.ts';
import { personMonthInput, withTasks } from './month-view.ts';
import { loadTasks } from './task-repository.ts';

// The quarter is read, never stored: its council decisions (awards, a raised rate) are each month's own.
const NO_DECISIONS = { awards: [] };

/**
 * Quarterly mode (RULES.md §10, TASK-7 item 7): each person's task rows of the three months summed before
 * the formula, then the people of the quarter's last month classified on those results (bands, gates,
 * discipline, quota of the monthly rule). Leaders are rated on their own products here: the unit-results
 * axis is a month's (a leader's quarter under leaderAxes stays their months').
 */
export async function taskQuarterView(db: Db, orgId: number, quarter: string): Promise<TaskQuarter> {
  const months = quarterMonths(quarter)!;
  const [people, tasksOfMonths, { version, ruleSet }] = await Promise.all([
    loadPersonMonth(db, orgId, months[2]),
    Promise.all(months.map((m) => loadTasks(db, orgId, m))),
    loadRuleSet(db, orgId),
  ]);
  const byMonth = tasksOfMonths.map(tasksByCode);
  const rowsOf = (code: string) => byMonth.map((m) => m.get(code) ?? []);
  const fromTasks = new Map<string, MonthFromTasks>();
  for (const r of people) {
    if (byMonth.some((m) => m.has(r.code))) fromTasks.set(r.code, periodFromTasks(r, rowsOf(r.code), ruleSet));
  }
  const outcome = classifyMonth(
    people.map((r) => withTasks(personMonthInput(r), fromTasks.get(r.code))),
    ruleSet,
    ruleSet.quota.personMonth,
    NO_DECISIONS,
  );
  const monthOf = new Map(people.map((row, i) => [row.code, { row, level: outcome.rows[i]!.level, reasons: outcome.rows[i]!.reasons }]));

  const all = tasksOfMonths.flatMap((tasks, i) => tasks.map((t) => ({ t, period: months[i]! })));
  const warnings = sharedLeadWarnings(all.map(({ t }) => ({ person: t.code, taskRef: t.taskRef ?? undefined, role: t.role as 'chủ trì' | 'phối hợp' })));
  const rows = all.map(({ t, period }, i) =>
    Object.assign({}, t, taskRowFigures(taskInput(t), ruleSet.tasks), { warning: warnings[i] ?? null, period }) as TaskQuarter['rows'][number],
  );
  const out: TaskPerson[] = [];
  const seen = new Set<string>();
  for (const { t } of all) {
    if (seen.has(t.code)) continue;
    seen.add(t.code);
    const month = monthOf.get(t.code);
    const from = fromTasks.get(t.code) ?? periodFromTasks(null, rowsOf(t.code), ruleSet);
    out.push(taskPerson(t, from, month?.row ?? null, month ?? rateWithoutMonthRow(t, from, ruleSet)));
  }
  return { quarter, months: [...months], ruleSetVersion: version, rows, people: out };
}
