import type { Caller } from '../access/access.ts';
import {
  contributionEntryKey,
  contributionKey,
  contributionPersonKey,
  type ContributionSheet,
  type ContributionSheetState,
  type MovementSheet,
  type MovementSheetState,
} from '../contract/drive-sheets.ts';
import type { MOVEMENT_KINDS, MOVEMENT_LEVELS } from '../contract/movement-row.ts';
import { matchKey } from '../contract/text.ts';
import { periodState } from '../council/period-repository.ts';
import type { Db } from '../db/database.ts';
import { compareVietnamese } from '../rules/dossier/vn-order.ts';
import { checkContribution } from '../rules/drives/check-contributions.ts';
import { driveTotals, participationMonths, type DriveTotals } from '../rules/drives/drive-totals.ts';
import type { ContributionInput, DriveInput } from '../rules/drives/drive-types.ts';
import { canSeePersonAmounts, type Viewer } from '../rules/drives/privacy.ts';
import { loadContributions, loadMovements, unitMembersInMonths, type StoredContribution, type StoredMovement } from './drive-repository.ts';

/** Who reads a contributions sheet: the caller's role and units (DRV-4). */
export interface DriveReader {
  orgId: number;
  viewer: Viewer;
}

export const driveReader = (caller: Caller): DriveReader => ({ orgId: caller.orgId, viewer: { role: caller.role, units: caller.units } });

const driveInput = (m: StoredMovement): DriveInput => ({ code: m.code, name: m.name, from: m.from, to: m.to });
const contributionInput = (c: StoredContribution): ContributionInput => ({
  driveCode: c.driveCode,
  unit: c.unit,
  person: c.code ?? c.name,
  form: c.form,
  amount: c.amount,
  inKindValue: c.inKindValue,
  date: c.date,
});

export async function movementSheet(db: Db, orgId: number, year: string): Promise<MovementSheet> {
  const [rows, state] = await Promise.all([loadMovements(db, orgId, [year]), periodState(db, orgId, year)]);
  return {
    year,
    finalised: state.finalised,
    rows: rows.map(({ year: _y, ...m }) => ({
      ...m,
      kind: m.kind as (typeof MOVEMENT_KINDS)[number] | null,
      level: m.level as (typeof MOVEMENT_LEVELS)[number] | null,
    })),
  };
}

export async function yearState(db: Db, orgId: number, year: string): Promise<MovementSheetState> {
  return { year, finalised: (await periodState(db, orgId, year)).finalised };
}

/**
 * The year's drive totals (DRV-3). A contribution counts in the year of its date (DRV-6.1): a dated row on the
 * sheet of the year before or after counts here, an undated row in the year of its sheet. Each drive is the
 * register's of this year, else of the year whose sheet named it.
 */
export async function yearDriveTotals(db: Db, orgId: number, year: string): Promise<DriveTotals> {
  const y = Number(year);
  const years = [String(y - 1), year, String(y + 1)];
  const [movements, contributions] = await Promise.all([loadMovements(db, orgId, years), loadContributions(db, orgId, years)]);
  const counted = contributions.filter((c) => (c.date === null ? c.year === y : Number(c.date.slice(0, 4)) === y));
  const named = new Set(counted.map((c) => `${c.year}\u0000${matchKey(c.driveCode)}`));
  const drives = new Map<string, DriveInput>();
  for (const m of movements) if (m.year === y) drives.set(matchKey(m.code), driveInput(m));
  for (const m of movements) {
    if (m.year !== y && named.has(`${m.year}\u0000${matchKey(m.code)}`) && !drives.has(matchKey(m.code))) drives.set(matchKey(m.code), driveInput(m));
  }
  const inputs = counted.map(contributionInput);
  // Tỷ lệ tham gia divides by the people rated in the unit in the months of its drives, not the whole year.
  const members = await unitMembersInMonths(db, orgId, participationMonths(y, [...drives.values()], inputs));
  const totals = driveTotals(y, [...drives.values()], inputs, (unit) => members.get(matchKey(unit)) ?? null);
  // Units in Vietnamese order of their names, never by amount (DRV-4).
  return { ...totals, units: totals.units.sort((a, b) => compareVietnamese(a.unit, b.unit)) };
}

/**
 * The contributions of a year's sheet as this caller may read them (DRV-4): person-level rows in full for the
 * admin, the council and the rater of the row's unit; for anyone else, their sums per drive, unit and form.
 * Rows keep the sheet's unit, drive and person order; nothing is sorted or ranked by amount.
 */
export async function contributionSheet(db: Db, reader: DriveReader, year: string): Promise<ContributionSheet> {
  const { orgId, viewer } = reader;
  const [stored, movements, state, totals] = await Promise.all([
    loadContributions(db, orgId, [year]),
    loadMovements(db, orgId, [year]),
    periodState(db, orgId, year),
    yearDriveTotals(db, orgId, year),
  ]);
  const drives = movements.map(driveInput);
  // Unit, then drive in register order, then person: Vietnamese order, never by amount (DRV-4).
  const driveAt = new Map(movements.map((m, i) => [matchKey(m.code), i]));
  stored.sort(
    (a, b) =>
      compareVietnamese(a.unit, b.unit) ||
      (driveAt.get(matchKey(a.driveCode)) ?? 0) - (driveAt.get(matchKey(b.driveCode)) ?? 0) ||
      Number(a.code !== null || a.name !== null) - Number(b.code !== null || b.name !== null) ||
      compareVietnamese(a.code ?? a.name ?? '', b.code ?? b.name ?? '') ||
      compareVietnamese(a.receiptNo ?? a.date ?? '', b.receiptNo ?? b.date ?? ''),
  );
  const rows: ContributionSheet['rows'] = [];
  const hidden = new Map<string, ContributionSheet['hidden'][number]>();
  for (const c of stored) {
    const personLevel = c.code !== null || c.name !== null;
    if (personLevel && !canSeePersonAmounts(viewer, c.unit)) {
      const key = JSON.stringify([matchKey(c.driveCode), matchKey(c.unit), c.form]);
      const sum = hidden.get(key) ?? { driveCode: c.driveCode, unit: c.unit, form: c.form, rows: 0, amount: null, inKindValue: null };
      sum.rows++;
      if (c.amount !== null) sum.amount = (sum.amount ?? 0) + c.amount;
      if (c.inKindValue !== null) sum.inKindValue = (sum.inKindValue ?? 0) + c.inKindValue;
      hidden.set(key, sum);
      continue;
    }
    const { year: _y, ...row } = c;
    rows.push({
      ...row,
      key: contributionKey({ driveCode: c.driveCode, unit: c.unit, personKey: contributionPersonKey(c), entryKey: contributionEntryKey(c) }),
      warnings: checkContribution({ driveCode: c.driveCode, date: c.date }, drives).warnings,
    });
  }
  const personAmounts = viewer.role === 'admin' || viewer.role === 'council' ? 'all' : viewer.role === 'rater' ? 'own-units' : 'none';
  return { year, finalised: state.finalised, personAmounts, rows, hidden: [...hidden.values()], totals };
}

export async function contributionSheetState(db: Db, reader: DriveReader, year: string): Promise<ContributionSheetState> {
  return yearState(db, reader.orgId, year);
}
