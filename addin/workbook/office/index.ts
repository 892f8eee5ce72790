/**
 * The workbook through Office.js: this folder is the only place that calls `Excel.*` and `Office.*`, one file
 * per concern (reads, the batch of writes, the plan, the state sheet, report sheets, charts, drop-downs and
 * notes). A session is one `Excel.run` (one user action); each method queues its commands and syncs once per
 * phase. Reads and writes too
 * big for one request (Excel on the web: 5 MB) go in pieces sized by payload.ts, one sync per piece, so the
 * number of syncs grows with the pieces, never with the rows. Baseline ExcelApi 1.1 (Excel 2016); newer sets
 * light up after `isSetSupported`.
 */
import { openBatch } from './batch.ts';
import { documentFile } from './merges.ts';
import { applyPlan } from './plan.ts';
import { officeReads } from './reads.ts';
import { officeReportSheets } from './report-sheets.ts';
import { officeState } from './state-sheet.ts';
import type { OfficeFeatures, OfficeHost, OfficeWorkbookAdapter, OfficeWorkbookSession } from './types.ts';
import { officeValidationNotes } from './validation-notes.ts';

export type * from './types.ts';

export { HIGHLIGHT_FILL } from './plan.ts';

export function officeWorkbook(host: OfficeHost = officeHost()): OfficeWorkbookAdapter {
  return {
    session: (fn) =>
      host.run(async (context) => {
        const session = openSession(context, featuresOf(host), host);
        const result = await fn(session);
        await session.flush();
        return result;
      }),
  };
}

function officeHost(): OfficeHost {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (name, version) =>
      typeof Office !== 'undefined' && (Office.context?.requirements?.isSetSupported(name, version) ?? false),
    documentFile,
  };
}

function featuresOf(host: OfficeHost): OfficeFeatures {
  return {
    api12: host.isSetSupported('ExcelApi', '1.2'),
    suspendCalculation: host.isSetSupported('ExcelApi', '1.6'),
    dropDowns: host.isSetSupported('ExcelApi', '1.8'),
    pageLayout: host.isSetSupported('ExcelApi', '1.9'),
    mergedAreas: host.isSetSupported('ExcelApi', '1.13'),
    notes: host.isSetSupported('ExcelApi', '1.18'),
  };
}

/** One session: each concern's methods over one shared batch of writes. */
function openSession(
  context: Excel.RequestContext,
  features: OfficeFeatures,
  host: OfficeHost,
): OfficeWorkbookSession & { flush(): Promise<void> } {
  const b = openBatch(context, features);
  return {
    features,
    flush: b.flush,
    ...officeReads(b, host),
    applyPlan: (name, plan) => applyPlan(b, name, plan),
    ...officeReportSheets(b),
    ...officeState(b),
    async selectCell(sheetName, address) {
      await b.flush();
      const sheet = b.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(address).select();
      await b.sync(sheetName);
    },
    ...officeValidationNotes(b),
  };
}

/** Resolves true inside Excel, false in a plain browser (the file page) or another Office host. */
export async function officeReady(): Promise<boolean> {
  if (typeof Office === 'undefined') return false;
  const info = await Office.onReady();
  return info.host === Office.HostType.Excel;
}

/** Office's per-user storage partition (Excel on the web), so two users of one browser keep separate keys. */
export function officePartitionKey(): string {
  return typeof Office !== 'undefined' ? (Office.context?.partitionKey ?? '') : '';
}
