import type { StoredDecisionView } from '../../server/contract/dossier-sheets.ts';
import type { BinhXetClient } from '../api/client.ts';
import { achievementSheet, YEARS_BACK, type AchievementPerson } from '../report/achievement-sheet.ts';
import { annexedList, annexedListSheet } from '../report/annexed-list-sheet.ts';
import { goldBookSheet } from '../report/gold-book-sheet.ts';
import { proposalListSheet } from '../report/proposal-list-sheet.ts';
import { yearProposalsSheet } from '../report/year-proposals.ts';
import type { ReportSheet } from '../workbook/report-sheet.ts';
import { writeReportSheet, type SummaryDeps } from './summary.ts';
import { checkYear } from './year-sheets.ts';

/**
 * The paper the School sends at year end (research/next-capabilities.md DOC-1, DOC-3, DOC-4, REG-3), each a
 * report sheet: "Đề nghị khen thưởng <YYYY>" with the registration comparison, the proposal list in blocks
 * ("DS đề nghị khen thưởng <YYYY>", two with `splitByAuthority`), the list annexed to the decisions with the
 * reward money, the achievement tables of each person listed, and "Sổ khen thưởng <YYYY>" for a mail merge.
 * The decisions are those for the year's achievements, whichever year's register holds them (a decision of
 * January may be filed in the next year's). Everything is asked first, then written in one workbook session.
 */

export interface DossierOptions {
  splitByAuthority?: boolean;
}

export interface DossierOutcome {
  year: string;
  finalised: boolean;
  sheets: string[];
  /** Holders on the proposal list(s), per title label. */
  listed: Record<string, number>;
  /** Decisions for the year's achievements, and the money of the annexed list. */
  decided: number;
  rewardTotal: number;
  /** People given an achievement table. */
  achievements: number;
}

/** The registers read: the five years of the achievement tables, and the next year's, where a January decision may sit. */
const range = (year: number) => Array.from({ length: YEARS_BACK + 1 }, (_, i) => year - YEARS_BACK + 1 + i);

async function fetchDossier(client: BinhXetClient, year: string, options: DossierOptions) {
  const y = Number(year);
  const years = range(y).map(String);
  const past = years.slice(0, YEARS_BACK);
  const [me, roster, { ruleSet }, proposals, lists, results, registers, initiatives] = await Promise.all([
    client.me(),
    client.roster(),
    client.ruleSet(),
    client.yearProposals(year),
    client.proposalList(year, options.splitByAuthority === true),
    Promise.all(past.map((v) => client.yearResults(v))),
    Promise.all(years.map((v) => client.pull('decision', v))),
    Promise.all(past.map((v) => client.pull('initiative', v))),
  ]);
  const decided = distinctDecisions(registers.flatMap((r) => r.rows));
  return {
    me, roster, ruleSet, proposals, lists, results, initiatives: initiatives.flatMap((r) => r.rows),
    registers: decided, decisions: decided.filter((d) => d.achievementYear === y),
  };
}

/** One decision per holder, title and Năm thành tích, whichever register holds it. */
function distinctDecisions(all: readonly StoredDecisionView[]): StoredDecisionView[] {
  const seen = new Map<string, StoredDecisionView>();
  for (const d of all) seen.set(JSON.stringify([d.holder, d.code ?? d.unit, d.title, d.achievementYear]), d);
  return [...seen.values()];
}

export async function writeDossierSheets(deps: SummaryDeps, year: string, options: DossierOptions = {}): Promise<DossierOutcome> {
  const y = checkYear(year);
  const generatedAt = (deps.now?.() ?? new Date()).toISOString();
  const data = await fetchDossier(deps.client, y, options);
  const people = new Map(data.roster.people.map((p) => [p.code, p]));
  const units = data.roster.units.map((u) => u.name);

  const listedPeople = new Map<string, AchievementPerson>();
  const listed: Record<string, number> = {};
  for (const list of data.lists.lists) {
    for (const block of list.groups.flatMap((g) => g.blocks)) {
      for (const r of block.rows) {
        listed[r.titleLabel] = (listed[r.titleLabel] ?? 0) + 1;
        if (r.holder !== 'person' || listedPeople.has(r.key)) continue;
        listedPeople.set(r.key, { code: r.key, name: r.name, sex: r.sex, recruitedOn: people.get(r.key)?.recruitedOn ?? null, position: r.position, unit: r.unit });
      }
    }
  }
  const achievements = new Map<string, string>();
  // One line per holder on the certificate: the achievements of the highest title listed (blocks go highest first).
  for (const row of data.lists.lists.flatMap((l) => l.groups.flatMap((g) => g.blocks.flatMap((b) => b.rows)))) {
    const id = JSON.stringify([row.holder, row.key]);
    if (!achievements.has(id)) achievements.set(id, row.achievements);
  }
  const holderOf = (holder: 'person' | 'unit', key: string) => {
    const person = holder === 'person' ? people.get(key) : undefined;
    if (holder === 'person' && !person) return null;
    const positionAndUnit = person ? [person.title, person.unit].filter(Boolean).join(', ') : '';
    return { name: person?.name ?? key, positionAndUnit, achievement: achievements.get(JSON.stringify([holder, key])) ?? '' };
  };
  const annex = annexedList(data.decisions, { titleOf: (code) => people.get(code)?.title ?? null }, units, data.ruleSet);
  const reports: ReportSheet[] = [
    yearProposalsSheet(data.proposals, { generatedAt }),
    ...data.lists.lists.map((list) => proposalListSheet(data.lists, list)),
    annexedListSheet(y, data.me.organisation.name, data.decisions, annex, data.ruleSet.rewards.baseSalary),
    achievementSheet({
      year: y,
      people: [...listedPeople.values()],
      results: data.results,
      decisions: data.registers,
      history: data.proposals.people,
      initiatives: data.initiatives,
    }),
    goldBookSheet(y, data.decisions, holderOf),
  ];
  await deps.workbook.session(async (session) => {
    for (const report of reports) await writeReportSheet(session, report);
    await session.selectCell(reports[1]!.name, 'A1');
  });
  return {
    year: y,
    finalised: data.proposals.finalised,
    sheets: reports.map((r) => r.name),
    listed,
    decided: data.decisions.length,
    rewardTotal: annex.total,
    achievements: listedPeople.size,
  };
}
