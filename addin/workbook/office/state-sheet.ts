import type { CellValue } from '../../sheet/types.ts';
import { REQUEST_BUDGET_BYTES } from '../payload.ts';
import {
  assertNoSecrets,
  formatDirectory,
  parseDirectory,
  splitText,
  STATE_CELL_CHARS,
  STATE_SHEET,
  stateRow,
  type StateDirectory,
} from '../state-cells.ts';
import type { Batch } from './batch.ts';
import type { OfficeWorkbookSession } from './types.ts';

// Worst case for a state cell in a response: every character a quote escaped to two bytes.
const STATE_CELLS_PER_READ = Math.floor(REQUEST_BUDGET_BYTES / (STATE_CELL_CHARS * 2));

/** The workbook's memory of its syncs, in a very hidden sheet (`state-cells.ts` says how it is laid out). */
export function officeState(b: Batch): Pick<OfficeWorkbookSession, 'loadState' | 'saveState'> {
  const { features, worksheets } = b;
  let state: { exists: boolean; directory: StateDirectory } | null = null;

  async function openState(): Promise<{ exists: boolean; directory: StateDirectory }> {
    if (state) return state;
    await b.flush();
    worksheets.load('items/name');
    await b.sync();
    if (!worksheets.items.some((sheet) => sheet.name === STATE_SHEET)) {
      state = { exists: false, directory: { keys: {} } };
      return state;
    }
    const head = worksheets.getItem(STATE_SHEET).getRange('A1').load('values');
    await b.sync(STATE_SHEET);
    state = { exists: true, directory: parseDirectory(head.values[0]?.[0]) };
    return state;
  }

  return {
    async loadState(key) {
      const { directory } = await openState();
      const entry = directory.keys[key];
      if (!entry) return undefined;
      const [row, cells] = entry;
      await b.flush();
      const sheet = worksheets.getItem(STATE_SHEET);
      let text = '';
      for (let start = 0; start < cells; start += STATE_CELLS_PER_READ) {
        const count = Math.min(STATE_CELLS_PER_READ, cells - start);
        const range = b.rangeOf(sheet, { row, col: 1 + start, rows: 1, cols: count }).load('values');
        await b.sync(STATE_SHEET);
        text += (range.values[0] ?? []).map((cell) => String(cell)).join('');
      }
      try {
        return JSON.parse(text) as unknown;
      } catch {
        // The state is a cache of the last sync: a damaged copy means "unknown", and the next sync rebuilds it.
        return undefined;
      }
    },

    async saveState(key, value) {
      assertNoSecrets(value);
      const text: string | undefined = JSON.stringify(value);
      const current = await openState();
      const chunks = text === undefined ? [] : splitText(text);
      const old = current.directory.keys[key];
      const row = stateRow(current.directory, key);
      const directory: StateDirectory = { keys: { ...current.directory.keys } };
      if (text === undefined) delete directory.keys[key];
      else directory.keys[key] = [row, chunks.length];
      const head = formatDirectory(directory);
      if (head.length > STATE_CELL_CHARS) throw new Error('Quá nhiều khóa trạng thái / too many state keys');

      const sheet = current.exists ? worksheets.getItem(STATE_SHEET) : worksheets.add(STATE_SHEET);
      if (features.api12) sheet.visibility = 'VeryHidden';
      const leftover = Math.max(0, (old?.[1] ?? 0) - chunks.length);
      const cells: CellValue[] = [text === undefined ? null : key, ...chunks, ...Array<CellValue>(leftover).fill(null)];
      // The directory goes last: if a piece fails, the old entry points at cells that no longer parse, so
      // loadState answers "unknown" instead of half a state.
      b.queue(
        ...b.writeOperations(sheet, { row, col: 0, values: [cells] }),
        ...b.writeOperations(sheet, { row: 0, col: 0, values: [[head]] }),
      );
      state = { exists: true, directory };
    },
  };
}
