import type { Level } from '../contract/levels.ts';
import type { QuotaFacts } from '../contract/results.ts';
import type { QuotaSettings } from '../contract/rule-set.ts';
import { groupForQuota, type QuotaGroup } from './quota-groups.ts';
import { quotaLimit, walkQuota } from './quota.ts';
import {
  awardNotCutReason,
  awardOverQuotaReason,
  awardReason,
  overQuotaReason,
  raisedRateReason,
  tieAtQuotaReason,
} from './reasons.ts';
import { orderByScoreDesc, scoreHundredths } from './score-order.ts';
import type { PeriodDecisions } from './types.ts';

export interface QuotaInputRow {
  key: string;
  unit: string;
  dutyGroup: string | null;
  score: number | null;
}

/** The quota step's effect, one entry per input row (columns, so 50,000 rows cost no extra objects). */
export interface QuotaOutcome {
  levels: Level[];
  /** Reasons the quota step added to a row; undefined when it added none. */
  reasons: (string[] | undefined)[];
  tieAtQuota: boolean[];
  /** The facts of the row's quota group. */
  facts: QuotaFacts[];
  quotas: QuotaFacts[];
}

/**
 * RULES.md §3 and §7 for one month, on the levels steps 1–3 gave: per quota group, the selection walk at
 * the period's rate, then the council's awards to people the quota cut, by score descending while places
 * remain.
 */
export function applyQuota(
  rows: readonly QuotaInputRow[],
  levels: readonly Level[],
  settings: QuotaSettings,
  decisions: PeriodDecisions,
  /** What the group's members are called in the reasons: people, or units (khoa, phòng). */
  noun = 'người',
): QuotaOutcome {
  const awards = new Map<string, string>();
  for (const award of decisions.awards) if (!awards.has(award.key)) awards.set(award.key, award.reason);

  const outcome: QuotaOutcome = {
    levels: levels.slice(),
    reasons: new Array<string[] | undefined>(rows.length),
    tieAtQuota: new Array<boolean>(rows.length).fill(false),
    facts: new Array<QuotaFacts>(rows.length),
    quotas: [],
  };
  const hundredths = scoreHundredths(rows);
  for (const group of groupForQuota(rows, settings.scope)) {
    outcome.quotas.push(applyToGroup({ rows, levels, hundredths, settings, decisions, awards, outcome, noun }, group));
  }
  return outcome;
}

interface GroupContext {
  rows: readonly QuotaInputRow[];
  levels: readonly Level[];
  hundredths: Float64Array;
  settings: QuotaSettings;
  decisions: PeriodDecisions;
  awards: ReadonlyMap<string, string>;
  outcome: QuotaOutcome;
  noun: string;
}

function addReason(outcome: QuotaOutcome, i: number, reason: string): void {
  (outcome.reasons[i] ??= []).push(reason);
}

function applyToGroup(ctx: GroupContext, group: QuotaGroup): QuotaFacts {
  const { rows, levels, hundredths, settings, awards, outcome, noun } = ctx;
  const raised = ctx.decisions.raisedRate ?? null;
  const rate = raised?.rate ?? settings.rate;

  let ratedHttOrAbove = 0;
  const htxs: number[] = [];
  for (const i of group.members) {
    if (levels[i] === 'HTT' || levels[i] === 'HTXS') ratedHttOrAbove++;
    if (levels[i] === 'HTXS') htxs.push(i);
  }
  const candidates = orderByScoreDesc(htxs, hundredths);
  const candidateHundredths = Array.from(candidates, (i) => hundredths[i]!);

  const allowed = quotaLimit(ratedHttOrAbove, rate, settings.denominator);
  const { kept, tieEnd } = walkQuota(candidateHundredths, allowed);
  const keptAtBaseRate =
    raised && raised.rate !== settings.rate
      ? walkQuota(candidateHundredths, quotaLimit(ratedHttOrAbove, settings.rate, settings.denominator)).kept
      : kept;

  const facts: QuotaFacts = {
    group: group.label,
    unit: group.unit,
    dutyGroup: group.dutyGroup,
    rate,
    denominator: settings.denominator,
    candidates: ratedHttOrAbove,
    allowed,
    used: kept,
    tieCodes: [],
  };
  for (const i of group.members) outcome.facts[i] = facts;

  for (let pos = 0; pos < candidates.length; pos++) {
    const i = candidates[pos]!;
    if (pos < kept) {
      if (raised && pos >= keptAtBaseRate) addReason(outcome, i, raisedRateReason(raised.rate, raised.reason));
      continue;
    }
    outcome.levels[i] = 'HTT';
    if (pos < tieEnd) {
      outcome.tieAtQuota[i] = true;
      addReason(outcome, i, tieAtQuotaReason(group.label, allowed - kept, tieEnd - kept, noun));
    } else {
      addReason(outcome, i, overQuotaReason(group.label, allowed, ratedHttOrAbove, noun));
    }
  }

  if (awards.size > 0) {
    for (let pos = kept; pos < candidates.length; pos++) {
      const i = candidates[pos]!;
      const reason = awards.get(rows[i]!.key);
      if (reason === undefined) continue;
      if (facts.used < allowed) {
        outcome.levels[i] = 'HTXS';
        outcome.tieAtQuota[i] = false;
        addReason(outcome, i, awardReason(reason));
        facts.used++;
      } else {
        addReason(outcome, i, awardOverQuotaReason(allowed, ratedHttOrAbove));
      }
    }
    for (const i of group.members) {
      if (levels[i] !== 'HTXS' && awards.has(rows[i]!.key)) addReason(outcome, i, awardNotCutReason());
    }
  }

  for (let pos = kept; pos < tieEnd; pos++) {
    const i = candidates[pos]!;
    if (outcome.tieAtQuota[i]) facts.tieCodes.push(rows[i]!.key);
  }
  return facts;
}
