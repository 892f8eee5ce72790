import { parsePriorTitles } from '../contract/year-prior-titles.ts';
import type { Db } from '../db/database.ts';
import { mergeTitleHistory, type SourcedTitleYear, type StoredDecision } from '../rules/dossier/decided-history.ts';
import type { TitleHistoryYear } from '../rules/index.ts';
import { loadDecisionsFor } from './decision-register-repository.ts';
import { finishYearTitles } from './titles-dossier.ts';
import type { PersonRecords } from './titles-inputs.ts';
import { computeYear, type ComputedYear } from './year-results.ts';

/**
 * Earlier years of each person for the titles of year Y (RULES.md §6 looks back two years: CSTĐ cấp tỉnh
 * needs CSTĐCS in Y−2 and Y−1, Bằng khen CSTĐCS or HTXS in Y−1), merged from three sources by
 * mergeTitleHistory (RULES.md §11.3), each year saying which it used:
 * - `decision`: the decisions register (DOC-5), by Năm thành tích; a year with a stored decision takes its
 *   titles from the decisions only;
 * - `service`: Y−1 and Y−2 computed from their stored data as Y is (the final yearly level, and LĐTT and
 *   CSTĐCS where that year's proposal, with that year's votes, was eligible);
 * - `sheet`: the "Danh hiệu các năm trước" cells of the yearly rows of Y−2…Y.
 */
export interface PersonHistory {
  history: SourcedTitleYear[];
  /** Which source each year's titles came from, for the explanation. */
  notes: string[];
}

const LOOK_BACK = 3;

async function serviceHistory(db: Db, orgId: number, year: number, records: Map<string, PersonRecords>) {
  const history = new Map<string, TitleHistoryYear[]>();
  const computedYears: ComputedYear[] = [];
  for (const past of [year - 1, year - 2]) {
    const computed = await computeYear(db, orgId, String(past));
    computedYears.push(computed);
    if (computed.data.people.length === 0) continue;
    const { inputs, finished } = await finishYearTitles(db, orgId, computed, records, () => []);
    finished.people.forEach((p, i) => {
      const level = inputs.people[i]!.level;
      const entry: TitleHistoryYear = {
        year: past,
        level: level === 'NONE' ? null : level,
        titles: p.proposals.filter((t) => t.eligible && (t.title === 'LDTT' || t.title === 'CSTDCS')).map((t) => t.title as 'LDTT' | 'CSTDCS'),
      };
      history.set(p.key, [...(history.get(p.key) ?? []), entry]);
    });
  }
  return { history, computedYears };
}

function sheetHistory(year: number, cells: readonly string[]): TitleHistoryYear[] {
  const byYear = new Map<number, { year: number; level: TitleHistoryYear['level']; titles: TitleHistoryYear['titles'][number][] }>();
  for (const cell of cells) {
    const parsed = parsePriorTitles(cell);
    if (!parsed.ok) continue;
    for (const e of parsed.entries) {
      if (e.year >= year) continue;
      const entry = byYear.get(e.year) ?? { year: e.year, level: null, titles: [] };
      if ('title' in e && !entry.titles.includes(e.title)) entry.titles.push(e.title);
      if ('level' in e) entry.level = e.level;
      byYear.set(e.year, entry);
    }
  }
  return [...byYear.values()].sort((a, b) => b.year - a.year);
}

function decisionsByCode(rows: Awaited<ReturnType<typeof loadDecisionsFor>>): Map<string, StoredDecision[]> {
  const byCode = new Map<string, StoredDecision[]>();
  for (const r of rows) {
    if (r.holder !== 'person' || r.code === null) continue;
    const d: StoredDecision = {
      holder: 'person',
      key: r.code,
      title: r.title,
      achievementYear: r.achievementYear,
      decisionNo: r.decisionNo,
      decidedOn: r.decidedOn,
      issuer: r.issuer,
    };
    byCode.set(r.code, [...(byCode.get(r.code) ?? []), d]);
  }
  return byCode;
}

/** Each person's history for year `current`, by staff code. */
export async function titleHistory(
  db: Db,
  orgId: number,
  current: ComputedYear,
  records: Map<string, PersonRecords>,
): Promise<Map<string, PersonHistory>> {
  const year = Number(current.data.year);
  const [{ history: service, computedYears }, decided] = await Promise.all([
    serviceHistory(db, orgId, year, records),
    loadDecisionsFor(db, orgId, year - LOOK_BACK, year - 1),
  ]);
  const decisions = decisionsByCode(decided);
  const cells = new Map<string, string[]>();
  for (const computed of [current, ...computedYears]) {
    for (const p of computed.data.people) {
      if (p.yearly?.priorTitles) cells.set(p.code, [...(cells.get(p.code) ?? []), p.yearly.priorTitles]);
    }
  }
  const histories = new Map<string, PersonHistory>();
  for (const p of current.data.people) {
    histories.set(
      p.code,
      mergeTitleHistory(year, {
        service: service.get(p.code) ?? [],
        sheet: sheetHistory(year, cells.get(p.code) ?? []),
        decisions: decisions.get(p.code) ?? [],
      }),
    );
  }
  return histories;
}
