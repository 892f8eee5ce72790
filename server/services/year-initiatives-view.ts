import type { InitiativeSheet } from '../contract/year-sheets.ts';
import type { Db } from '../db/database.ts';
import { loadInitiatives } from '../db/initiatives.ts';
import { periodState } from '../db/periods.ts';

/** The initiatives sheet of a year: the initiatives and research topics whose date falls in it. */
export async function initiativeSheet(db: Db, orgId: number, year: string): Promise<InitiativeSheet> {
  const [rows, state] = await Promise.all([loadInitiatives(db, orgId, year), periodState(db, orgId, year)]);
  return { year, finalised: state.finalised, rows };
}
