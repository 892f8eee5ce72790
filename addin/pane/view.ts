import type { SheetIssue } from '../sheet/index.ts';
import type { SyncOutcome } from '../sync/outcome.ts';
import { language, setLanguage, t, type MessageKey } from './i18n.ts';

/** The pane's DOM: looked up once, rendered from plain data. */
export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export function translatePage(): void {
  document.documentElement.lang = language();
  for (const el of document.querySelectorAll<HTMLElement>('[data-t]')) el.textContent = t(el.dataset.t as MessageKey);
  // A period the last sync found stays in the box; only the "detected" hint is translated.
  const period = $<HTMLInputElement>('period');
  if (period.dataset.detected === undefined) period.placeholder = t('periodAuto');
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
  for (const button of $('tie-list').querySelectorAll('button')) button.disabled = on;
  if (!on) $('progress').hidden = true;
}

export function setStatus(text: string, tone: 'ok' | 'error' | 'info'): void {
  const el = $('status');
  el.textContent = text;
  el.className = tone;
}

export function showProgress(done: number, total: number): void {
  $('progress').hidden = false;
  const bar = $<HTMLProgressElement>('progress-bar');
  bar.max = Math.max(total, 1);
  bar.value = done;
  $('progress-text').textContent = t('progress', { done, total });
}

export interface Problem {
  cell: string | null;
  message: string;
  severity: 'error' | 'warning';
}

export function problemsOf(outcome: SyncOutcome): Problem[] {
  // Engine messages start with their cell ("H12: …"); the cell is the jump button, so it is not repeated.
  const local = outcome.issues.map((i: SheetIssue) => ({
    cell: i.cell,
    message: i.cell && i.message.startsWith(`${i.cell}: `) ? i.message.slice(i.cell.length + 2) : i.message,
    severity: i.severity,
  }));
  const remote = outcome.rowProblems.map((r) => ({
    cell: null,
    message: `${r.status === 'conflict' ? 'Xung đột' : 'Lỗi'} — dòng ${r.ref ?? '?'}${r.key ? ` (${r.key})` : ''}: ${r.message}`,
    severity: 'error' as const,
  }));
  return [...local, ...remote];
}

/** The list of problems; a problem with a cell jumps there when clicked. */
export function renderProblems(problems: readonly Problem[], jump: (cell: string) => void): void {
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
    li.append(document.createTextNode(p.message));
    list.append(li);
  }
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
