import type { BinhXetClient } from '../api/client.ts';
import { detectLegacyEncoding } from '../sheet/legacy-encoding.ts';
import type { RosterEntry } from '../sheet/roster.ts';
import { importTasks, planTaskAppend, tasksSheetName } from '../sheet/task-import.ts';
import type { WorkbookAdapter } from '../workbook/adapter.ts';
import type { TaskExport } from '../workbook/task-export.ts';

export interface TasksImported {
  sheet: string;
  added: number;
  kept: number;
  /** Vietnamese, one per export row not taken, and a warning for legacy-encoded text. */
  messages: string[];
}

const COLUMN_WIDTHS = [10, 24, 20, 14, 40, 10, 10, 8, 8, 8, 12, 12, 8, 8, 8, 10, 18, 20];

/**
 * Nhập nhiệm vụ (research §3.3 TASK-4), in the pane and on the command line: the export's rows of the month,
 * for people of the service's roster, onto the sheet "Nhiệm vụ T<MM>-<YYYY>" (made when missing). Rows the
 * sheet holds are kept as typed; the new ones go under the table. One workbook session: in Excel, one batch.
 */
export function importTaskExport(
  deps: { workbook: WorkbookAdapter; client: Pick<BinhXetClient, 'roster'> },
  exported: TaskExport,
  month: string,
): Promise<TasksImported> {
  return deps.workbook.session(async (session) => {
    const messages: string[] = [];
    const text = exported.cells.slice(0, 50).flat().filter((c) => typeof c === 'string').join(' ');
    const legacy = detectLegacyEncoding(text);
    if (legacy) messages.push(`Cảnh báo: tệp xuất dùng bảng mã ${legacy}; hãy chuyển sang Unicode trước khi nhập để tên người khớp với danh sách`);
    const roster: RosterEntry[] = (await deps.client.roster()).people.map((p) => ({ code: p.code, name: p.name, unit: p.unit ?? '' }));
    const imported = importTasks(exported.cells, month, roster, exported.catalogue);
    if ('error' in imported) throw new RangeError(imported.error);
    const sheet = tasksSheetName(month);
    const exists = (await session.sheetNames()).includes(sheet);
    const plan = planTaskAppend(exists ? await session.readSheet(sheet) : null, imported.tasks);
    if ('error' in plan) throw new RangeError(`${sheet}: ${plan.error}`);
    if (!exists) {
      await session.addSheet(sheet, [plan.header!, ...plan.rows], { headerRows: [0], columnWidths: COLUMN_WIDTHS });
    } else if (plan.rows.length > 0) {
      const blocks = plan.header ? [{ row: 0, col: 0, values: [plan.header] }] : [];
      blocks.push({ row: plan.row, col: plan.col, values: plan.rows });
      await session.applyPlan(sheet, { blocks, highlight: [], clearHighlight: [] });
    }
    messages.push(...imported.skipped);
    if (imported.otherMonths > 0) messages.push(`${imported.otherMonths} dòng thuộc tháng khác, không nhập vào tháng ${month}`);
    return { sheet, added: plan.rows.length, kept: plan.kept, messages };
  });
}
