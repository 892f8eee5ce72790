import type { BinhXetClient } from '../api/client.ts';
import { writeAssessmentForms } from '../actions/assessment-forms.ts';
import type { WorkbookAdapter } from '../workbook/adapter.ts';
import { t } from './i18n.ts';
import type { ActionResult } from './run-action.ts';
import * as view from './view.ts';

const { $ } = view;

/** Phiếu đánh giá: the month's forms (or one person's, by the Mã CB typed beside the button), one A4 sheet each. */
export function wireAssessmentForms(deps: {
  run: (action: () => Promise<ActionResult>) => Promise<void>;
  workbook: () => WorkbookAdapter;
  client: () => BinhXetClient;
  period: () => string;
  written: () => Promise<void>;
}): void {
  $('phieu').addEventListener('click', () =>
    void deps.run(async () => {
      const code = $<HTMLInputElement>('phieu-code').value.trim();
      const { sheets } = await writeAssessmentForms({ workbook: deps.workbook(), client: deps.client() }, deps.period(), code || null);
      await deps.written();
      return t('formsWritten', { count: sheets.length, first: sheets[0] ?? '' });
    }),
  );
}
