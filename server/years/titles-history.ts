import { parsePriorTitles, type PriorTitleId } from '../contract/year-prior-titles.ts';
import type { Db } from '../db/database.ts';
import { proposeTitles, type PersonTitle, type TitleHistoryYear } from '../rules/index.ts';
import type { PersonRecords } from './titles-inputs.ts';
import { titleInputs } from './titles-inputs.ts';
import { computeYear, type ComputedYear } from './year-results.ts';

/**
 * Earlier years of each person for the titles of year Y (RULES.md §6 looks back two years: CSTĐ cấp tỉnh
 * needs CSTĐCS in Y−2 and Y−1, Bằng khen CSTĐCS or HTXS in Y−1). Two sources, both shown in the answer:
 * - `service`: Y−1 and Y−2 computed from their stored data as Y is (the final yearly level, and LĐTT and
 *   CSTĐCS where that year's proposal was eligible); a person with no data that year has no entry;
 * - `sheet`: the "Danh hiệu các năm trước" cells of the yearly rows of Y−2…Y, for years the service has no
 *   data for. A title from either source counts; a level from the sheet only where the service has none.
 */
export interface SourcedHistoryYear extends TitleHistoryYear {
  titles: PriorTitleId[];
  source: 'service' | 'sheet';
}

const HISTORY_TITLES: readonly PersonTitle[] = ['LDTT', 'CSTDCS'];

async function serviceHistory(db: Db, orgId: number, year: number, records: Map<string, PersonRecords>) {
  const history = new Map<string, SourcedHistoryYear[]>();
  const computedYears: ComputedYear[] = [];
  for (const past of [year - 1, year - 2]) {
    const computed = await computeYear(db, orgId, String(past));
    computedYears.push(computed);
    if (computed.data.people.length === 0) continue;
    const inputs = titleInputs(computed, records, () => []);
    const titles = proposeTitles(past, inputs.people, inputs.units, computed.ruleSet);
    titles.people.forEach((p, i) => {
      const level = computed.people.rows[i]!.level;
      const entry: SourcedHistoryYear = {
        year: past,
        level: level === 'NONE' ? null : level,
        titles: p.proposals.filter((t) => t.eligible && HISTORY_TITLES.includes(t.title)).map((t) => t.title as PriorTitleId),
        source: 'service',
      };
      history.set(p.key, [...(history.get(p.key) ?? []), entry]);
    });
  }
  return { history, computedYears };
}

function sheetHistory(year: number, cells: readonly (string | null)[]): SourcedHistoryYear[] {
  const byYear = new Map<number, SourcedHistoryYear>();
  for (const cell of cells) {
    const parsed = cell === null ? null : parsePriorTitles(cell);
    if (!parsed?.ok) continue;
    for (const e of parsed.entries) {
      if (e.year >= year) continue;
      const entry = byYear.get(e.year) ?? { year: e.year, level: null, titles: [], source: 'sheet' };
      if ('title' in e && !entry.titles.includes(e.title)) entry.titles.push(e.title);
      if ('level' in e) entry.level = e.level;
      byYear.set(e.year, entry);
    }
  }
  return [...byYear.values()].sort((a, b) => b.year - a.year);
}

/** Each person's history for year `current`, by staff code; service entries first, so their level wins. */
export async function titleHistory(
  db: Db,
  orgId: number,
  current: ComputedYear,
  records: Map<string, PersonRecords>,
): Promise<Map<string, SourcedHistoryYear[]>> {
  const year = Number(current.data.year);
  const { history, computedYears } = await serviceHistory(db, orgId, year, records);
  const cells = new Map<string, (string | null)[]>();
  for (const computed of [current, ...computedYears]) {
    for (const p of computed.data.people) {
      if (p.yearly?.priorTitles) cells.set(p.code, [...(cells.get(p.code) ?? []), p.yearly.priorTitles]);
    }
  }
  for (const [code, texts] of cells) history.set(code, [...(history.get(code) ?? []), ...sheetHistory(year, texts)]);
  return history;
}
