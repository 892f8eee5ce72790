import { DOSSIER_TITLES, DOSSIER_TITLE_LABELS, type DossierTitle } from '../../contract/dossier-titles.ts';
import { LEVELS, LEVEL_LABELS, type Level } from '../../contract/levels.ts';
import { matchKey } from '../../contract/text.ts';
import type { DriveTotals } from '../drives/drive-totals.ts';
import { yearOf } from '../titles-dates.ts';
import type { Initiative, InitiativeLevel, StudentsOutcome, TitlesOutcome } from '../year-types.ts';
import type { StoredDecision } from './decided-history.ts';

type RatedLevel = Exclude<Level, 'NONE'>;
const RATED: readonly RatedLevel[] = LEVELS.filter((l): l is RatedLevel => l !== 'NONE');

type Proposed = { proposals: readonly { title: DossierTitle; eligible: boolean }[] };
export type ProposedTitles = { people: readonly Proposed[]; units: readonly Proposed[] } | TitlesOutcome;

/** One rated month of a person or a unit: its final level (after quota and council decisions). */
export interface RatedMonth {
  month: number;
  level: Level;
}

export interface YearStatisticsInput {
  year: number;
  personMonths: readonly RatedMonth[];
  unitMonths: readonly RatedMonth[];
  /** The proposals' titles, eligible or not (TitlesOutcome, or /proposals after votes and withdrawals). */
  proposals?: ProposedTitles | null;
  decisions?: readonly StoredDecision[];
  students?: StudentsOutcome | null;
  /** Classes tied to no year: named on the sheet, so their commended students are never silently left out. */
  classesWithoutYear?: readonly string[];
  drives?: DriveTotals | null;
  /** Initiatives of the organisation; those recognised in the year are counted. */
  initiatives?: readonly Initiative[];
}

export interface LevelCount {
  /** Months rated with a level; Không xếp loại is not a rating. */
  total: number;
  byLevel: Record<RatedLevel, number>;
}

export interface YearStatistics {
  year: number;
  personMonths: LevelCount;
  unitMonths: LevelCount;
  /** Person-months rated HTXS. */
  htxsPersonMonths: number;
  titlesProposed: Record<DossierTitle, { person: number; unit: number }>;
  titlesDecided: Record<DossierTitle, { person: number; unit: number }>;
  students: { commended: number; byClass: { className: string; commended: number }[]; withoutYear: string[] };
  drives: { count: number; money: number; inKindCount: number; phrase: string; byDrive: { code: string; name: string; money: number }[] } | null;
  initiatives: Record<InitiativeLevel, number>;
  /** The sheet's rows in the order of the seed article's year-end report. */
  lines: { label: string; value: number | string }[];
}

function countLevels(months: readonly RatedMonth[]): LevelCount {
  const byLevel = Object.fromEntries(RATED.map((l) => [l, 0])) as Record<RatedLevel, number>;
  let total = 0;
  for (const m of months) {
    if (m.level === 'NONE') continue;
    byLevel[m.level]++;
    total++;
  }
  return { total, byLevel };
}

const noTitles = () => Object.fromEntries(DOSSIER_TITLES.map((t) => [t, { person: 0, unit: 0 }])) as Record<DossierTitle, { person: number; unit: number }>;

/**
 * "Tổng hợp thi đua <YYYY>" (research/next-capabilities.md DOC-7) from the year's computed results: rated
 * person-months and unit-months per level, HTXS person-months, titles proposed (eligible) and decided (the
 * register, by Năm thành tích), students commended per class, drives with the «hơn N triệu đồng» line, and
 * initiatives recognised per level. A pure count: nothing here is fitted to a particular year.
 */
export function yearStatistics(input: YearStatisticsInput): YearStatistics {
  const { year } = input;
  const personMonths = countLevels(input.personMonths);
  const unitMonths = countLevels(input.unitMonths);

  const titlesProposed = noTitles();
  for (const p of input.proposals?.people ?? []) for (const t of p.proposals) if (t.eligible) titlesProposed[t.title].person++;
  for (const u of input.proposals?.units ?? []) for (const t of u.proposals) if (t.eligible) titlesProposed[t.title].unit++;

  const titlesDecided = noTitles();
  const seen = new Set<string>();
  for (const d of input.decisions ?? []) {
    if (d.achievementYear !== year) continue;
    const key = JSON.stringify([d.holder, matchKey(d.key), d.title]);
    if (seen.has(key)) continue;
    seen.add(key);
    titlesDecided[d.title][d.holder]++;
  }

  const byClass = (input.students?.classes ?? []).map((c) => ({ className: c.className, commended: c.commended }));
  const commended = byClass.reduce((sum, c) => sum + c.commended, 0);
  const withoutYear = [...(input.classesWithoutYear ?? [])];

  const drives = input.drives
    ? {
        count: input.drives.drives.length,
        money: input.drives.money,
        inKindCount: input.drives.inKindCount,
        phrase: input.drives.phrase,
        byDrive: input.drives.drives.map((d) => ({ code: d.code, name: d.name, money: d.money })),
      }
    : null;

  const initiatives: Record<InitiativeLevel, number> = { 'co-so': 0, tinh: 0, 'toan-quoc': 0 };
  for (const i of input.initiatives ?? []) if (yearOf(i.recognisedOn) === year) initiatives[i.level]++;

  const lines: YearStatistics['lines'] = [
    { label: 'Lượt cá nhân được đánh giá, xếp loại', value: personMonths.total },
    ...RATED.map((l) => ({ label: `  trong đó ${LEVEL_LABELS[l]}`, value: personMonths.byLevel[l] })),
    { label: 'Lượt khoa, phòng được đánh giá, xếp loại', value: unitMonths.total },
    ...RATED.map((l) => ({ label: `  trong đó ${LEVEL_LABELS[l]}`, value: unitMonths.byLevel[l] })),
    { label: 'Lượt cá nhân Hoàn thành xuất sắc nhiệm vụ', value: personMonths.byLevel.HTXS },
    ...DOSSIER_TITLES.filter((t) => titlesProposed[t].person + titlesProposed[t].unit + titlesDecided[t].person + titlesDecided[t].unit > 0).flatMap((t) => [
      { label: `${DOSSIER_TITLE_LABELS[t]}: đề nghị`, value: titlesProposed[t].person + titlesProposed[t].unit },
      { label: `${DOSSIER_TITLE_LABELS[t]}: đã quyết định`, value: titlesDecided[t].person + titlesDecided[t].unit },
    ]),
    { label: 'Học viên được khen thưởng', value: commended },
    ...byClass.map((c) => ({ label: `  Lớp ${c.className}`, value: c.commended })),
    ...(withoutYear.length > 0
      ? [{ label: 'Lớp chưa gắn với năm nào (học viên được khen thưởng chưa được tính)', value: withoutYear.join('; ') }]
      : []),
    ...(drives
      ? [
          { label: 'Phong trào, cuộc vận động', value: drives.count },
          { label: 'Tổng số tiền ủng hộ (đồng)', value: drives.money },
          { label: 'Tổng số tiền ủng hộ', value: drives.phrase },
        ]
      : []),
    { label: 'Sáng kiến được công nhận cấp cơ sở', value: initiatives['co-so'] },
    { label: 'Sáng kiến được công nhận cấp tỉnh', value: initiatives.tinh },
    { label: 'Sáng kiến được công nhận cấp toàn quốc', value: initiatives['toan-quoc'] },
  ];

  return { year, personMonths, unitMonths, htxsPersonMonths: personMonths.byLevel.HTXS, titlesProposed, titlesDecided, students: { commended, byClass, withoutYear }, drives, initiatives, lines };
}
