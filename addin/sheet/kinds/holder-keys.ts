import type { Holder } from '../../../server/contract/dossier-titles.ts';
import { lowerKey } from '../cell-text.ts';
import { nameUnitKey, textOf } from './keys.ts';
import { codeOf } from './shared.ts';
import type { ComputedMatch } from './spec.ts';

/**
 * Keys of the year's dossier sheets, whose rows are about a person (by staff code, else name and unit) or a
 * collective (by unit), as the service keys them: "p:CB001", "u:khoa lý luận cơ sở", then what else the
 * kind keys a row by (a title, a year). A push answers the staff code or the unit's name.
 */

type Input = Record<string, unknown>;

/** What a stored row of these sheets says about its holder. */
export interface HolderView {
  holder: Holder;
  code: string | null;
  name: string | null;
  unit: string | null;
}

const unitKey = (unit: unknown) => {
  const u = textOf(unit);
  return u.trim() ? `u:${lowerKey(u)}` : null;
};

/** The row's own key: a person's staff code, or a collective's unit. A person known by name has none. */
function ownKey(holder: Holder, input: Input): string | null {
  if (holder === 'unit') return unitKey(input.unit);
  const code = codeOf(input);
  return code ? `p:${code}` : null;
}

const join = (who: string | null, suffix: string | null) => (who !== null && suffix !== null ? who + suffix : null);

/** The kind's key of a sheet row: its own key, else a person's name and unit. */
export function holderRowKey(holderOf: (input: Input) => Holder, suffix: (input: Input) => string | null) {
  return (input: Input): string | null => {
    const holder = holderOf(input);
    const who = ownKey(holder, input) ?? (holder === 'person' ? join('n:', nameUnitKey(input.name, input.unit)) : null);
    return join(who, suffix(input));
  };
}

/** How a row of a holder sheet finds its answer: by code or unit, by the key the push answered, by name and unit. */
export function holderMatch<C extends HolderView>(
  holderOf: (input: Input) => Holder,
  suffix: (input: Input) => string | null,
  storedSuffix: (c: C) => string,
  rest: Pick<ComputedMatch<C>, 'values' | 'version'>,
): ComputedMatch<C> {
  return {
    key: (c) => (c.holder === 'unit' ? `u:${lowerKey(c.unit ?? '')}` : `p:${c.code ?? ''}`) + storedSuffix(c),
    altKey: (c) => (c.holder === 'person' ? join(join('n:', nameUnitKey(c.name, c.unit)), storedSuffix(c)) : null),
    rowKey: (input) => join(ownKey(holderOf(input), input), suffix(input)),
    resultKey: (input, key) => join(holderOf(input) === 'unit' ? unitKey(key) : `p:${key}`, suffix(input)),
    rowAltKey: (input) => (holderOf(input) === 'person' ? join(join('n:', nameUnitKey(input.name, input.unit)), suffix(input)) : null),
    ...rest,
  };
}

/** A cell as a field of the contract reads it, or undefined when it does not pass. */
export function parsedOr<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }, value: unknown): T | undefined {
  const r = schema.safeParse(value);
  return r.success ? r.data : undefined;
}

/** Where a holder's row is duplicated: «Mã CB "CB001"» or «Tập thể "Khoa…"» or «Họ tên và đơn vị». */
export function holderWords(holder: Holder, input: Input): { field: 'code' | 'unit' | 'name'; words: string } {
  if (holder === 'unit') return { field: 'unit', words: `Tập thể "${textOf(input.unit)}"` };
  const code = codeOf(input);
  return code ? { field: 'code', words: `Mã CB "${code}"` } : { field: 'name', words: `Họ tên và đơn vị "${textOf(input.name)}, ${textOf(input.unit)}"` };
}
