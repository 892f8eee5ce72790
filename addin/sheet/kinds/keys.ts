import { lowerKey, tidyText } from '../cell-text.ts';

/**
 * What identifies a person's row across syncs, whatever its position, as the service identifies it (each
 * kind's own key is in its spec). A staff code cannot contain "|" (STAFF_CODE_PATTERN), so a code never
 * collides with a `name|unit` key.
 */

export function nameUnitKey(name: unknown, unit: unknown): string | null {
  const n = textOf(name);
  const u = textOf(unit);
  return n && u ? `${lowerKey(n)}|${lowerKey(u)}` : null;
}

/** People (a month or the year): the staff code; without one, the name and unit as typed by any keyboard. */
export function personKey(input: Record<string, unknown>): string | null {
  const code = textOf(input.code);
  if (code) return tidyText(code);
  return nameUnitKey(input.name, input.unit);
}

export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}
