import { LEVEL_LABELS } from '../contract/levels.ts';
import type { RuleSet } from '../contract/rule-set.ts';
import type { TaskPerson } from '../contract/task-sheet.ts';
import type { TaskRole } from '../rules/tasks/types.ts';
import { classifyMonth, type MonthResult } from '../rules/index.ts';
import { leaderMonthFromTasks, managedBy, monthFromTasks, unitResultsAxis, type MonthFromTasks, type TaskInput } from '../rules/tasks/index.ts';
import type { StoredPersonMonth } from './month-repository.ts';
import type { StoredTask, TaskRecord } from './task-repository.ts';

const defined = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** A stored task row as the rules read it: blanks back to undefined, whose meaning the rules decide. */
export function taskInput(t: TaskRecord): TaskInput {
  return {
    taskRef: defined(t.taskRef),
    taskName: t.taskName,
    role: t.role as TaskRole,
    k: t.k,
    g: defined(t.g),
    h: defined(t.h),
    dueOn: defined(t.dueOn),
    doneOn: defined(t.doneOn),
    qFails: defined(t.qFails),
    dFails: defined(t.dFails),
    exceeded: defined(t.exceeded),
    objective: defined(t.objective),
  };
}

/** A month's task rows by staff code, in their stored order. */
export function tasksByCode(tasks: readonly StoredTask[]): Map<string, TaskInput[]> {
  const byCode = new Map<string, TaskInput[]>();
  for (const t of tasks) {
    const rows = byCode.get(t.code);
    if (rows) rows.push(taskInput(t));
    else byCode.set(t.code, [taskInput(t)]);
  }
  return byCode;
}

/**
 * What each person's task rows make of their month row (RULES.md §10): only people with task rows are in
 * the map; everyone else is rated exactly as typed.
 */
export function monthsFromTasks(rows: readonly StoredPersonMonth[], tasks: readonly StoredTask[], ruleSet: RuleSet): Map<string, MonthFromTasks> {
  const byCode = tasksByCode(tasks);
  const out = new Map<string, MonthFromTasks>();
  if (byCode.size === 0) return out;
  for (const r of rows) {
    const own = byCode.get(r.code);
    if (own) out.set(r.code, monthFromTasks(r, own, ruleSet));
  }
  return out;
}

/**
 * A person with task rows but no row on the sheet of people (TASK-7 item 8): rated as the row the roster would
 * give them, with their task results and no general score, so the rules answer NONE and say why.
 */
export function rateWithoutMonthRow(person: { code: string; unit: string }, from: MonthFromTasks, ruleSet: RuleSet): MonthResult {
  const row = {
    key: person.code,
    unit: person.unit,
    dutyGroup: null,
    score: from.score,
    allTasksDone: from.allTasksDone,
    exceededPct: from.exceededPct,
    latePct: from.latePct,
  };
  return classifyMonth([row], ruleSet, ruleSet.quota.personMonth, { awards: [] }).rows[0]!;
}

/** Whether a month row is a leader's under the rule set (leaderAxes, preset nd335-2026): it carries a typed đ or e. */
export function isLeaderRow(r: Pick<StoredPersonMonth, 'leaderOrganisePct' | 'leaderOtherPct'>, ruleSet: RuleSet): boolean {
  return ruleSet.tasks.leaderAxes && (r.leaderOrganisePct !== null || r.leaderOtherPct !== null);
}

/**
 * Leaders' months (RULES.md §10, NĐ 335 Điều 15): the unit-results axis from the levels the month gave
 * everyone they manage (leaderScope: their unit, or their list in leaderManages), then their six-term result. Only leaders with task rows change; the
 * month is then classified again on these inputs.
 */
export function leaderMonths(
  rows: readonly StoredPersonMonth[],
  results: readonly MonthResult[],
  tasks: readonly StoredTask[],
  ruleSet: RuleSet,
): Map<string, MonthFromTasks> {
  const out = new Map<string, MonthFromTasks>();
  const leaders = rows.filter((r) => isLeaderRow(r, ruleSet));
  if (leaders.length === 0) return out;
  const byCode = tasksByCode(tasks);
  const rated = rows.map((r, i) => ({ key: r.code, unit: r.unit, level: results[i]!.level }));
  for (const r of leaders) {
    const own = byCode.get(r.code);
    if (!own) continue;
    const list = ruleSet.tasks.leaderManages[r.code] ?? [];
    const axis = unitResultsAxis(managedBy({ key: r.code, unit: r.unit }, rated, ruleSet.tasks.leaderScope, list));
    out.set(r.code, leaderMonthFromTasks(r, own, axis, { organisePct: r.leaderOrganisePct, otherPct: r.leaderOtherPct }, ruleSet));
  }
  return out;
}

/**
 * One person of a tasks answer (a month's or a quarter's): their task figures, and the level their row on the
 * month's sheet of people gets from them (`rated`: that row's result, or `rateWithoutMonthRow`'s).
 */
export function taskPerson(t: StoredTask, from: MonthFromTasks, row: StoredPersonMonth | null, rated: Pick<MonthResult, 'level' | 'reasons'>): TaskPerson {
  const c = from.computed;
  return {
    code: t.code,
    name: t.name,
    unit: row?.unit ?? t.unit,
    general: row?.general ?? null,
    quantityPct: c?.quantityPct ?? null,
    qualityPct: c?.qualityPct ?? null,
    progressPct: c?.progressPct ?? null,
    results: c?.results ?? null,
    resultsUsed: from.results,
    allTasksDone: from.allTasksDone,
    latePct: from.latePct,
    exceededPct: from.exceededPct,
    score: from.score,
    level: rated.level,
    label: LEVEL_LABELS[rated.level],
    reasons: [...from.reasons, ...rated.reasons],
  };
}
