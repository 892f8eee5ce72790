import { formatDate } from '../rules/titles-dates.ts';
import { unitScopeError, type Caller } from '../access/access.ts';
import type { MonthState } from '../contract/push.ts';
import { rowChecker } from '../contract/row-checker.ts';
import { TASK_FIELD_LABELS, taskRowCrossField, taskRowSchema, type TaskRow } from '../contract/task-row.ts';
import type { TaskMonth } from '../contract/task-sheet.ts';
import { matchKey } from '../contract/text.ts';
import { onePersonOneRow, personIdentity, resolvePeople, type Candidate } from '../people/resolve-people.ts';
import { unitsByKey } from '../people/roster-repository.ts';
import type { PushKind } from '../push/push-pipeline.ts';
import { contractRejection, rejected, type RowResults } from '../push/row-results.ts';
import { taskMonthOf } from '../rules/tasks/index.ts';
import { monthState } from './month-view.ts';
import { TASK, type TaskKey, type TaskRecord } from './task-repository.ts';
import { taskMonthView } from './task-month-view.ts';

const L = TASK_FIELD_LABELS;
const monthText = (period: string) => `${period.slice(5, 7)}/${period.slice(0, 4)}`;

/** A task's key within its person's month (research §3.3 TASK-1): its Mã nhiệm vụ, else its name. */
export function taskKeyOf(row: Pick<TaskRow, 'taskRef' | 'taskName'>): string {
  return row.taskRef ? `ref:${matchKey(row.taskRef)}` : `name:${matchKey(row.taskName)}`;
}

const taskText = (row: TaskRow) => (row.taskRef ? `${L.taskRef} ${row.taskRef}` : `Nhiệm vụ «${row.taskName}»`);

/** Per-row checks before the store: the contract, the month of the due date, a rater's units, duplicates. */
function screenTasks(caller: Caller, period: string, rows: Record<string, unknown>[]) {
  const results: RowResults = rows.map(() => null);
  const candidates: Candidate<TaskRow>[] = [];
  const seen = new Set<string>();
  const checker = rowChecker(taskRowSchema, taskRowCrossField);
  rows.forEach((raw, index) => {
    const check = checker.check(raw);
    if (!check.ok) {
      results[index] = contractRejection(index, raw, check.errors);
      return;
    }
    const row = check.value;
    const reject = (field: string, message: string) => {
      results[index] = rejected(index, row.ref ?? null, row.code ?? null, [{ field, message }]);
    };
    // A row counts in the month it is due (RULES.md §10): work finished late is recorded on the due month's row.
    const month = taskMonthOf(row, period);
    if (month !== period) {
      reject('dueOn', `${L.dueOn} ${formatDate(row.dueOn!)} thuộc tháng ${monthText(month)}; ghi nhiệm vụ này vào bảng nhiệm vụ tháng ${monthText(month)}`);
      return;
    }
    const unitKey = row.unit ? matchKey(row.unit) : '';
    const scopeError = row.unit ? unitScopeError(caller, unitKey) : null;
    if (scopeError) {
      results[index] = rejected(index, row.ref ?? null, row.code ?? null, [scopeError]);
      return;
    }
    const nameKey = row.name ? matchKey(row.name) : '';
    const who = personIdentity(row.code, nameKey, unitKey);
    const identity = `${who}\u0000${taskKeyOf(row)}`;
    if (seen.has(identity)) {
      reject(row.taskRef ? 'taskRef' : 'taskName', `${taskText(row)} của cùng một người xuất hiện nhiều lần trong lần gửi này`);
      return;
    }
    seen.add(identity);
    candidates.push({ index, row, nameKey, unitKey });
  });
  return { candidates, results };
}

function taskRecord(row: TaskRow): TaskRecord {
  return {
    taskRef: row.taskRef ?? null,
    taskName: row.taskName,
    source: row.source,
    role: row.role,
    k: row.k,
    g: row.g ?? null,
    h: row.h ?? null,
    dueOn: row.dueOn ?? null,
    doneOn: row.doneOn ?? null,
    qFails: row.qFails ?? null,
    dFails: row.dFails ?? null,
    exceeded: row.exceeded ?? null,
    objective: row.objective ?? null,
    confirmedBy: row.confirmedBy ?? null,
    note: row.note ?? null,
  };
}

/**
 * The tasks sheet of a month (RULES.md §10): tasks and products of people the service knows (found by
 * staff code, or by name within the unit; never created here), keyed by person and Mã nhiệm vụ (or name)
 * within the month, pushed with the month's semantics: versions, conflicts, idempotency, finalised months refuse.
 */
export const taskMonthPush: PushKind<string, Candidate<TaskRow>, TaskKey, TaskRecord, TaskMonth, MonthState> = {
  name: 'task',
  table: TASK,
  scope: (period) => period,
  screen: screenTasks,
  prepare: async (db, caller, _period, candidates, results, pushKey) => {
    const unitKeys = [...new Set(candidates.map((c) => c.unitKey).filter((k) => k !== ''))];
    const units = await unitsByKey(db, caller.orgId, unitKeys);
    const unitIds = new Map([...units].map(([k, u]) => [k, u.id]));
    await resolvePeople(db, caller, candidates, unitIds, results, pushKey, null);
    onePersonOneRow(candidates, results, {
      rowKey: (c) => taskKeyOf(c.row),
      error: (c, where) => ({ field: c.row.taskRef ? 'taskRef' : 'taskName', message: `${taskText(c.row)} của cán bộ ${c.person!.code} đã có ở ${where}` }),
    });
    return candidates
      .filter((c) => c.person && results[c.index] === null)
      .map((c) => ({
        candidate: c,
        write: {
          keys: { personId: c.person!.id, taskKey: taskKeyOf(c.row) },
          label: `${c.person!.code}: ${c.row.taskRef ?? c.row.taskName}`,
          resultKey: c.person!.code,
          record: taskRecord(c.row),
          baseVersion: c.row.baseVersion ?? null,
        },
      }));
  },
  representation: taskMonthView,
  minimal: (db, orgId, period) => monthState(db, orgId, period, 'person'),
};
