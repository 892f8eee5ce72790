import { t } from './i18n.ts';

/** One member of a tie run as the council sees it: the box's value, its text, and whether it is settled already. */
export interface TieMember {
  code: string;
  text: string;
  /** Already HTXS: shown ticked, not to be chosen again. */
  settled?: boolean;
}

/**
 * A tie run at the quota (a month's or a year's): its members to tick, a reason, and the award button, which is
 * off for good when no place is left (`data-off`: the pane's busy state leaves it alone). `award` gets the codes
 * newly ticked and the reason.
 */
export function tieBox(legend: string, members: readonly TieMember[], left: number, award: (chosen: string[], reason: string) => void): HTMLFieldSetElement {
  const box = document.createElement('fieldset');
  box.className = 'tie';
  const title = document.createElement('legend');
  title.textContent = legend;
  box.append(title);
  for (const m of members) {
    const label = document.createElement('label');
    label.className = 'check';
    const check = document.createElement('input');
    check.type = 'checkbox';
    check.value = m.code;
    check.disabled = m.settled === true;
    check.checked = m.settled === true;
    label.append(check, document.createTextNode(` ${m.text}`));
    box.append(label);
  }
  const reason = document.createElement('input');
  reason.className = 'tie-reason';
  reason.maxLength = 1000;
  reason.placeholder = t('awardReason');
  reason.setAttribute('aria-label', t('awardReason'));
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'award';
  button.textContent = t('award');
  if (left === 0) {
    button.disabled = true;
    button.dataset.off = '';
  }
  button.addEventListener('click', () => {
    const chosen = [...box.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked:not(:disabled)')].map((c) => c.value);
    award(chosen, reason.value);
  });
  box.append(reason, button);
  return box;
}

/** A member's text: who, their unit, their score. */
export function memberText(who: string, unit: string | null | undefined, score: number | null): string {
  return `${who}${unit ? ` — ${unit}` : ''}${score === null ? '' : ` (${score})`}`;
}
