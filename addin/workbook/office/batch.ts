import type { CellRef, WriteBlock } from '../../sheet/types.ts';
import { cellRuns, rangeAddress, type CellRect } from '../a1.ts';
import { rectangular, toExcelValue } from '../cell-values.ts';
import { explainExcelError } from '../errors.ts';
import { batchBySize, jsonBytes, OPERATION_BYTES, REQUEST_BUDGET_BYTES, splitBlock } from '../payload.ts';
import type { OfficeFeatures } from './types.ts';

/** One queued command and what it adds to the request. */
export interface Operation {
  bytes: number;
  queue(): void;
}

/**
 * One `Excel.run` as the adapter's concerns share it: the writes waiting to go, the syncs, and ranges by
 * address. Writes of the plan and of the state wait here and go together, in as few requests as fit under the
 * size limit, before the next read or when the action ends: a sync action makes one write round trip.
 */
export interface Batch {
  context: Excel.RequestContext;
  features: OfficeFeatures;
  worksheets: Excel.WorksheetCollection;
  /** Queues operations to go with the next flush. */
  queue(...operations: Operation[]): void;
  flush(): Promise<void>;
  sync(sheet?: string): Promise<void>;
  /** Queues operations in pieces that fit one request, one sync per piece (the loop is over pieces, not rows). */
  runBatches(operations: Operation[], sheet?: string): Promise<void>;
  rangeOf(sheet: Excel.Worksheet, rect: CellRect): Excel.Range;
  writeOperations(sheet: Excel.Worksheet, block: WriteBlock): Operation[];
  rangeOperations(sheet: Excel.Worksheet, cells: readonly CellRef[], apply: (range: Excel.Range) => void): Operation[];
}

export function openBatch(context: Excel.RequestContext, features: OfficeFeatures): Batch {
  let queued: Operation[] = [];

  async function sync(sheet?: string): Promise<void> {
    try {
      await context.sync();
    } catch (error) {
      throw explainExcelError(error, sheet);
    }
  }

  async function runBatches(operations: Operation[], sheet?: string): Promise<void> {
    for (const batch of batchBySize(operations)) {
      if (features.suspendCalculation) context.application.suspendApiCalculationUntilNextSync();
      for (const operation of batch) operation.queue();
      await sync(sheet);
    }
  }

  // An A1 address, not getRangeByIndexes: that one needs ExcelApi 1.7, getRange(address) works from 1.1.
  function rangeOf(sheet: Excel.Worksheet, rect: CellRect): Excel.Range {
    return sheet.getRange(rangeAddress(rect.row, rect.col, rect.rows, rect.cols));
  }

  return {
    context,
    features,
    worksheets: context.workbook.worksheets,
    queue: (...operations) => void queued.push(...operations),
    async flush() {
      if (queued.length === 0) return;
      const operations = queued;
      queued = [];
      await runBatches(operations);
    },
    sync,
    runBatches,
    rangeOf,
    writeOperations(sheet, block) {
      const values = rectangular(block.values).map((row) => row.map(toExcelValue));
      if ((values[0]?.length ?? 0) === 0) return [];
      const pieces = splitBlock({ row: block.row, col: block.col, values }, REQUEST_BUDGET_BYTES - OPERATION_BYTES);
      return pieces.map((piece) => ({
        bytes: jsonBytes(piece.values) + OPERATION_BYTES,
        queue: () => {
          const rect = { row: piece.row, col: piece.col, rows: piece.values.length, cols: piece.values[0]?.length ?? 0 };
          rangeOf(sheet, rect).values = piece.values;
        },
      }));
    },
    rangeOperations(sheet, cells, apply) {
      return cellRuns(cells).map((rect) => ({ bytes: OPERATION_BYTES, queue: () => apply(rangeOf(sheet, rect)) }));
    },
  };
}
