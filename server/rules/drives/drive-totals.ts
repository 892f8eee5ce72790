import { cleanText, matchKey } from '../../contract/text.ts';
import { formatMoney } from '../rewards.ts';
import { divideHalfUp } from '../year-score.ts';
import type { ContributionInput, DriveInput } from './drive-types.ts';

export interface DriveTotal {
  code: string;
  name: string;
  money: number;
  /** Sum of Giá trị quy đổi where given. */
  inKindValue: number;
  /** In-kind contributions, valued or not (DRV-6.4). */
  inKindCount: number;
  units: number;
  /** Distinct people among person-level rows. */
  people: number;
}

export interface UnitDriveTotal {
  unit: string;
  /** Money per drive code. */
  byDrive: Record<string, number>;
  money: number;
  /** Drives of the year the unit gave to, in money or in kind. */
  drives: number;
  /** Shown only when the unit has person-level rows and its roster size is known [I]. */
  participation: { people: number; members: number; pct: number } | null;
}

export interface DriveTotals {
  year: number;
  drives: DriveTotal[];
  units: UnitDriveTotal[];
  money: number;
  inKindValue: number;
  inKindCount: number;
  /** The narrative line, e.g. «hơn 28 triệu đồng». */
  phrase: string;
}

/**
 * «hơn N triệu đồng», N rounded down, as year-end reports write a total; an exact number of millions is
 * «N triệu đồng», and a total under a million is written in full.
 */
export function moneyPhrase(total: number): string {
  if (total < 1_000_000) return `${formatMoney(total)} đồng`;
  const millions = Math.floor(total / 1_000_000);
  return total % 1_000_000 === 0 ? `${millions} triệu đồng` : `hơn ${millions} triệu đồng`;
}

const yearOfDate = (date: string) => Number(date.slice(0, 4));
const inYear = (year: number, c: ContributionInput) => c.date === null || yearOfDate(c.date) === year;

/** The months 'YYYY-MM' of `year` the drive runs in, from Từ ngày to Đến ngày; a missing end is the year's. */
export function driveMonths(year: number, drive: Pick<DriveInput, 'from' | 'to'>): string[] {
  const first = drive.from && yearOfDate(drive.from) === year ? Number(drive.from.slice(5, 7)) : 1;
  const last = drive.to && yearOfDate(drive.to) === year ? Number(drive.to.slice(5, 7)) : 12;
  const beforeYear = drive.to !== null && yearOfDate(drive.to) < year;
  const afterYear = drive.from !== null && yearOfDate(drive.from) > year;
  if (beforeYear || afterYear) return [];
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => `${year}-${String(first + i).padStart(2, '0')}`);
}

/**
 * Per unit (by its match key), the months whose roster Tỷ lệ tham gia divides by: those of the drives the
 * unit's people gave to this year (DRV-3, "members of the unit in the drive's months"). A unit with
 * unit-level rows only has none: it shows no rate.
 */
export function participationMonths(year: number, drives: readonly DriveInput[], contributions: readonly ContributionInput[]): Map<string, string[]> {
  const byCode = new Map(drives.map((d) => [matchKey(d.code), d]));
  const months = new Map<string, Set<string>>();
  for (const c of contributions) {
    const drive = byCode.get(matchKey(c.driveCode));
    if (c.person === null || !drive || !inYear(year, c)) continue;
    const unit = matchKey(c.unit);
    const set = months.get(unit) ?? new Set<string>();
    for (const m of driveMonths(year, drive)) set.add(m);
    months.set(unit, set);
  }
  return new Map([...months].map(([unit, set]) => [unit, [...set].sort()]));
}

/**
 * DRV-3: totals of the year per drive, per unit and overall, counted in the year of each contribution's date
 * (a drive spanning two years splits by date, DRV-6.1; an undated row counts in the year of its sheet), grouped
 * by the unit written on the row (DRV-6.5, 6.6). In-kind rows add their value where given and always their
 * count, never money (DRV-6.4). `members` gives a unit's roster size over the months of the drives its people
 * gave to (`participationMonths`), the denominator of Tỷ lệ tham gia. Amounts never feed a level or a title.
 */
export function driveTotals(
  year: number,
  drives: readonly DriveInput[],
  contributions: readonly ContributionInput[],
  members: (unit: string, months: readonly string[]) => number | null = () => null,
): DriveTotals {
  const rows = contributions.filter((c) => inYear(year, c));
  const monthsOf = participationMonths(year, drives, rows);
  const driveKey = (code: string) => matchKey(code);
  const totals = new Map<string, DriveTotal & { unitKeys: Set<string>; personKeys: Set<string> }>();
  for (const d of drives) {
    totals.set(driveKey(d.code), { code: d.code, name: d.name, money: 0, inKindValue: 0, inKindCount: 0, units: 0, people: 0, unitKeys: new Set(), personKeys: new Set() });
  }
  const units = new Map<string, Omit<UnitDriveTotal, 'drives'> & { personKeys: Set<string>; driveKeys: Set<string> }>();
  let money = 0;
  let inKindValue = 0;
  let inKindCount = 0;
  for (const c of rows) {
    const drive = totals.get(driveKey(c.driveCode));
    if (!drive) continue; // rejected at push: the register is checked first (checkContribution)
    const unitKey = matchKey(c.unit);
    let unit = units.get(unitKey);
    if (!unit) {
      unit = { unit: cleanText(c.unit), byDrive: {}, money: 0, participation: null, personKeys: new Set(), driveKeys: new Set() };
      units.set(unitKey, unit);
    }
    drive.unitKeys.add(unitKey);
    unit.driveKeys.add(driveKey(c.driveCode));
    if (c.person !== null) {
      drive.personKeys.add(matchKey(c.person));
      unit.personKeys.add(matchKey(c.person));
    }
    if (c.form === 'money') {
      const amount = c.amount ?? 0;
      drive.money += amount;
      unit.byDrive[drive.code] = (unit.byDrive[drive.code] ?? 0) + amount;
      unit.money += amount;
      money += amount;
    } else {
      drive.inKindCount++;
      inKindCount++;
      drive.inKindValue += c.inKindValue ?? 0;
      inKindValue += c.inKindValue ?? 0;
    }
  }
  const driveList = [...totals.values()].map(({ unitKeys, personKeys, ...d }) => ({ ...d, units: unitKeys.size, people: personKeys.size }));
  const unitList = [...units.values()].map(({ personKeys, driveKeys, ...u }) => {
    const size = personKeys.size > 0 ? members(u.unit, monthsOf.get(matchKey(u.unit)) ?? []) : null;
    const participation =
      personKeys.size > 0 && size !== null && size > 0
        ? { people: personKeys.size, members: size, pct: divideHalfUp(1000 * personKeys.size, size) / 10 }
        : null;
    return { ...u, drives: driveKeys.size, participation };
  });
  return { year, drives: driveList, units: unitList, money, inKindValue, inKindCount, phrase: moneyPhrase(money) };
}
