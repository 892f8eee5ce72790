import { z } from 'zod';
import { levelSchema } from './levels.ts';
import { periodStateSchema, pushOutcomeFields } from './push.ts';
import { TASK_ROLES, TASK_SOURCES } from './task-row.ts';

/** A stored task row with its computed columns (RULES.md §10): what it adds to its person's axes. */
export const computedTaskSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    unit: z.string(),
    taskRef: z.string().nullable(),
    taskName: z.string(),
    source: z.enum(TASK_SOURCES),
    role: z.enum(TASK_ROLES),
    k: z.number(),
    g: z.number().int().nullable(),
    h: z.number().int().nullable(),
    dueOn: z.string().nullable().describe('YYYY-MM-DD'),
    doneOn: z.string().nullable().describe('YYYY-MM-DD'),
    qFails: z.number().int().nullable(),
    dFails: z.number().int().nullable(),
    exceeded: z.boolean().nullable(),
    objective: z.boolean().nullable(),
    confirmedBy: z.string().nullable(),
    note: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
    assigned: z.number().describe('k·g times the role\'s share: the row\'s part of the converted products assigned (A)'),
    done: z.number().describe('k·min(h, g) times the role\'s share: its part of the quantity axis'),
    quality: z.number().nullable().describe('Its part of the quality axis after deductions; null when nothing was done'),
    progress: z.number().nullable().describe('Its part of the progress axis after deductions; null when nothing was done'),
    deductions: z.string().nullable().describe('The row\'s deductions and why it counts as it does, in Vietnamese'),
    warning: z.string().nullable().describe('E.g. two people Chủ trì of one Mã nhiệm vụ'),
  })
  .meta({ id: 'ComputedTask' });
export type ComputedTask = z.infer<typeof computedTaskSchema>;

/** A person's task results for the month and what the month made of them (their month row's level). */
export const taskPersonSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    unit: z.string(),
    general: z.number().nullable().describe('Điểm tiêu chí chung typed on the month\'s row of people; null without one'),
    quantityPct: z.number().nullable(),
    qualityPct: z.number().nullable(),
    progressPct: z.number().nullable(),
    results: z.number().nullable().describe('Điểm kết quả computed from the tasks; null when nothing was assigned'),
    resultsUsed: z.number().nullable().describe('Điểm kết quả the month uses (typed or computed, per resultsSource)'),
    allTasksDone: z.boolean().nullable(),
    latePct: z.number().nullable(),
    exceededPct: z.number().nullable(),
    score: z.number().nullable().describe('The score the month rated'),
    level: levelSchema.describe('The month\'s level; NONE («Chưa có điểm tiêu chí chung») without a row on the month\'s sheet of people'),
    label: z.string(),
    reasons: z.array(z.string()),
  })
  .meta({ id: 'TaskPerson' });
export type TaskPerson = z.infer<typeof taskPersonSchema>;

export const taskMonthSchema = periodStateSchema
  .extend({ rows: z.array(computedTaskSchema), people: z.array(taskPersonSchema) })
  .meta({ id: 'TaskMonth' });
export type TaskMonth = z.infer<typeof taskMonthSchema>;

export const taskPushResponseSchema = taskMonthSchema.extend(pushOutcomeFields).meta({ id: 'TaskPushResponse' });
export type TaskPushResponse = z.infer<typeof taskPushResponseSchema>;

/** A quarter as `YYYY-Qn` (research §3.3 TASK-1 [I]): quarterly units rate on three months together. */
export const quarterSchema = z
  .string({ error: 'Quý phải có dạng YYYY-Qn' })
  .regex(/^(19|20|21)\d\d-Q[1-4]$/, 'Quý phải có dạng YYYY-Qn, ví dụ 2026-Q4')
  .meta({ id: 'Quarter', example: '2026-Q4' });

/**
 * A quarter's task results (RULES.md §10, quarterly mode): every task row of its three months (each with the
 * month it counts in) and each person's quarter, the three months' sums added before the formula runs
 * (Σ numerators over Σ assigned). The person's typed values and level come from the row of the quarter's
 * last month on the month's sheet of people.
 */
export const taskQuarterSchema = z
  .object({
    quarter: quarterSchema,
    months: z.array(z.string()).length(3),
    ruleSetVersion: z.number().int(),
    rows: z.array(computedTaskSchema.extend({ period: z.string().describe('YYYY-MM: the month the row counts in') })),
    people: z.array(taskPersonSchema),
  })
  .meta({ id: 'TaskQuarter' });
export type TaskQuarter = z.infer<typeof taskQuarterSchema>;
