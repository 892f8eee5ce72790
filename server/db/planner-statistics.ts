import type { Db } from './database.ts';

/** A month this big is worth a fresh ANALYZE when the planner takes it for a tenth of that or less. */
const BIG_MONTH = 1_000;

/**
 * Refreshes the statistics of the month's tables when they predate the month about to be read: right after a
 * new month's first bulk sync, before autovacuum's ANALYZE (up to a minute later), the planner took a 50,000-row
 * month for one row and joined each row to every person of the organisation (14 minutes instead of 0.3 s).
 * Costs two small statements when the statistics are sound; an ANALYZE (≈ 0.2–0.5 s) when they are not.
 */
export async function freshenMonthStatistics(db: Db, orgId: number, period: string): Promise<void> {
  const [counted] = await db.query<{ n: number }>(
    `select count(*)::int as n from (select 1 from person_month where org_id = $1 and period = $2 limit ${BIG_MONTH}) m`,
    [orgId, period],
  );
  if ((counted?.n ?? 0) < BIG_MONTH) return;
  const [row] = await db.query<Record<string, unknown>>(
    `explain (format json) select 1 from person_month where org_id = $1 and period = $2`,
    [orgId, period],
  );
  const value = Object.values(row ?? {})[0];
  const plan = (typeof value === 'string' ? JSON.parse(value) : value) as [{ Plan: { 'Plan Rows': number } }];
  if (plan[0].Plan['Plan Rows'] * 10 >= BIG_MONTH) return;
  await db.query('analyze person_month, person');
}
