import type { Db } from '../db/database.ts';

export interface PeriodState {
  finalised: boolean;
  raisedRate: number | null;
  raisedReason: string | null;
}

export interface DecisionRow {
  id: number;
  subject: 'person' | 'unit';
  kind: 'award' | 'withdraw-award' | 'raise-rate' | 'finalise' | 'reopen' | 'withdraw' | 'reinstate';
  keys: string[];
  title: string | null;
  rate: number | null;
  reason: string;
  decidedBy: number | null;
  decidedAt: string;
}

export async function periodState(db: Db, orgId: number, period: string, lock = false): Promise<PeriodState> {
  const [row] = await db.query<PeriodState>(
    `select finalised, raised_rate as "raisedRate", raised_reason as "raisedReason"
     from period_state where org_id = $1 and period = $2 ${lock ? 'for share' : ''}`,
    [orgId, period],
  );
  return row ?? { finalised: false, raisedRate: null, raisedReason: null };
}

export async function setPeriodState(
  db: Db,
  orgId: number,
  period: string,
  patch: { finalised?: boolean; raisedRate?: number; raisedReason?: string },
): Promise<void> {
  await db.query(
    `insert into period_state (org_id, period, finalised, raised_rate, raised_reason)
     values ($1, $2, coalesce($3, false), $4, $5)
     on conflict (org_id, period) do update set
       finalised = coalesce($3, period_state.finalised),
       raised_rate = coalesce($4, period_state.raised_rate),
       raised_reason = coalesce($5, period_state.raised_reason),
       updated_at = now()`,
    [orgId, period, patch.finalised ?? null, patch.raisedRate ?? null, patch.raisedReason ?? null],
  );
}

/**
 * Takes the period row's lock and says whether the period is finalised. Pushes take it shared, so pushes of
 * one month run side by side (their rows have their own locks); a council decision takes it exclusively, so
 * it waits for the pushes under way and a push never lands in a month being finalised.
 */
export async function lockPeriod(db: Db, orgId: number, period: string, mode: 'share' | 'update' = 'update'): Promise<{ finalised: boolean }> {
  await db.query(
    `insert into period_state (org_id, period) values ($1, $2) on conflict (org_id, period) do nothing`,
    [orgId, period],
  );
  const [row] = await db.query<{ finalised: boolean }>(
    `select finalised from period_state where org_id = $1 and period = $2 for ${mode === 'share' ? 'share' : 'update'}`,
    [orgId, period],
  );
  return { finalised: row?.finalised ?? false };
}

export async function insertDecision(
  db: Db,
  orgId: number,
  period: string,
  d: { subject: 'person' | 'unit'; kind: DecisionRow['kind']; keys: string[]; title?: string | null; rate: number | null; reason: string; userId: number },
): Promise<DecisionRow> {
  const [row] = await db.query<DecisionRow>(
    `insert into decision (org_id, period, subject, kind, keys, rate, reason, decided_by, title)
     values ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9)
     returning id, subject, kind, keys, title, rate, reason, decided_by as "decidedBy",
       to_char(decided_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "decidedAt"`,
    [orgId, period, d.subject, d.kind, d.keys, d.rate, d.reason, d.userId, d.title ?? null],
  );
  return row!;
}

export async function listDecisions(db: Db, orgId: number, period: string): Promise<DecisionRow[]> {
  return db.query<DecisionRow>(
    `select id, subject, kind, keys, title, rate, reason, decided_by as "decidedBy",
       to_char(decided_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "decidedAt"
     from decision where org_id = $1 and period = $2 order by id`,
    [orgId, period],
  );
}
