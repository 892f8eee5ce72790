import { rangeAddress } from '../a1.ts';
import { jsonBytes, OPERATION_BYTES } from '../payload.ts';
import type { Batch, Operation } from './batch.ts';
import type { CellNote, OfficeWorkbookSession } from './types.ts';

// Excel's list source is a string of at most 255 characters.
const LIST_SOURCE_MAX = 255;

/** Drop-down lists (ExcelApi 1.8) and cell notes (1.18): each where this Excel has them, else false. */
export function officeValidationNotes(b: Batch): Pick<OfficeWorkbookSession, 'setChoices' | 'setNotes'> {
  const { features, worksheets } = b;
  return {
    async setChoices(sheetName, lists) {
      // Queued with the action's other writes: a drop-down costs no round trip of its own.
      if (!features.dropDowns) return false;
      const sheet = worksheets.getItem(sheetName);
      const usable = lists.filter((list) =>
        list.rows > 0 && list.values.length > 0 && !list.values.some((value) => value.includes(','))
        && list.values.join(',').length <= LIST_SOURCE_MAX);
      b.queue(...usable.map((list) => ({
        bytes: OPERATION_BYTES * 3 + jsonBytes(list.values),
        queue: () => {
          const validation = b.rangeOf(sheet, { row: list.row, col: list.col, rows: list.rows, cols: 1 }).dataValidation;
          validation.clear();
          validation.rule = { list: { inCellDropDown: true, source: list.values.join(',') } };
          // A warning, not a stop: the sheet engine and the service validate; the list is a convenience.
          validation.errorAlert = {
            showAlert: true,
            style: 'Warning',
            title: 'Bình Xét',
            message: 'Giá trị này không có trong danh sách.',
          };
        },
      })));
      return usable.length === lists.length;
    },

    async setNotes(sheetName, notes) {
      await b.flush();
      if (!features.notes) return false;
      const sheet = worksheets.getItem(sheetName);
      const found: { note: CellNote; address: string; item: Excel.Note }[] = [];
      // Phase 1: which cells already have a note (add() on such a cell fails).
      await b.runBatches(notes.map((note) => ({
        bytes: OPERATION_BYTES,
        queue: () => {
          const address = rangeAddress(note.row, note.col);
          found.push({ note, address, item: sheet.notes.getItemOrNullObject(address).load('isNullObject') });
        },
      })), sheetName);
      // Phase 2: add, update or delete.
      await b.runBatches(found.flatMap(({ note, address, item }): Operation[] => {
        const text = note.text;
        if (text === null) return item.isNullObject ? [] : [{ bytes: OPERATION_BYTES, queue: () => item.delete() }];
        const bytes = OPERATION_BYTES + jsonBytes(text);
        if (item.isNullObject) return [{ bytes, queue: () => void sheet.notes.add(address, text) }];
        return [{ bytes, queue: () => void (item.content = text) }];
      }), sheetName);
      return true;
    },
  };
}
