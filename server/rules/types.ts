import type { Level } from '../contract/levels.ts';
import type { QuotaFacts } from '../contract/results.ts';

/** One rated entity's month (a person, or a unit) as the rules see it: plain data, no I/O. */
export interface MonthInput {
  /** Staff code for a person, unit name for a unit. */
  key: string;
  /** The person's unit; for a unit, its own name. */
  unit: string;
  dutyGroup: string | null;
  /** Assessed score; null = not classified (NONE) and not ranked. */
  score: number | null;
  allTasksDone?: boolean | null;
  exceededPct?: number | null;
  latePct?: number | null;
  discipline?: string | null;
  /** Units only (RULES.md §2): a member was disciplined in the month. */
  memberDisciplined?: boolean;
}

/** The council's decisions for one period (RULES.md §7). */
export interface PeriodDecisions {
  /** A raised HTXS rate for the period (≤ the rule set's maxRaisedRate), with its reason. */
  raisedRate?: { rate: number; reason: string } | null;
  /** People (or units) the council awarded HTXS after the quota cut them. */
  awards: { key: string; reason: string }[];
}

export interface MonthResult {
  key: string;
  level: Level;
  /** LEVEL_LABELS[level], the Vietnamese label. */
  label: string;
  levelBeforeQuota: Level;
  rankInUnit: number | null;
  rankInOrg: number | null;
  reasons: string[];
  tieAtQuota: boolean;
  quota: QuotaFacts | null;
}

export interface MonthOutcome {
  rows: MonthResult[];
  quotas: QuotaFacts[];
}
