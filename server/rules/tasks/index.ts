export { checkStatusChange, type StatusChange, type StatusVerdict } from './assessment-status.ts';
export { checkGeneralParts, GENERAL_PARTS, type GeneralPartField, type GeneralParts, type GeneralPartsCheck } from './general-parts.ts';
export { leaderMonthFromTasks, managedBy, unitResultsAxis, type LeaderTyped, type RatedPerson } from './leaders.ts';
export {
  applyTaskResult,
  monthFromTasks,
  periodFromTasks,
  type MonthFromTasks,
  type TypedMonthValues,
} from './month-from-tasks.ts';
export { quarterMonths, taskMonthOf } from './quarter.ts';
export { selfGapWarning } from './self-gap.ts';
export { sharedLeadWarnings, type LeadRow } from './shared-leads.ts';
export { NO_GENERAL_REASON, NO_TASKS_ASSIGNED_REASON, SHARED_LEAD_WARNING } from './task-reasons.ts';
export { taskResult } from './task-result.ts';
export { addTask, emptyTotals, sumTotals, totalsOf } from './task-totals.ts';
export type { TaskInput, TaskResult, TaskRole, TaskTotals } from './types.ts';
export { taskRowFigures, type TaskRowFigures } from './task-row-figures.ts';
export { partMaximaErrors, type PartMaximumError } from './part-maxima.ts';
