import { ApiError } from '../api/client.ts';
import { WorkbookFileError } from '../workbook/file-kind.ts';
import { t } from './i18n.ts';

/** Green for done, amber for done with something to look at, red for what went wrong, grey while working. */
export type Tone = 'ok' | 'warning' | 'error' | 'info';

/** What an action says when it ends: a text, green; or a text with its own tone. */
export type ActionResult = string | void | { text: string; tone: Tone };

export interface ActionView {
  busy(on: boolean): void;
  status(text: string, tone: Tone): void;
}

/** What the user must do first (pick a file, connect): a hint, never an error. */
export class Hint extends Error {
  override name = 'Hint';
}

/**
 * Every button goes through here: one action at a time, the pane shows what went wrong in Vietnamese,
 * and nothing is thrown past the pane.
 */
export function actionRunner(view: ActionView) {
  let running = false;
  return async function run(action: () => Promise<ActionResult>): Promise<void> {
    if (running) return;
    running = true;
    view.busy(true);
    view.status(t('working'), 'info');
    try {
      const result = await action();
      if (typeof result === 'object') view.status(result.text, result.tone);
      else view.status(result ?? '', 'ok');
    } catch (error) {
      view.status(describe(error), error instanceof Hint ? 'info' : 'error');
    } finally {
      running = false;
      view.busy(false);
    }
  };
}

export function describe(error: unknown): string {
  if (error instanceof ApiError) {
    // The client's own text names the address it could not reach.
    if (error.code === 'unauthorised') return t('unauthorised');
    return error.message;
  }
  // A RangeError is an input the action refused, with its reason in Vietnamese (a month, a reason, a choice).
  if (error instanceof RangeError || error instanceof Hint) return error.message;
  // A file that is no .xlsx: the message names it and says what to do.
  if (error instanceof WorkbookFileError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return t('unexpected', { message });
}
