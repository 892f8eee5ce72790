/** A quarter as `YYYY-Qn` (the CLI's --period): quarterly units rate on three months together [I]. */
const QUARTER = /^((?:19|20|21)\d\d)-Q([1-4])$/;

/** The three months (`YYYY-MM`) of a quarter, or null when the text is not one. */
export function quarterMonths(period: string): [string, string, string] | null {
  const m = QUARTER.exec(period);
  if (!m) return null;
  const first = (Number(m[2]) - 1) * 3 + 1;
  const month = (n: number) => `${m[1]}-${String(n).padStart(2, '0')}`;
  return [month(first), month(first + 1), month(first + 2)];
}

/**
 * The month a task row counts in (research §3.3 TASK-2 [I]): the month of its due date, else the month of
 * the sheet it is on. Work done late stays in the due month, recorded by editing that row.
 */
export function taskMonthOf(row: { dueOn?: string | undefined }, sheetMonth: string): string {
  return row.dueOn !== undefined ? row.dueOn.slice(0, 7) : sheetMonth;
}
