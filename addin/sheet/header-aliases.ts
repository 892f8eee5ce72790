import { foldDiacritics } from '../../server/contract/text.ts';
import { fieldAllowed } from './sheet-fields.ts';
import { SHEET_KINDS } from './kinds/index.ts';
import type { ComputedColumn, HeaderRole, InputField, SheetKind } from './types.ts';

/**
 * Column meaning from header text. Headers are compared folded: case, diacritics, spacing, punctuation and
 * Unicode form do not matter ("HỌ VÀ TÊN", "Ho va ten", "Họ  và tên" decomposed are one key "hovaten").
 * Each kind of sheet has its own ordered rules (`kinds/`, built from `kinds/alias-parts.ts`), from the most specific to the most
 * generic, so "Điểm tự chấm" is a self score before "điểm" can make it the assessed score.
 */

const NON_ALNUM = /[^a-z0-9]+/g;
const ETH = /ð/g;

/** Folded words separated by single spaces: "Khoa/phòng" → "khoa phong". */
export function headerWords(text: string): string {
  return foldDiacritics(text).replace(ETH, 'd').replace(NON_ALNUM, ' ').trim();
}

/** The compact folded key: "Khoa/phòng" → "khoaphong". */
export function headerKey(text: string): string {
  return headerWords(text).replace(/ /g, '');
}

const ROW_NUMBER_KEYS = new Set(['stt', 'tt', 'sothutu']);

/** Each kind's computed headers by folded key: they must match a header whole. */
const COMPUTED_BY_KIND = new Map(
  Object.entries(SHEET_KINDS).map(([kind, spec]) => [
    kind as SheetKind,
    new Map<string, ComputedColumn>(spec.computed.map((c) => [headerKey(c.header), c.column])),
  ]),
);

/**
 * The role of a header column from its candidate texts, most complete first (for a two-row header: the
 * group title with the sub-header, then the sub-header alone). Exact headers (computed columns, STT) must
 * match the complete text; the meaning rules try every candidate before the next rule.
 */
export function matchHeader(candidates: readonly string[], kind: SheetKind): HeaderRole | null {
  const keys = candidates.map(headerKey).filter((k) => k !== '');
  const full = keys[0];
  if (full === undefined) return null;
  const computed = COMPUTED_BY_KIND.get(kind)!.get(full);
  if (computed) return { type: 'computed', column: computed };
  if (ROW_NUMBER_KEYS.has(full)) return { type: 'ignore' };
  for (const rule of SHEET_KINDS[kind].aliases) {
    if (!keys.some((k) => rule.test(k))) continue;
    if (rule.field === null) return null;
    if (!fieldAllowed(kind, rule.field)) continue;
    return { type: 'field', field: rule.field };
  }
  return null;
}

/** A manual mapping's target: a field name, a computed column name, or "" / "ignore" to leave the column alone. */
export function parseMappingTarget(target: string, kind: SheetKind): HeaderRole | null | undefined {
  const t = target.trim();
  if (t === '' || t === 'ignore') return null;
  if (SHEET_KINDS[kind].computed.some((c) => c.column === t)) return { type: 'computed', column: t as ComputedColumn };
  if (fieldAllowed(kind, t as InputField)) return { type: 'field', field: t as InputField };
  return undefined;
}
