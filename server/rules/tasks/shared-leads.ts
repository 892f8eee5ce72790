import { matchKey } from '../../contract/text.ts';
import { SHARED_LEAD_WARNING } from './task-reasons.ts';
import type { TaskRole } from './types.ts';

export interface LeadRow {
  /** Who the row is about (staff code, or name and unit). */
  person: string;
  taskRef?: string | undefined;
  role?: TaskRole | undefined;
}

/**
 * TASK-7 item 6: a task (by Mã nhiệm vụ) with two or more people as Chủ trì counts for each of them, and
 * each of those rows is warned. Rows without a Mã nhiệm vụ are not compared: task names repeat too often
 * ("Soạn giáo án") to say they are one task. Returns one warning or null per row, in input order.
 */
export function sharedLeadWarnings(rows: readonly LeadRow[]): (string | null)[] {
  const leadsByTask = new Map<string, Set<string>>();
  const keyOf = (row: LeadRow) => (row.taskRef !== undefined && (row.role ?? 'chủ trì') === 'chủ trì' ? matchKey(row.taskRef) : null);
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null || key === '') continue;
    const people = leadsByTask.get(key) ?? new Set<string>();
    people.add(row.person);
    leadsByTask.set(key, people);
  }
  return rows.map((row) => {
    const key = keyOf(row);
    return key !== null && (leadsByTask.get(key)?.size ?? 0) > 1 ? SHARED_LEAD_WARNING : null;
  });
}
