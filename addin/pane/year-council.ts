import type { BinhXetClient, Me } from '../api/client.ts';
import {
  awardYearTie,
  finaliseYear,
  loadYearCouncil,
  reinstateProposal,
  reopenYear,
  titleChoiceText,
  withdrawProposal,
  yearOfPeriod,
} from '../actions/year-decisions.ts';
import type { YearCouncilView, YearTieRun } from '../report/year-council.ts';
import { t } from './i18n.ts';
import { memberText, tieBox } from './tie-box.ts';
import { $ } from './view.ts';

/**
 * The year's council decisions (Hội đồng — năm), for council and admin keys, as the month's section does them:
 * the tie runs at the yearly quota with a choice and a reason per run, withdrawing a title from the proposal
 * list with a reason (and reinstating it), finalising and reopening the year with a reason.
 */
export interface YearCouncilDeps {
  run(action: () => Promise<string | void>): Promise<void>;
  client(): BinhXetClient;
  /** The Tháng / Năm / Lớp box, or the period the last sync found. */
  period(): string;
}

const COUNCIL_ROLES: ReadonlySet<Me['user']['role']> = new Set(['admin', 'council']);

export function yearCouncilSection(deps: YearCouncilDeps) {
  let current: YearCouncilView | null = null;

  function year(): string {
    let period = '';
    try {
      period = deps.period();
    } catch {
      throw new RangeError(t('needYear'));
    }
    const found = yearOfPeriod(period);
    if (!found) throw new RangeError(t('needYear'));
    return found;
  }

  /** The year shown: the one loaded, so a decision never goes to a year typed since. */
  function loaded(): YearCouncilView {
    if (!current) throw new RangeError(t('yearNotLoaded'));
    return current;
  }

  function renderState(): void {
    $('year-state').textContent = current
      ? t('yearState', {
          year: current.year,
          state: t(current.finalised ? 'stateFinal' : 'stateOpen'),
          rate: current.rate,
          people: current.people,
          units: current.units,
        })
      : '';
  }

  function runBox(run: YearTieRun): HTMLElement {
    const members = run.members.map((m) => ({
      code: m.code,
      text: memberText(run.subject === 'unit' ? m.code : [m.code, m.name].filter(Boolean).join(' '), m.unit, m.score),
    }));
    const legend = t(run.subject === 'unit' ? 'yearTieUnits' : 'yearTiePeople', { group: run.group, left: run.left, allowed: run.allowed });
    const box = tieBox(legend, members, run.left, (chosen, reason) =>
      void deps.run(async () => {
        const view = loaded();
        await awardYearTie(deps.client(), view.year, run, chosen, reason);
        await reload(view.year);
        return t('yearAwarded', { count: chosen.length, group: run.group, year: view.year });
      }),
    );
    box.dataset.subject = run.subject;
    return box;
  }

  function note(text: string): HTMLElement {
    const p = document.createElement('p');
    p.className = 'hint';
    p.textContent = text;
    return p;
  }

  function renderTies(): void {
    const list = $('year-tie-list');
    list.replaceChildren();
    if (!current) list.append(note(t('yearNotLoaded')));
    else if (current.ties.length === 0) list.append(note(t('noTies')));
    else list.append(...current.ties.map(runBox));
  }

  function renderProposals(): void {
    const select = $<HTMLSelectElement>('withdraw-choice');
    const options = (current?.proposals ?? []).map((p, i) => {
      const pending = p.pendingVote ? ` (${t('pendingVote')})` : '';
      return new Option(`${titleChoiceText(p)}${p.unit ? `, ${p.unit}` : ''}${pending}`, String(i));
    });
    select.replaceChildren(...(options.length > 0 ? options : [new Option(t(current ? 'noProposals' : 'yearNotLoaded'), '')]));
  }

  function renderWithdrawals(): void {
    const list = $('withdrawal-list');
    list.replaceChildren();
    for (const w of current?.withdrawals ?? []) {
      const li = document.createElement('li');
      li.append(document.createTextNode(`${titleChoiceText(w)}: ${w.reason} `));
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'reinstate';
      button.textContent = t('reinstate');
      button.addEventListener('click', () =>
        void deps.run(async () => {
          const view = loaded();
          await reinstateProposal(deps.client(), view.year, w, reasonInput().value);
          reasonInput().value = '';
          await reload(view.year);
          return t('reinstated', { what: titleChoiceText(w), year: view.year });
        }),
      );
      li.append(button);
      list.append(li);
    }
  }

  function render(): void {
    renderState();
    renderTies();
    renderProposals();
    renderWithdrawals();
  }

  async function reload(y: string): Promise<void> {
    current = await loadYearCouncil(deps.client(), y);
    render();
  }

  const reasonInput = () => $<HTMLInputElement>('withdraw-reason');
  const decisionReason = () => $<HTMLInputElement>('year-decision-reason');

  function wire(): void {
    $('year-load').addEventListener('click', () =>
      void deps.run(async () => {
        await reload(year());
        const view = loaded();
        return t('yearLoaded', { year: view.year, ties: view.ties.length, proposals: view.proposals.length });
      }),
    );
    $('withdraw').addEventListener('click', () =>
      void deps.run(async () => {
        const view = loaded();
        const chosen = view.proposals[Number($<HTMLSelectElement>('withdraw-choice').value)] ?? null;
        await withdrawProposal(deps.client(), view.year, chosen, reasonInput().value);
        reasonInput().value = '';
        await reload(view.year);
        return t('withdrawn', { what: chosen ? titleChoiceText(chosen) : '', year: view.year });
      }),
    );
    $('finalise-year').addEventListener('click', () =>
      void deps.run(async () => {
        const y = current?.year ?? year();
        await finaliseYear(deps.client(), y, decisionReason().value);
        decisionReason().value = '';
        await reload(y);
        return t('finalisedYear', { year: y });
      }),
    );
    $('reopen-year').addEventListener('click', () =>
      void deps.run(async () => {
        const y = current?.year ?? year();
        await reopenYear(deps.client(), y, decisionReason().value);
        decisionReason().value = '';
        await reload(y);
        return t('reopenedYear', { year: y });
      }),
    );
  }

  wire();
  render();
  return {
    /** Shown to council and admin keys only; the service checks the role again on every decision. */
    setRole(role: Me['user']['role'] | null): void {
      $('year-council').hidden = role === null || !COUNCIL_ROLES.has(role);
      if ($('year-council').hidden) {
        current = null;
        render();
      }
    },
    /** Labels built here follow the pane's language. */
    translate: render,
  };
}
