import { expect } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../server/contract/rule-set.ts';
import type { TestService } from '../../support/service.ts';
import { commendLimit } from '../../../server/rules/students.ts';
import { quotaLimit } from '../../../server/rules/quota.ts';

/**
 * A year of a school generated from the figures a year-end report gives (DOC-7), so a test can push it through
 * the API and find those figures again: people and months, HTXS within each month's quota, units' months,
 * classes with their commended students, and drives with their contributions. Everything else (who, which
 * month, which scores, how the money splits) is drawn from a seeded generator: nothing is laid out by hand.
 */
export interface YearFigures {
  year: number;
  staff: number;
  units: number;
  personMonths: number;
  htxsPersonMonths: number;
  unitMonths: number;
  unitHtxs: number;
  studentsCommended: number;
  /** At least this many classes. */
  classes: number;
  money: number;
  drives: number;
  /** The person-month quota: at most rate% of those rated HTT or above (`htt-or-above`). */
  quotaRate: number;
}

export interface GeneratedYear {
  units: string[];
  /** Per month (1…12): the person rows to push. */
  personMonths: Map<number, { code: string; name: string; unit: string; dutyGroup: string; score: number }[]>;
  unitMonths: Map<number, { unit: string; score: number }[]>;
  classes: { name: string; rows: { code: string; name: string; gpa: number; conduct: string }[] }[];
  movements: { code: string; name: string; kind: string; from: string; to: string }[];
  contributions: Record<string, unknown>[];
  /** Rows that must not count in the year: a class of another year, a contribution dated in another year, goods. */
  decoys: { otherYearClass: { name: string; rows: { code: string; name: string; gpa: number; conduct: string }[] }; contributions: Record<string, unknown>[] };
}

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `total` split into `caps.length` parts, part i at most caps[i], drawn at random one unit at a time. */
function splitUnder(total: number, caps: readonly number[], rnd: () => number): number[] {
  if (caps.reduce((a, b) => a + b, 0) < total) throw new RangeError(`cannot place ${total} under caps ${caps.join(',')}`);
  const parts = caps.map(() => 0);
  for (let placed = 0; placed < total; placed++) {
    const open = caps.flatMap((c, i) => (parts[i]! < c ? [i] : []));
    parts[open[Math.floor(rnd() * open.length)]!]!++;
  }
  return parts;
}

function pick<T>(items: readonly T[], n: number, rnd: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

const int = (rnd: () => number, lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

export function generateYear(f: YearFigures, seed: number): GeneratedYear {
  const rnd = random(seed);
  const units = Array.from({ length: f.units }, (_, i) => `Khoa ${String.fromCharCode(65 + i)} ${seed}`);
  const staff = Array.from({ length: f.staff }, (_, i) => ({
    code: `S${seed}-${i + 1}`,
    name: `Cán bộ ${seed} số ${i + 1}`,
    unit: units[i % units.length]!,
    dutyGroup: 'Giảng viên',
  }));

  // People: each month's size at most the staff, then HTXS under each month's quota.
  const sizes = splitUnder(f.personMonths, Array(12).fill(f.staff), rnd);
  // Some rated HT each month; the quota counts those rated HTT or above.
  const weak = sizes.map((n) => Math.floor(n * rnd() * 0.15));
  const htxs = splitUnder(f.htxsPersonMonths, sizes.map((n, i) => quotaLimit(n - weak[i]!, f.quotaRate, 'htt-or-above')), rnd);
  const personMonths = new Map<number, GeneratedYear['personMonths'] extends Map<number, infer R> ? R : never>();
  sizes.forEach((n, i) => {
    if (n === 0) return;
    const rated = pick(staff, n, rnd);
    personMonths.set(
      i + 1,
      rated.map((p, j) => ({ ...p, score: j < htxs[i]! ? int(rnd, 90, 100) : j < n - weak[i]! ? int(rnd, 70, 89) : int(rnd, 50, 69) })),
    );
  });

  // Units: their months, HTXS among them (no unit-month quota by default).
  const unitSlots = Array.from({ length: 12 * f.units }, (_, i) => ({ month: Math.floor(i / f.units) + 1, unit: units[i % f.units]! }));
  const rated = pick(unitSlots, f.unitMonths, rnd);
  const excellent = new Set(pick(rated, f.unitHtxs, rnd));
  const unitMonths = new Map<number, { unit: string; score: number }[]>();
  for (const slot of rated) {
    const rows = unitMonths.get(slot.month) ?? [];
    rows.push({ unit: slot.unit, score: excellent.has(slot) ? int(rnd, 90, 100) : int(rnd, 70, 89) });
    unitMonths.set(slot.month, rows);
  }

  // Classes of 20–90 (at least `classes`, more while their 10 % limits cannot hold the commended); in each, as
  // many Giỏi candidates (GPA ≥ 8, conduct Tốt) as it commends.
  const classSizes = Array.from({ length: f.classes }, () => int(rnd, 20, 90));
  while (classSizes.reduce((a, n) => a + commendLimit(n, 10), 0) < f.studentsCommended) classSizes.push(int(rnd, 20, 90));
  const commended = splitUnder(f.studentsCommended, classSizes.map((n) => commendLimit(n, 10)), rnd);
  const classOf = (name: string, size: number, winners: number, tag: string) => ({
    name,
    rows: Array.from({ length: size }, (_, i) => ({
      code: `${tag}-${i + 1}`,
      name: `Học viên ${tag} số ${i + 1}`,
      gpa: i < winners ? 8 + int(rnd, 0, 200) / 100 : 5 + int(rnd, 0, 290) / 100,
      conduct: i < winners || rnd() < 0.5 ? 'Tốt' : 'Khá',
    })),
  });
  const classes = classSizes.map((size, k) => classOf(`Lớp ${seed}-${k + 1}`, size, commended[k]!, `HV${seed}-${k + 1}`));

  // Drives: money in thousands of đồng split at random over the drives, then over unit and person rows.
  const movements = Array.from({ length: f.drives }, (_, k) => ({
    code: `QUY${k + 1}`,
    name: `Quỹ ${k + 1} năm ${f.year}`,
    kind: 'Cuộc vận động, quyên góp',
    from: `${f.year}-${pad(int(rnd, 1, 6))}-01`,
    to: `${f.year}-12-31`,
  }));
  const thousands = f.money / 1000;
  if (!Number.isInteger(thousands)) throw new RangeError('money in whole thousands');
  const perDrive = splitUnder(thousands, movements.map(() => thousands), rnd);
  const contributions: Record<string, unknown>[] = [];
  movements.forEach((m, k) => {
    const rows = int(rnd, 2, 6);
    const parts = splitUnder(perDrive[k]!, Array(rows).fill(perDrive[k]!), rnd);
    parts.forEach((part, r) => {
      if (part === 0) return;
      const person = rnd() < 0.5 ? staff[int(rnd, 0, staff.length - 1)]! : null;
      contributions.push({
        driveCode: m.code,
        unit: person?.unit ?? units[int(rnd, 0, units.length - 1)]!,
        ...(person ? { code: person.code, name: person.name } : {}),
        form: 'Tiền',
        amount: (part * 1000).toLocaleString('vi-VN'),
        date: `${pad(int(rnd, 1, 28))}/12/${f.year}`,
        receiptNo: `PT-${k + 1}-${r + 1}`,
      });
    });
  });
  const decoys = {
    otherYearClass: classOf(`Lớp ${seed}-khác`, 30, 3, `HV${seed}-x`),
    contributions: [
      // Goods without a value count as goods, never as money (DRV-6.4).
      { driveCode: movements[0]!.code, unit: units[0]!, form: 'Hiện vật', inKind: '10 máy tính bảng', date: `15/12/${f.year}`, receiptNo: 'HV-1' },
      // Dated in the next year: it counts there (DRV-6.1).
      { driveCode: movements[0]!.code, unit: units[0]!, form: 'Tiền', amount: 5_000_000, date: `05/01/${f.year + 1}`, receiptNo: 'PT-next' },
    ],
  };
  return { units, personMonths, unitMonths, classes, movements, contributions, decoys };
}

/** The seed article's year (Trường Chính trị tỉnh Sơn La, 2021): 441 person-months, 25 of 45 unit-months HTXS, 75 HTXS, 52 students, more than 28 million đồng. */
export const SEED_FIGURES: YearFigures = {
  year: 2021,
  staff: 50,
  units: 5,
  personMonths: 441,
  htxsPersonMonths: 75,
  unitMonths: 45,
  unitHtxs: 25,
  studentsCommended: 52,
  classes: 8,
  money: 28_250_000,
  drives: 4,
  quotaRate: 20,
};

/** Pushes a generated year through the API, as the sheets would, and checks every push took all its rows. */
export async function pushYear(s: Pick<TestService, 'call'>, f: YearFigures, seed: number): Promise<void> {
  const g = generateYear(f, seed);
  const ok = async (method: string, path: string, body: unknown) => {
    const res = await s.call(method, path, { body });
    expect(res.status, path).toBe(200);
    if (res.body.counts) expect(res.body.counts.rejected, `${path}: ${JSON.stringify(res.body.results.filter((r: any) => r.status === 'rejected'))}`).toBe(0);
    return res;
  };
  for (const [m, rows] of g.personMonths) await ok('POST', `/api/v1/months/${f.year}-${pad(m)}/people`, { rows });
  for (const [m, rows] of g.unitMonths) await ok('POST', `/api/v1/months/${f.year}-${pad(m)}/units`, { rows });
  for (const c of [...g.classes, g.decoys.otherYearClass]) {
    await ok('POST', `/api/v1/classes/${encodeURIComponent(c.name)}/students`, { rows: c.rows });
  }
  for (const c of g.classes) await ok('PUT', `/api/v1/classes/${encodeURIComponent(c.name)}/year`, { year: f.year });
  await ok('PUT', `/api/v1/classes/${encodeURIComponent(g.decoys.otherYearClass.name)}/year`, { year: f.year - 1 });
  await ok('POST', `/api/v1/years/${f.year}/movements`, { rows: g.movements });
  await ok('POST', `/api/v1/years/${f.year}/contributions`, { rows: [...g.contributions, ...g.decoys.contributions] });
}

/**
 * 75 HTXS in 441 person-months is more than "20 % of those rated HTT" allows in any spread over twelve months
 * (at most ⌊M/6⌋ a month), so the school's quota is read as 20 % of those rated HTT or above.
 */
export const quotaOfAll = (rate: number) => ({
  ...DEFAULT_RULE_SET,
  quota: { ...DEFAULT_RULE_SET.quota, personMonth: { ...DEFAULT_RULE_SET.quota.personMonth, rate, denominator: 'htt-or-above' as const } },
});
