import type { BinhXetClient, Me } from '../api/client.ts';
import type { TieRun } from '../report/tie-runs.ts';
import { formatPeriod } from '../sheet/period.ts';
import { awardTie, finaliseMonth, reopenMonth } from '../actions/summary-decisions.ts';
import { loadCouncilView, writeMonthSummary, type CouncilView } from '../actions/summary.ts';
import { writeStatisticsSheets } from '../actions/statistics-sheets.ts';
import { writeDossierSheets } from '../actions/dossier-sheets.ts';
import { writeYearSheets } from '../actions/year-sheets.ts';
import type { WorkbookAdapter } from '../workbook/adapter.ts';
import { t } from './i18n.ts';
import { memberText, tieBox } from './tie-box.ts';
import { $ } from './view.ts';

/**
 * The council section (Hội đồng), for council and admin keys: the month's summary sheet, the tie runs with a
 * choice of members and a reason per run, finalise / reopen with a reason, and at year end the sheets
 * "Xếp loại năm" and "Đề nghị khen thưởng" (with the students' per class). Every button goes through `run`.
 */
export interface CouncilDeps {
  run(action: () => Promise<string | void>): Promise<void>;
  workbook(): WorkbookAdapter;
  client(): BinhXetClient;
  /** The month the pane works on (typed, or found by the last sync). */
  period(): string;
  /** The workbook gained a sheet: refresh the pane's list of sheets and the download. */
  sheetsChanged(): Promise<void>;
}

/** "2021-10" as people write it, "10/2021"; anything else as given. */
const monthText = (period: string) => (/^\d{4}-\d{2}$/.test(period) ? formatPeriod(period) : period);

const COUNCIL_ROLES: ReadonlySet<Me['user']['role']> = new Set(['admin', 'council']);

export function councilSection(deps: CouncilDeps) {
  let current: CouncilView | null = null;

  function renderState(): void {
    $('council-state').textContent = current
      ? t('monthState', {
          period: monthText(current.period),
          state: t(current.finalised ? 'stateFinal' : 'stateOpen'),
          rate: current.rate,
          people: current.people,
        })
      : '';
  }

  function runBox(run: TieRun, index: number): HTMLElement {
    const members = run.members.map((m) => ({
      code: m.code,
      text: memberText([m.code, m.name].filter(Boolean).join(' '), m.unit, m.score),
      settled: m.level === 'HTXS',
    }));
    const box = tieBox(t('tieGroup', { group: run.group, left: run.left, allowed: run.allowed }), members, run.left, (chosen, reason) =>
      void deps.run(() => award(run, chosen, reason)),
    );
    box.dataset.run = String(index);
    return box;
  }

  function renderTies(): void {
    const list = $('tie-list');
    list.replaceChildren();
    const note = (key: 'tiesUnknown' | 'noTies') => {
      const p = document.createElement('p');
      p.className = 'hint';
      p.textContent = t(key);
      list.append(p);
    };
    if (!current) note('tiesUnknown');
    else if (current.ties.length === 0) note('noTies');
    else current.ties.forEach((run, i) => list.append(runBox(run, i)));
  }

  function render(): void {
    renderState();
    renderTies();
  }

  async function reload(period: string): Promise<void> {
    current = await loadCouncilView(deps.client(), period);
    render();
  }

  async function award(run: TieRun, chosen: string[], reason: string): Promise<string> {
    if (!current) throw new RangeError(t('tiesUnknown'));
    await awardTie(deps.client(), current.period, run, chosen, reason);
    await reload(current.period);
    return t('awarded', { count: chosen.length, group: run.group });
  }

  function reasonInput(): HTMLInputElement {
    return $<HTMLInputElement>('decision-reason');
  }

  /** The year of the Tháng / Năm box: "2021", or the year of a month "2021-10". */
  function year(): string {
    let period = '';
    try {
      period = deps.period();
    } catch {
      throw new RangeError(t('needYear'));
    }
    const found = /^((?:19|20|21)\d\d)(?:-\d\d)?$/.exec(period.trim());
    if (!found) throw new RangeError(t('needYear'));
    return found[1]!;
  }

  function wireYear(): void {
    $('year-results').addEventListener('click', () =>
      void deps.run(async () => {
        const outcome = await writeYearSheets({ workbook: deps.workbook(), client: deps.client() }, year(), { sheets: ['results'] });
        await deps.sheetsChanged();
        return t('yearWritten', { sheet: outcome.sheets[0] ?? '', people: outcome.people, units: outcome.units, ties: outcome.ties });
      }),
    );
    $('year-proposals').addEventListener('click', () =>
      void deps.run(async () => {
        const options = { sheets: ['proposals'] as const, classes: true };
        const outcome = await writeYearSheets({ workbook: deps.workbook(), client: deps.client() }, year(), options);
        await deps.sheetsChanged();
        const total = (outcome.rewardTotal ?? 0).toLocaleString('vi-VN');
        return t('proposalsWritten', { sheet: outcome.sheets[0] ?? '', classes: outcome.classes.length, total });
      }),
    );
    $('year-statistics').addEventListener('click', () =>
      void deps.run(async () => {
        const o = await writeStatisticsSheets({ workbook: deps.workbook(), client: deps.client() }, year());
        await deps.sheetsChanged();
        return t('statisticsWritten', { sheet: o.sheets[0] ?? '', drives: o.sheets[1] ?? '', people: o.personMonths, units: o.unitMonths, students: o.studentsCommended });
      }),
    );
    $('year-dossier').addEventListener('click', () =>
      void deps.run(async () => {
        const outcome = await writeDossierSheets({ workbook: deps.workbook(), client: deps.client() }, year());
        await deps.sheetsChanged();
        const listed = Object.values(outcome.listed).reduce((a, b) => a + b, 0);
        return t('dossierWritten', { sheets: outcome.sheets.length, listed, decided: outcome.decided, total: outcome.rewardTotal.toLocaleString('vi-VN') });
      }),
    );
  }

  function wire(): void {
    $('council-summary').addEventListener('click', () =>
      void deps.run(async () => {
        const outcome = await writeMonthSummary({ workbook: deps.workbook(), client: deps.client() }, deps.period());
        current = outcome;
        render();
        await deps.sheetsChanged();
        return t('summaryWritten', { sheet: outcome.sheet, people: outcome.people, ties: outcome.ties.length });
      }),
    );
    $('finalise').addEventListener('click', () =>
      void deps.run(async () => {
        const period = deps.period();
        await finaliseMonth(deps.client(), period, reasonInput().value);
        reasonInput().value = '';
        await reload(period);
        return t('finalisedMonth', { period: monthText(period) });
      }),
    );
    $('reopen').addEventListener('click', () =>
      void deps.run(async () => {
        const period = deps.period();
        await reopenMonth(deps.client(), period, reasonInput().value);
        reasonInput().value = '';
        await reload(period);
        return t('reopenedMonth', { period: monthText(period) });
      }),
    );
  }

  wire();
  wireYear();
  render();
  return {
    /** Shown to council and admin keys only; the service checks the role again on every decision. */
    setRole(role: Me['user']['role'] | null): void {
      $('council').hidden = role === null || !COUNCIL_ROLES.has(role);
    },
    /** Labels built here follow the pane's language. */
    translate: render,
  };
}
