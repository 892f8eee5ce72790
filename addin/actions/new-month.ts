import type { BinhXetClient } from '../api/client.ts';
import { monthSheet, type RosterEntry } from '../sheet/index.ts';
import type { WorkbookAdapter } from '../workbook/adapter.ts';

/**
 * Tạo bảng tháng: a new month's sheet in the familiar layout, from the service's roster (names, codes, units,
 * duty groups), with the title rows of the sheet that is open, so the school's own heading carries over.
 */
export function createMonthSheet(
  deps: { workbook: WorkbookAdapter; client: BinhXetClient },
  period: string,
): Promise<{ sheet: string; people: number }> {
  return deps.workbook.session(async (session) => {
    const roster = await deps.client.roster();
    const entries: RosterEntry[] = roster.people.flatMap((p) =>
      p.unit ? [{ code: p.code, name: p.name, unit: p.unit, dutyGroup: p.dutyGroup, title: p.title }] : [],
    );
    const names = await session.sheetNames();
    const active = await session.activeSheetName();
    const previous = names.includes(active) ? await session.readSheet(active) : undefined;
    const sheet = monthSheet(entries, period, previous);
    if (names.includes(sheet.name)) throw new Error(`Trang tính "${sheet.name}" đã có`);
    await session.addSheet(sheet.name, sheet.values, { headerRows: sheet.headerRows, columnWidths: sheet.columnWidths });
    return { sheet: sheet.name, people: entries.length };
  });
}
