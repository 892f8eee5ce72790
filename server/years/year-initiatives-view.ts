import type { InitiativeSheet } from '../contract/year-sheets.ts';
import type { Db } from '../db/database.ts';
import { loadInitiatives } from './initiative-repository.ts';
import { periodState } from '../council/period-repository.ts';

/** The initiatives sheet of a year: the initiatives and research topics whose date falls in it. */
export async function initiativeSheet(db: Db, orgId: number, year: string): Promise<InitiativeSheet> {
  const [rows, state] = await Promise.all([loadInitiatives(db, orgId, year), periodState(db, orgId, year)]);
  return { year, finalised: state.finalised, rows };
}

/** The initiatives sheet's state without its rows: a push's answer under `Prefer: return=minimal`. */
export async function initiativeSheetState(db: Db, orgId: number, year: string): Promise<Omit<InitiativeSheet, 'rows'>> {
  return { year, finalised: (await periodState(db, orgId, year)).finalised };
}
