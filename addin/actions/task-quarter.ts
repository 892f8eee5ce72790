import type { BinhXetClient } from '../api/client.ts';
import { quarterSheetName, taskQuarterSheet } from '../report/task-quarter.ts';
import type { WorkbookAdapter } from '../workbook/adapter.ts';

export interface TaskQuarterOutcome {
  sheet: string;
  people: number;
}

const QUARTER = /^(19|20|21)\d\d-Q[1-4]$/;

/** The quarter's task results (`YYYY-Qn`) as a report sheet, replacing one of the same name. */
export async function writeTaskQuarter(deps: { workbook: WorkbookAdapter; client: Pick<BinhXetClient, 'taskQuarter'> }, quarter: string): Promise<TaskQuarterOutcome> {
  if (!QUARTER.test(quarter)) throw new RangeError(`Quý phải có dạng YYYY-Qn, ví dụ 2026-Q4, không phải "${quarter}"`);
  const answer = await deps.client.taskQuarter(quarter);
  const sheet = quarterSheetName(quarter);
  const { values, headerRows } = taskQuarterSheet(answer);
  await deps.workbook.session((s) => s.addSheet(sheet, values, { headerRows, replace: true, columnWidths: [10, 24, 20, 10, 10, 10, 12, 12, 10, 16, 60] }));
  return { sheet, people: answer.people.length };
}
