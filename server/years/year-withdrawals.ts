import type { DossierTitle, Holder } from '../contract/dossier-titles.ts';
import { matchKey } from '../contract/text.ts';
import type { DecisionRow } from '../council/period-repository.ts';

/** A holder's title the council took off the proposal list, with who and when (DOC-1). */
export interface YearWithdrawal {
  holder: Holder;
  key: string;
  title: DossierTitle;
  reason: string;
  decidedBy: number | null;
  decidedAt: string;
}

const id = (holder: Holder, key: string, title: string) => JSON.stringify([holder, matchKey(key), title]);

/** The withdrawals in force after the year's decisions, in order: a `reinstate` undoes an earlier `withdraw`. */
export function withdrawalsInForce(decisions: readonly DecisionRow[]): YearWithdrawal[] {
  const inForce = new Map<string, YearWithdrawal>();
  for (const d of decisions) {
    if ((d.kind !== 'withdraw' && d.kind !== 'reinstate') || d.title === null || d.keys[0] === undefined) continue;
    const key = id(d.subject, d.keys[0], d.title);
    if (d.kind === 'reinstate') inForce.delete(key);
    else inForce.set(key, { holder: d.subject, key: d.keys[0], title: d.title as DossierTitle, reason: d.reason, decidedBy: d.decidedBy, decidedAt: d.decidedAt });
  }
  return [...inForce.values()];
}

/** Looks a holder's title up among the withdrawals. */
export function withdrawalLookup(withdrawals: readonly YearWithdrawal[]) {
  const byId = new Map(withdrawals.map((w) => [id(w.holder, w.key, w.title), w]));
  return (holder: Holder, key: string, title: string) => byId.get(id(holder, key, title)) ?? null;
}
