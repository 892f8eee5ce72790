import { ApiError } from '../api/client.ts';
import { WorkbookFileError } from '../workbook/file-kind.ts';
import { t } from './i18n.ts';

export interface ActionView {
  busy(on: boolean): void;
  status(text: string, tone: 'ok' | 'error' | 'info'): void;
}

/**
 * Every button goes through here: one action at a time, the pane shows what went wrong in Vietnamese,
 * and nothing is thrown past the pane.
 */
export function actionRunner(view: ActionView) {
  let running = false;
  return async function run(action: () => Promise<string | void>): Promise<void> {
    if (running) return;
    running = true;
    view.busy(true);
    view.status(t('working'), 'info');
    try {
      const message = await action();
      view.status(message ?? '', 'ok');
    } catch (error) {
      view.status(describe(error), 'error');
    } finally {
      running = false;
      view.busy(false);
    }
  };
}

export function describe(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'offline') return t('offline');
    if (error.code === 'unauthorised') return t('unauthorised');
    return error.message;
  }
  // A RangeError is an input the action refused, with its reason in Vietnamese (a month, a reason, a choice).
  if (error instanceof RangeError) return error.message;
  // A file that is no .xlsx: the message names it and says what to do.
  if (error instanceof WorkbookFileError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return t('unexpected', { message });
}
