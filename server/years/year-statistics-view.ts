import { DOSSIER_TITLES, type DossierTitle } from '../contract/dossier-titles.ts';
import type { YearStatisticsAnswer } from '../contract/year-statistics.ts';
import type { Db } from '../db/database.ts';
import { classCommendations } from '../classes/class-view.ts';
import { classesOfYear } from '../classes/class-year-repository.ts';
import { listClasses } from '../classes/student-repository.ts';
import { computePersonMonth, unitMonthView } from '../months/month-view.ts';
import { yearStatistics, type RatedMonth } from '../rules/dossier/year-statistics.ts';
import { loadDecisionsFor } from './decision-register-repository.ts';
import { yearDriveTotals } from './drive-view.ts';
import { loadInitiativesBetween } from './initiative-repository.ts';
import { loadMovements } from './drive-repository.ts';
import { yearProposals } from './titles-proposals.ts';

const isTitle = (t: string): t is DossierTitle => (DOSSIER_TITLES as readonly string[]).includes(t);
/** Proposed: eligible after the votes and not withdrawn by the council. */
const listed = (proposals: readonly { title: string; eligible: boolean; withdrawn: unknown }[]) =>
  proposals.flatMap((t) => (isTitle(t.title) ? [{ title: t.title, eligible: t.eligible && t.withdrawn === null }] : []));

const monthsOf = (year: string) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/**
 * "Tổng hợp thi đua <YYYY>" (DOC-7) from what is stored now: each month's final levels as the month view gives
 * them, the year's proposals, the decisions register by Năm thành tích, the commended students of the classes
 * tied to the year, the drives' totals and the initiatives recognised in the year.
 */
export async function yearStatisticsView(db: Db, orgId: number, year: string): Promise<YearStatisticsAnswer> {
  const y = Number(year);
  const months = monthsOf(year);
  const [people, units, proposals, decisions, classKeys, movements, initiatives, allClasses] = await Promise.all([
    Promise.all(months.map((m) => computePersonMonth(db, orgId, m))),
    Promise.all(months.map((m) => unitMonthView(db, orgId, m))),
    yearProposals(db, orgId, year),
    loadDecisionsFor(db, orgId, y, y),
    classesOfYear(db, orgId, y),
    loadMovements(db, orgId, [year]),
    loadInitiativesBetween(db, orgId, y, y),
    listClasses(db, orgId),
  ]);
  const [classes, drives] = await Promise.all([
    Promise.all(classKeys.map((k) => classCommendations(db, orgId, k))),
    movements.length > 0 ? yearDriveTotals(db, orgId, year) : Promise.resolve(null),
  ]);
  const personMonths: RatedMonth[] = people.flatMap((m, i) => m.outcome.rows.map((r) => ({ month: i + 1, level: r.level })));
  const unitMonths: RatedMonth[] = units.flatMap((m, i) => m.rows.map((r) => ({ month: i + 1, level: r.level })));
  const stats = yearStatistics({
    year: y,
    personMonths,
    unitMonths,
    proposals: {
      people: proposals.people.map((p) => ({ proposals: listed(p.proposals) })),
      units: proposals.units.map((u) => ({ proposals: listed(u.proposals) })),
    },
    decisions: decisions.map((d) => ({
      holder: d.holder,
      key: d.holder === 'person' ? d.code! : d.unit!,
      title: d.title,
      achievementYear: d.achievementYear,
      decisionNo: d.decisionNo,
      decidedOn: d.decidedOn,
      issuer: d.issuer,
    })),
    students: { students: [], classes: classes.map((c) => ({ className: c.class, size: c.size, limit: c.limit, candidates: c.candidates, commended: c.commended, tieKeys: c.tieKeys })) },
    classesWithoutYear: allClasses.filter((c) => c.year === null).map((c) => c.class),
    drives,
    initiatives: initiatives.filter((i) => i.kind === 'sáng kiến' && i.level !== null).map((i) => ({ title: i.title, level: i.level!, recognisedOn: i.recognisedOn })),
  });
  return { ...stats, year, finalised: proposals.finalised };
}
