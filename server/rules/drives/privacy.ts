import { matchKey } from '../../contract/text.ts';
import { compareVietnameseNames, unitOrder } from '../dossier/vn-order.ts';
import type { ContributionInput } from './drive-types.ts';

export type Role = 'admin' | 'council' | 'rater' | 'viewer';

export interface Viewer {
  role: Role;
  /** The units a rater is limited to. */
  units: readonly string[];
}

/**
 * DRV-4 [I; the voluntary principle and the personal-data rules]: person-level amounts are for the admin, the
 * council and the rater of that person's unit only.
 */
export function canSeePersonAmounts(viewer: Viewer, unit: string): boolean {
  if (viewer.role === 'admin' || viewer.role === 'council') return true;
  return viewer.role === 'rater' && viewer.units.some((u) => matchKey(u) === matchKey(unit));
}

/** The contributions of people a caller may not see, summed per drive, unit and form. */
export interface SummedContribution {
  driveCode: string;
  unit: string;
  person: null;
  form: 'money' | 'in-kind';
  amount: number | null;
  inKindValue: number | null;
  date: null;
  /** How many rows the sum stands for. */
  summed: number;
}

export type VisibleContribution = ContributionInput | SummedContribution;

/**
 * The contributions a caller may read: every row it may see in full, and, for each drive and unit whose
 * person-level rows it may not see, their sum per form in their place (unit-level rows stay as they are).
 */
export function visibleContributions(rows: readonly ContributionInput[], viewer: Viewer): VisibleContribution[] {
  const out: VisibleContribution[] = [];
  const sums = new Map<string, SummedContribution>();
  for (const row of rows) {
    if (row.person === null || canSeePersonAmounts(viewer, row.unit)) {
      out.push(row);
      continue;
    }
    const key = JSON.stringify([matchKey(row.driveCode), matchKey(row.unit), row.form]);
    const sum = sums.get(key) ?? { driveCode: row.driveCode, unit: row.unit, person: null, form: row.form, amount: null, inKindValue: null, date: null, summed: 0 };
    if (row.form === 'money') sum.amount = (sum.amount ?? 0) + (row.amount ?? 0);
    else if (row.inKindValue !== null) sum.inKindValue = (sum.inKindValue ?? 0) + row.inKindValue;
    sum.summed++;
    sums.set(key, sum);
  }
  out.push(...sums.values());
  return out;
}

export interface PersonListEntry {
  unit: string;
  person: string;
  name: string;
  /** Only for the admin and the council. */
  amount?: number;
}

/**
 * A per-person report of a drive (DRV-4): names in unit order then Vietnamese collation, never sorted or
 * ranked by amount; amounts only when the caller is the admin or the council.
 */
export function personContributionList(
  rows: readonly (ContributionInput & { name: string })[],
  units: readonly string[],
  viewer: Viewer,
): PersonListEntry[] {
  const withAmounts = viewer.role === 'admin' || viewer.role === 'council';
  const byPerson = new Map<string, PersonListEntry>();
  for (const row of rows) {
    if (row.person === null) continue;
    const key = JSON.stringify([matchKey(row.unit), matchKey(row.person)]);
    const entry = byPerson.get(key) ?? { unit: row.unit, person: row.person, name: row.name, ...(withAmounts ? { amount: 0 } : {}) };
    if (withAmounts && row.form === 'money') entry.amount = (entry.amount ?? 0) + (row.amount ?? 0);
    byPerson.set(key, entry);
  }
  const byUnit = unitOrder(units);
  return [...byPerson.values()].sort((a, b) => byUnit(a.unit, b.unit) || compareVietnameseNames(a.name, b.name) || (a.person < b.person ? -1 : 1));
}
