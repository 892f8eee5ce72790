import type { Db } from './database.ts';
import { upsertVersionedRows, type VersionedTable, type VersionedWriteOutcome } from './versioned-upsert.ts';

/** The month tables as versioned tables (see versioned-upsert.ts): scoped by period, keyed by person or unit. */
export type MonthTable = VersionedTable;
export type MonthWriteOutcome = VersionedWriteOutcome;

export interface MonthWriteRow {
  keyId: number;
  /** Staff code or unit name, for the audit log. */
  label: string;
  values: unknown[];
  baseVersion: number | null;
}

export async function upsertMonthRows(
  db: Db,
  t: MonthTable,
  scope: { orgId: number; period: string; actor: number; pushKey: string | null },
  rows: MonthWriteRow[],
): Promise<MonthWriteOutcome[]> {
  return upsertVersionedRows(
    db,
    t,
    { orgId: scope.orgId, scope: scope.period, actor: scope.actor, pushKey: scope.pushKey },
    rows.map((r) => ({ keys: [r.keyId], label: r.label, values: r.values, baseVersion: r.baseVersion })),
  );
}

export const RATING_COLUMNS = [
  { name: 'score', type: 'numeric' },
  { name: 'self_score', type: 'numeric' },
  { name: 'general', type: 'numeric' },
  { name: 'results', type: 'numeric' },
  { name: 'all_tasks_done', type: 'boolean' },
  { name: 'exceeded_pct', type: 'numeric' },
  { name: 'late_pct', type: 'numeric' },
  { name: 'discipline', type: 'text' },
  { name: 'note', type: 'text' },
] as const;

export const PERSON_MONTH: MonthTable = {
  table: 'person_month',
  scope: 'period',
  keys: [{ name: 'person_id', type: 'int' }],
  entity: 'person_month',
  columns: [{ name: 'unit_id', type: 'int' }, { name: 'duty_group', type: 'text' }, ...RATING_COLUMNS, { name: 'leave', type: 'text' }],
};

export const UNIT_MONTH: MonthTable = {
  table: 'unit_month',
  scope: 'period',
  keys: [{ name: 'unit_id', type: 'int' }],
  entity: 'unit_month',
  columns: RATING_COLUMNS,
};
