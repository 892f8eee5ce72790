import { yearPeriodSchema } from '../../server/contract/period.ts';
import type { ClassStudents } from '../../server/contract/students.ts';
import type { YearProposals } from '../../server/contract/year-results.ts';
import type { BinhXetClient } from '../api/client.ts';
import { classCommendationSheet, classSheetName } from '../report/class-commendations.ts';
import type { ReportSheet } from '../workbook/report-sheet.ts';
import { yearProposalsSheet } from '../report/year-proposals.ts';
import { yearResultsSheet } from '../report/year-results.ts';
import { writeReportSheet, type SummaryDeps } from './summary.ts';

/**
 * Workflow 4, year end: the sheets "Xếp loại năm <YYYY>", "Đề nghị khen thưởng <YYYY>" and, per class,
 * "Khen thưởng học viên <lớp>", each with its chart. The service is asked everything first, then the sheets
 * are written in one workbook session, so Excel is never held waiting on the network.
 */

export type YearSheet = 'results' | 'proposals';

export interface YearSheetsOptions {
  /** Which of the two year sheets (default both). */
  sheets?: readonly YearSheet[];
  /** Also one sheet per class the service knows (GET /classes). */
  classes?: boolean;
}

export interface ClassOutcome {
  class: string;
  sheet: string;
  students: number;
  commended: number;
  ties: number;
}

export interface YearSheetsOutcome {
  year: string;
  finalised: boolean;
  /** Sheets written, in order. */
  sheets: string[];
  people: number;
  units: number;
  /** People in a tie at the yearly quota, waiting for the council. */
  ties: number;
  /** Title label → how many qualify (people and units). */
  eligible: Record<string, number>;
  rewardTotal: number | null;
  classes: ClassOutcome[];
}

export function checkYear(year: string): string {
  const parsed = yearPeriodSchema.safeParse(year);
  if (!parsed.success) throw new RangeError(parsed.error.issues[0]?.message ?? 'Năm phải có dạng YYYY');
  return parsed.data;
}

/** Class sheets with names of their own: two long names cut to the same 31 characters get "(2)", "(3)"… */
function classReports(all: readonly ClassStudents[], generatedAt: string): { report: ReportSheet; outcome: ClassOutcome }[] {
  const used = new Set<string>();
  return all.map((students) => {
    let name = classSheetName(students.class);
    for (let n = 2; used.has(name); n++) name = `${classSheetName(students.class).slice(0, 26)} (${n})`;
    used.add(name);
    const report = classCommendationSheet(students, { generatedAt, name });
    const outcome = {
      class: students.class,
      sheet: report.name,
      students: students.students.length,
      commended: students.commended,
      ties: students.tieKeys.length,
    };
    return { report, outcome };
  });
}

async function fetchClasses(client: BinhXetClient): Promise<ClassStudents[]> {
  const list = await client.classes();
  return Promise.all(list.classes.map((c) => client.pull('student', c.class)));
}

function eligibleCounts(proposals: YearProposals): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of [...proposals.people.flatMap((p) => p.proposals), ...proposals.units.flatMap((u) => u.proposals)]) {
    counts[t.label] = (counts[t.label] ?? 0) + (t.eligible ? 1 : 0);
  }
  return counts;
}

export async function writeYearSheets(deps: SummaryDeps, year: string, options: YearSheetsOptions = {}): Promise<YearSheetsOutcome> {
  const y = checkYear(year);
  const which = new Set(options.sheets ?? ['results', 'proposals']);
  const generatedAt = (deps.now?.() ?? new Date()).toISOString();
  const [results, proposals, classes] = await Promise.all([
    deps.client.yearResults(y),
    which.has('proposals') ? deps.client.yearProposals(y) : Promise.resolve(null),
    options.classes ? fetchClasses(deps.client) : Promise.resolve([]),
  ]);
  const reports: ReportSheet[] = [];
  if (which.has('results')) reports.push(yearResultsSheet(results, { generatedAt }));
  if (proposals) reports.push(yearProposalsSheet(proposals, { generatedAt }));
  const perClass = classReports(classes, generatedAt);
  reports.push(...perClass.map((c) => c.report));
  await deps.workbook.session(async (session) => {
    for (const report of reports) await writeReportSheet(session, report);
    // The first sheet written is the one to look at.
    if (reports[0]) await session.selectCell(reports[0].name, 'A1');
  });
  return {
    year: y,
    finalised: results.finalised,
    sheets: reports.map((r) => r.name),
    people: results.people.length,
    units: results.units.length,
    ties: results.people.filter((p) => p.tieAtQuota).length,
    eligible: proposals ? eligibleCounts(proposals) : {},
    rewardTotal: proposals ? proposals.rewards.total : null,
    classes: perClass.map((c) => c.outcome),
  };
}

/** "Khen thưởng học viên <lớp>" for one class, from GET /classes/{class}/students. */
export async function writeClassSheet(deps: SummaryDeps, className: string): Promise<ClassOutcome> {
  const students = await deps.client.pull('student', className);
  const { report, outcome } = classReports([students], (deps.now?.() ?? new Date()).toISOString())[0]!;
  await deps.workbook.session((session) => writeReportSheet(session, report));
  return outcome;
}
