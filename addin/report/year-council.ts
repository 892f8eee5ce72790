import { DOSSIER_TITLES, DOSSIER_TITLE_LABELS, type DossierTitle, type Holder } from '../../server/contract/dossier-titles.ts';
import type { QuotaFacts } from '../../server/contract/results.ts';
import type { YearProposals, YearResults } from '../../server/contract/year-results.ts';
import type { TieRun } from './tie-runs.ts';

/** A tie run at the yearly quota (RULES.md §5, §7): of people, or of units (khoa, phòng). */
export interface YearTieRun extends TieRun {
  subject: Holder;
}

/** A title on the proposal list the council may take off it (DOC-1 `withdraw`). */
export interface ProposalChoice {
  holder: Holder;
  key: string;
  /** Họ và tên, or the unit's name. */
  name: string;
  unit: string;
  title: DossierTitle;
  label: string;
  /** The vote is still wanted: the title stays proposed, off the list until voted. */
  pendingVote: boolean;
}

/** A withdrawal in force, with the reason the council gave. */
export interface WithdrawnChoice {
  holder: Holder;
  key: string;
  name: string;
  title: DossierTitle;
  label: string;
  reason: string;
  decidedAt: string;
}

/** What the year part of the council section shows and acts on. */
export interface YearCouncilView {
  year: string;
  finalised: boolean;
  rate: number;
  unitRate: number;
  people: number;
  units: number;
  ties: YearTieRun[];
  proposals: ProposalChoice[];
  withdrawals: WithdrawnChoice[];
}

interface TieMember {
  key: string;
  name: string;
  unit: string;
  annualScore: number | null;
  level: TieRun['members'][number]['level'];
}

function tieRunsOf(subject: Holder, quotas: readonly QuotaFacts[], rows: readonly TieMember[]): YearTieRun[] {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return quotas
    .filter((q) => q.tieCodes.length > 0)
    .map((q) => ({
      subject,
      group: q.group,
      allowed: q.allowed,
      used: q.used,
      left: Math.max(0, q.allowed - q.used),
      members: q.tieCodes.map((key) => {
        const r = byKey.get(key);
        return { code: key, name: r?.name ?? '', unit: r?.unit ?? '', score: r?.annualScore ?? null, level: r?.level ?? null };
      }),
    }));
}

/** The yearly quota's tie runs, people's first, with names and annual scores from the year's rows. */
export function yearTieRuns(results: Pick<YearResults, 'people' | 'units' | 'quotas'>): YearTieRun[] {
  const people = results.people.map((p) => ({ key: p.code, name: p.name, unit: p.unit, annualScore: p.annualScore, level: p.level }));
  // A unit is named by itself: its name goes in the member's name, nothing beside it.
  const units = results.units.map((u) => ({ key: u.unit, name: u.unit, unit: '', annualScore: u.annualScore, level: u.level }));
  return [...tieRunsOf('person', results.quotas.people, people), ...tieRunsOf('unit', results.quotas.units, units)];
}

const isDossierTitle = (title: string): title is DossierTitle => (DOSSIER_TITLES as readonly string[]).includes(title);

/**
 * The titles the council may withdraw (eligible, not withdrawn already) and the withdrawals in force, people
 * before units, each in the order the service lists them.
 */
export function proposalChoices(proposals: Pick<YearProposals, 'people' | 'units' | 'withdrawals'>): {
  proposals: ProposalChoice[];
  withdrawals: WithdrawnChoice[];
} {
  const holders = [
    ...proposals.people.map((p) => ({ holder: 'person' as const, key: p.code, name: p.name, unit: p.unit, proposals: p.proposals })),
    ...proposals.units.map((u) => ({ holder: 'unit' as const, key: u.unit, name: u.unit, unit: '', proposals: u.proposals })),
  ];
  const choices: ProposalChoice[] = [];
  for (const h of holders) {
    for (const p of h.proposals) {
      if (!p.eligible || p.withdrawn !== null || !isDossierTitle(p.title)) continue;
      choices.push({ holder: h.holder, key: h.key, name: h.name, unit: h.unit, title: p.title, label: p.label || DOSSIER_TITLE_LABELS[p.title], pendingVote: p.vote === 'pending' });
    }
  }
  const names = new Map(holders.map((h) => [`${h.holder}:${h.key}`, h.name]));
  const withdrawals = proposals.withdrawals.flatMap((w): WithdrawnChoice[] =>
    isDossierTitle(w.title)
      ? [{ holder: w.holder, key: w.key, name: names.get(`${w.holder}:${w.key}`) ?? w.key, title: w.title, label: DOSSIER_TITLE_LABELS[w.title], reason: w.reason, decidedAt: w.decidedAt }]
      : [],
  );
  return { proposals: choices, withdrawals };
}

export function yearCouncilView(results: YearResults, proposals: YearProposals): YearCouncilView {
  return {
    year: results.year,
    finalised: results.finalised,
    rate: results.rate,
    unitRate: results.unitRate,
    people: results.people.length,
    units: results.units.length,
    ties: yearTieRuns(results),
    ...proposalChoices(proposals),
  };
}
