import type { BinhXetClient } from '../api/client.ts';
import { assessmentForm, type FormPerson } from '../report/assessment-form.ts';
import type { WorkbookAdapter } from '../workbook/adapter.ts';

export interface FormsWritten {
  sheets: string[];
}

const MONTH = /^(19|20|21)\d\d-(0[1-9]|1[0-2])$/;

/**
 * Phiếu theo dõi, đánh giá (research §3.3 TASK-5) of one person (`code`) or of everyone rated in the month:
 * one sheet each, replacing a sheet of the same name, from the month's people, tasks and the roster's titles.
 */
export async function writeAssessmentForms(
  deps: { workbook: WorkbookAdapter; client: Pick<BinhXetClient, 'pull' | 'roster' | 'ruleSet'> },
  period: string,
  code: string | null,
): Promise<FormsWritten> {
  if (!MONTH.test(period)) throw new RangeError(`Tháng phải có dạng YYYY-MM, không phải "${period}"`);
  const [people, tasks, roster, ruleSet] = await Promise.all([
    deps.client.pull('person', period),
    deps.client.pull('tasks', period),
    deps.client.roster(),
    deps.client.ruleSet(),
  ]);
  const titles = new Map(roster.people.map((p) => [p.code, p.title ?? null]));
  const chosen = code === null ? people.rows : people.rows.filter((r) => r.code === code);
  if (chosen.length === 0) {
    throw new RangeError(code === null ? `Tháng ${period} chưa có ai được đánh giá` : `Tháng ${period} không có cán bộ mã ${code}`);
  }
  const figures = new Map(tasks.people.map((p) => [p.code, p]));
  const forms = chosen.map((r) => {
    const person: FormPerson = {
      code: r.code, name: r.name, unit: r.unit, title: titles.get(r.code) ?? null,
      selfScore: r.selfScore, headScore: r.headScore ?? null, score: r.score, label: r.label, reasons: r.reasons,
    };
    return assessmentForm(period, person, figures.get(r.code) ?? null, tasks.rows.filter((t) => t.code === r.code), ruleSet.ruleSet.tasks.generalPartIIIMax);
  });
  await deps.workbook.session(async (session) => {
    for (const f of forms) {
      await session.addSheet(f.name, f.values, { headerRows: f.headerRows, columnWidths: f.columnWidths, replace: true, printA4Portrait: true });
    }
  });
  return { sheets: forms.map((f) => f.name) };
}
