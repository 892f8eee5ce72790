import type { SheetIssue } from '../sheet/index.ts';
import type { MonthGlance } from '../actions/month-glance.ts';
import type { Progress, SyncOutcome } from '../actions/outcome.ts';
import { SHEET_KINDS } from '../sheet/kinds/index.ts';
import { language, setLanguage, t, type MessageKey } from './i18n.ts';
import type { Tone } from './run-action.ts';

/** The pane's DOM: looked up once, rendered from plain data. */
export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function translatePage(): void {
  document.documentElement.lang = language();
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) el.textContent = t(el.dataset.t as MessageKey);
  listKinds();
  // A period the last sync found stays in the box; only the "detected" hint is translated.
  const period = $<HTMLInputElement>('period');
  if (period.dataset.detected === undefined) period.placeholder = t('periodAuto');
}

/** Loại bảng lists every kind of sheet from its spec, in the pane's language; the choice is kept. */
function listKinds(): void {
  const select = $<HTMLSelectElement>('kind');
  const chosen = select.value;
  select.replaceChildren(...Object.entries(SHEET_KINDS).map(([kind, spec]) => new Option(spec.title[language()], kind)));
  if (chosen) select.value = chosen;
}

/** The period the last sync found (a month, a year, a class), shown greyed in the box. */
export function showDetectedPeriod(period: string): void {
  const box = $<HTMLInputElement>('period');
  box.placeholder = period;
  box.dataset.detected = period;
}

export function toggleLanguage(): void {
  setLanguage(language() === 'vi' ? 'en' : 'vi');
  translatePage();
}

export function setBusy(on: boolean): void {
  const buttons = ['check', 'sync', 'refresh', 'new-month', 'add-codes', 'council-summary', 'year-results', 'year-proposals', 'finalise', 'reopen'];
  for (const id of buttons) $<HTMLButtonElement>(id).disabled = on;
  // A tie's award button off for good (no place left) stays off.
  const others = '#tie-list button:not([data-off]), #problem-list button.keep, #typed-confirm button, #year-council button:not([data-off])';
  for (const button of document.querySelectorAll<HTMLButtonElement>(others)) button.disabled = on;
  if (!on) $('progress').hidden = true;
}

export function setStatus(text: string, tone: Tone): void {
  const el = $('status');
  el.textContent = text;
  el.className = tone;
}

const PHASE_TEXT = { read: 'phaseRead', check: 'phaseCheck', send: 'phaseSend', write: 'phaseWrite' } as const;

/** The progress of long work, from its first step: reading, checking, each piece sent, writing back. */
export const showProgress: Progress = ({ phase, done, total }) => {
  $('progress').hidden = false;
  const bar = $<HTMLProgressElement>('progress-bar');
  // Reading and checking have no count to show: the bar moves without one (indeterminate).
  if (phase === 'send') {
    bar.max = Math.max(total, 1);
    bar.value = done;
  } else bar.removeAttribute('value');
  $('progress-text').textContent = t(PHASE_TEXT[phase], { done, total });
};

/** A step before the engine's own (reading the picked file). */
export function showWorking(text: string): void {
  $('progress').hidden = false;
  $<HTMLProgressElement>('progress-bar').removeAttribute('value');
  $('progress-text').textContent = text;
}

export interface Problem {
  cell: string | null;
  message: string;
  severity: 'error' | 'warning';
  /** The person the problem is about. */
  who?: string | null;
  /** A conflicting row's key: the problem offers "Giữ giá trị của tôi". */
  keep?: string;
}

export function problemsOf(outcome: SyncOutcome): Problem[] {
  // Engine messages start with their cell ("H12: …"); the cell is the jump button, so it is not repeated.
  const local = outcome.issues.map((i: SheetIssue) => ({
    cell: i.cell,
    message: i.cell && i.message.startsWith(`${i.cell}: `) ? i.message.slice(i.cell.length + 2) : i.message,
    severity: i.severity,
    who: i.who && !i.message.includes(i.who) ? i.who : null,
  }));
  const remote = outcome.rowProblems.map((r): Problem => ({
    cell: null,
    message: `${t(r.status === 'conflict' ? 'conflictWord' : 'errorWord')} — ${t('rowWord')} ${r.ref ?? '?'}${r.key ? ` (${r.key})` : ''}: ${r.message}`,
    severity: 'error',
    who: r.who,
    ...(r.status === 'conflict' && r.sheetKey ? { keep: r.sheetKey } : {}),
  }));
  // Errors first, then warnings: what blocks a row before what only asks to be looked at.
  return [...local, ...remote].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/**
 * The list of problems, errors (red) before warnings (amber); a problem with a cell jumps there when clicked,
 * a conflict offers to keep the user's value.
 */
export function renderProblems(problems: readonly Problem[], jump: (cell: string) => void, keep?: (key: string) => void): void {
  const list = $('problem-list');
  list.replaceChildren();
  $('problem-count').textContent = problems.length > 0 ? `(${problems.length})` : '';
  if (problems.length === 0) {
    const li = document.createElement('li');
    li.className = 'none';
    li.textContent = t('noProblems');
    list.append(li);
    return;
  }
  for (const p of problems.slice(0, 500)) {
    const li = document.createElement('li');
    li.className = p.severity;
    if (p.cell) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = p.cell;
      button.addEventListener('click', () => jump(p.cell!));
      li.append(button);
    }
    if (p.who) {
      const who = document.createElement('strong');
      who.textContent = `${p.who}: `;
      li.append(who);
    }
    li.append(document.createTextNode(p.message));
    if (p.keep && keep) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'keep';
      button.dataset.key = p.keep;
      button.textContent = t('keepMine');
      button.addEventListener('click', () => keep(p.keep!));
      li.append(button);
    }
    list.append(li);
  }
}

/** After a sync that kept typed cells: the count, and the one button that writes over them. */
export function renderTypedConfirm(count: number, overwrite: () => void): void {
  const box = $('typed-confirm');
  box.replaceChildren();
  box.hidden = count === 0;
  if (count === 0) return;
  const text = document.createElement('p');
  text.textContent = t('typedConfirm', { count });
  const yes = document.createElement('button');
  yes.type = 'button';
  yes.id = 'overwrite-typed';
  yes.textContent = t('overwriteTyped', { count });
  yes.addEventListener('click', overwrite);
  const no = document.createElement('button');
  no.type = 'button';
  no.textContent = t('keepTyped');
  no.addEventListener('click', () => (box.hidden = true));
  box.append(text, yes, no);
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = '') => {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
};

/** The month at a glance: a bar per level, each group's HTXS places, the ties waiting (plain HTML and CSS). */
export function renderGlance(glance: MonthGlance | null, period: string): void {
  const box = $('glance');
  box.replaceChildren();
  box.hidden = glance === null;
  if (!glance) return;
  box.append(el('h2', '', `${t('glance', { period })} — ${t('glancePeople', { total: glance.total })}`));
  const most = Math.max(1, ...glance.levels.map((l) => l.count));
  const bars = el('div', 'bars');
  for (const l of glance.levels) {
    if (l.count === 0 && l.level === 'NONE') continue;
    const row = el('div', `bar-row level-${l.level}`);
    row.dataset.level = l.level;
    const bar = el('span', 'bar');
    bar.style.width = `${(100 * l.count) / most}%`;
    row.append(el('span', 'bar-label', l.label), el('span', 'bar-track'), el('span', 'bar-count', String(l.count)));
    row.children[1]!.append(bar);
    bars.append(row);
  }
  box.append(bars);
  const groups = el('ul', 'groups');
  for (const g of glance.groups) {
    const item = el('li', g.used >= g.allowed ? 'full' : '', t('glanceGroup', g));
    item.dataset.group = g.group;
    groups.append(item);
  }
  box.append(groups);
  box.append(el('p', glance.ties > 0 ? 'ties waiting' : 'ties', glance.ties > 0 ? t('glanceTies', { count: glance.ties }) : t('glanceNoTies')));
}

/** A drop-down per missing field, listing the sheet's headers; returns the chosen mapping when saved. */
export function renderMapping(missing: readonly string[], headers: readonly string[], labels: (field: string) => string): void {
  const box = $('mapping-fields');
  box.replaceChildren();
  $('mapping').hidden = missing.length === 0;
  for (const field of missing) {
    const label = document.createElement('label');
    label.textContent = labels(field);
    const select = document.createElement('select');
    select.dataset.field = field;
    select.append(new Option(t('notMapped'), ''));
    for (const h of headers) select.append(new Option(h, h));
    label.append(select);
    box.append(label);
  }
}

export function chosenMapping(): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const select of $('mapping-fields').querySelectorAll('select')) {
    if (select.value) mapping[select.value] = select.dataset.field!;
  }
  return mapping;
}

export function fillSheets(names: readonly string[], active: string): void {
  const select = $<HTMLSelectElement>('sheet');
  select.replaceChildren(...names.map((n) => new Option(n, n, false, n === active)));
}
