import { initiativeRowSchema } from '../../server/contract/year-initiative-row.ts';
import { lowerKey, tidyText } from './cell-text.ts';

/**
 * What identifies a row across syncs, whatever its position, as the service identifies it. A staff code
 * cannot contain "|" (STAFF_CODE_PATTERN), so a code never collides with a `name|unit` key.
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

/** Units (khoa, phòng): their name. */
export function unitKey(input: Record<string, unknown>): string | null {
  const unit = textOf(input.unit);
  return unit ? lowerKey(unit) : null;
}

/** The kind as the contract reads it ("SK", "Sáng kiến" → "sáng kiến"), so two spellings are one row. */
export function initiativeKind(value: unknown): string {
  const parsed = initiativeRowSchema.shape.kind.safeParse(value);
  return parsed.success ? parsed.data : lowerKey(textOf(value));
}

/** "|sáng kiến|tên sáng kiến": what follows the person in an initiative's key. */
export function initiativeSuffix(kind: unknown, title: unknown): string | null {
  const t = textOf(title);
  return t ? `|${initiativeKind(kind)}|${lowerKey(t)}` : null;
}

/** An initiative: its person (code, or name and unit), its kind and its title, as the service keys it. */
export function initiativeKey(input: Record<string, unknown>): string | null {
  const who = personKey(input);
  const suffix = initiativeSuffix(input.kind, input.title);
  return who && suffix ? who + suffix : null;
}

/** "|ref:mã nhiệm vụ" or "|name:tên nhiệm vụ": what follows the person in a task's key, as the service keys it. */
export function taskSuffix(taskRef: unknown, taskName: unknown): string | null {
  const ref = textOf(taskRef);
  if (ref.trim()) return `|ref:${lowerKey(ref)}`;
  const name = textOf(taskName);
  return name.trim() ? `|name:${lowerKey(name)}` : null;
}

/** A task of a month: its person (code, or name and unit) and its Mã nhiệm vụ, else its name. */
export function taskKey(input: Record<string, unknown>): string | null {
  const who = personKey(input);
  const suffix = taskSuffix(input.taskRef, input.taskName);
  return who && suffix ? who + suffix : null;
}

/** A student of the class: Mã HV, else the name (the service keys the same way). */
export function studentKey(input: Record<string, unknown>): string | null {
  const code = textOf(input.code);
  if (code) return tidyText(code);
  const name = textOf(input.name);
  return name ? lowerKey(name) : null;
}

export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}
