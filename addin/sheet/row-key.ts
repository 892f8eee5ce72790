import { lowerKey, tidyText } from './cell-text.ts';
import type { SheetKind } from './types.ts';

/**
 * What identifies a row across syncs, whatever its position: the staff code; without one, the name and unit
 * compared as typed by any keyboard (NFC, spaces collapsed, lower case). A staff code cannot contain "|"
 * (STAFF_CODE_PATTERN), so the two kinds of key never collide. Units are keyed by their name.
 */
export function rowKey(kind: SheetKind, input: Record<string, unknown>): string | null {
  if (kind === 'unit') {
    const unit = textOf(input.unit);
    return unit ? lowerKey(unit) : null;
  }
  const code = textOf(input.code);
  if (code) return tidyText(code);
  return nameUnitKey(input.name, input.unit);
}

export function nameUnitKey(name: unknown, unit: unknown): string | null {
  const n = textOf(name);
  const u = textOf(unit);
  return n && u ? `${lowerKey(n)}|${lowerKey(u)}` : null;
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}
