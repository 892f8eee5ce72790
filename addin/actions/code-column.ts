import type { BinhXetClient } from '../api/client.ts';
import { matchRoster, planCodeColumn, readTable, type SheetIssue } from '../sheet/index.ts';
import type { WorkbookAdapter } from '../workbook/adapter.ts';

/**
 * Thêm cột "Mã CB": for a sheet without staff codes, a column filled from the roster by name and unit.
 * Unknown and ambiguous names are left blank and reported, never guessed.
 */
export function addCodeColumn(
  deps: { workbook: WorkbookAdapter; client: BinhXetClient },
  options: { sheet?: string },
): Promise<{ sheet: string; existed: boolean; matched: number; issues: SheetIssue[] }> {
  return deps.workbook.session(async (session) => {
    const sheet = options.sheet ?? (await session.activeSheetName());
    const table = readTable(await session.readSheet(sheet), { kind: 'person' });
    if (table.header.fields.code !== undefined) return { sheet, existed: true, matched: 0, issues: [] };
    const roster = await deps.client.roster();
    const entries = roster.people.flatMap((p) => (p.unit ? [{ code: p.code, name: p.name, unit: p.unit }] : []));
    const matching = matchRoster(table.rows, entries, table.header);
    await session.applyPlan(sheet, planCodeColumn(table, matching.matches));
    return { sheet, existed: false, matched: matching.matches.filter((m) => m.status === 'matched').length, issues: matching.issues };
  });
}
