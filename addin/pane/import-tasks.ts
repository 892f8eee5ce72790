import type { BinhXetClient } from '../api/client.ts';
import { importTaskExport } from '../actions/import-tasks.ts';
import type { WorkbookAdapter } from '../workbook/adapter.ts';
import { t } from './i18n.ts';
import type { ActionResult } from './run-action.ts';
import * as view from './view.ts';

const { $ } = view;

interface ImportDeps {
  run: (action: () => Promise<ActionResult>) => Promise<void>;
  workbook: () => WorkbookAdapter;
  client: () => BinhXetClient;
  /** The month in the pane's box (or the one the last sync found); throws a RangeError to say it is missing. */
  period: () => string;
  /** The sheet list changed: the new tasks sheet becomes the one the pane works on. */
  imported: (sheet: string) => Promise<void>;
}

/**
 * Nhập nhiệm vụ (research §3.3 TASK-4): the month and the connection are checked before the file picker
 * opens, so nobody picks a file for nothing; the file is then read and imported as one action.
 */
export function wireTaskImport(deps: ImportDeps): void {
  const picker = $<HTMLInputElement>('import-file');
  let month = '';
  $('import-tasks').addEventListener('click', () =>
    void deps.run(async () => {
      deps.workbook();
      deps.client();
      month = deps.period();
      if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(t('importNeedMonth', { period: month }));
      picker.value = '';
      picker.click();
    }),
  );
  picker.addEventListener('change', () => {
    const file = picker.files?.[0];
    if (!file) return;
    void deps.run(async () => {
      // exceljs (for an .xlsx export) is loaded only now, as in the file mode.
      const { readTaskExport } = await import('../workbook/task-export.ts');
      const exported = await readTaskExport(file.name, new Uint8Array(await file.arrayBuffer()));
      const result = await importTaskExport({ workbook: deps.workbook(), client: deps.client() }, exported, month);
      view.renderProblems(result.messages.map((message) => ({ cell: null, message, severity: 'warning' as const })), () => undefined);
      await deps.imported(result.sheet);
      const text = t('tasksImported', { added: result.added, kept: result.kept, sheet: result.sheet });
      return result.messages.length > 0 ? { text: `${text} ${t('tasksImportSkipped', { count: result.messages.length })}`, tone: 'warning' } : text;
    });
  });
}
