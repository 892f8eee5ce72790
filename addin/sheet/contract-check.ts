import type { z } from 'zod';
import type { PersonRow } from '../../server/contract/person-row.ts';
import { checkRow, type RowCheck } from '../../server/contract/row-validation.ts';
import type { StudentRow } from '../../server/contract/students.ts';
import type { UnitRow } from '../../server/contract/unit-row.ts';
import type { InitiativeRow } from '../../server/contract/year-initiative-row.ts';
import type { PersonYearRow } from '../../server/contract/year-person-row.ts';
import { SHEET_KINDS } from './sheet-kinds.ts';
import type { SheetKind } from './types.ts';

type KindRow = PersonRow | UnitRow | PersonYearRow | InitiativeRow | StudentRow;
type KeysOf<T> = T extends unknown ? keyof T : never;
type ValueAt<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

/** A row as the contract of its kind parsed it: any field of any kind's row, each with the types it may have. */
export type ContractRow = { readonly [K in KeysOf<KindRow>]?: ValueAt<KindRow, K> };

/**
 * `checkRow` with the contract's schemas, made cheap for big sheets. Each field's schema is a pure
 * function of its cell, and a sheet repeats most cells (units, groups, scores): a field's verdict is kept
 * per value, and a row whose fields all pass is assembled from them as the object schema would. Anything
 * else — a failing field, or both score parts given (the cross-field check) — goes through `checkRow`
 * itself, so messages and values are the contract's own; so does a row a cross-field rule of its kind may
 * apply to (`crossField` in `sheet-kinds.ts`). Measured: 20,000 rows in a third of the time.
 * A property test (test/addin/sheet/validate-table.test.ts) holds this equal to `checkRow` on random rows,
 * so a cross-field rule added to the contract later shows up there.
 */

type Verdict = { ok: true; value: unknown } | { ok: false };

interface FieldCheck {
  key: string;
  schema: z.ZodType;
  verdicts: Map<unknown, Verdict>;
  /** The verdict for an absent key: the object schema skips optional keys that are not there. */
  absentOk: boolean;
}

/** Values kept per field: a sheet checked again (Kiểm tra, then Đồng bộ) finds its names; a few MB at most. */
const MAX_VERDICTS = 25_000;

/** The object's fields, under a transform (people, units) or not. */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  const s = schema as unknown as { shape?: Record<string, z.ZodType>; in?: { shape?: Record<string, z.ZodType> } };
  const shape = s.shape ?? s.in?.shape;
  if (!shape) throw new TypeError('a sheet kind needs an object schema');
  return shape;
}

function fieldChecks(schema: z.ZodType): FieldCheck[] {
  const shape = shapeOf(schema);
  return Object.entries(shape).map(([key, field]) => ({
    key,
    schema: field,
    verdicts: new Map(),
    absentOk: field.safeParse(undefined).success,
  }));
}

const CHECKS = Object.fromEntries(
  Object.entries(SHEET_KINDS).map(([kind, spec]) => [kind, fieldChecks(spec.schema)]),
) as Record<SheetKind, FieldCheck[]>;

function verdictOf(check: FieldCheck, value: unknown): Verdict {
  const cacheable = value === null || typeof value !== 'object';
  const cached = cacheable ? check.verdicts.get(value) : undefined;
  if (cached) return cached;
  const parsed = check.schema.safeParse(value);
  const verdict: Verdict = parsed.success ? { ok: true, value: parsed.data } : { ok: false };
  if (cacheable && check.verdicts.size < MAX_VERDICTS) check.verdicts.set(value, verdict);
  return verdict;
}

// The sheet row number is unique per row, so its verdict is never reused: it is checked once here, and a
// finite number (what the reader puts there) is then taken as the contract takes it.
const REF_TAKES_NUMBERS = Object.values(SHEET_KINDS).every(
  (spec) => shapeOf(spec.schema).ref?.safeParse(12_345).data === 12_345,
);

function slowCheck(kind: SheetKind, input: Record<string, unknown>): RowCheck<ContractRow> {
  return checkRow(SHEET_KINDS[kind].schema, input) as RowCheck<ContractRow>;
}

export function checkSheetRow(kind: SheetKind, input: Record<string, unknown>): RowCheck<ContractRow> {
  const checks = CHECKS[kind];
  const out: Record<string, unknown> = {};
  for (let i = 0; i < checks.length; i++) {
    const check = checks[i]!;
    const key = check.key;
    if (!(key in input)) {
      if (!check.absentOk) return slowCheck(kind, input);
      continue;
    }
    const value = input[key];
    if (key === 'ref' && REF_TAKES_NUMBERS && typeof value === 'number' && Number.isFinite(value)) {
      out[key] = value;
      continue;
    }
    const verdict = verdictOf(check, value);
    if (!verdict.ok) return slowCheck(kind, input);
    out[key] = verdict.value;
  }
  if (SHEET_KINDS[kind].crossField(out)) return slowCheck(kind, input);
  return { ok: true, value: out as ContractRow };
}

/** One cell as the contract reads its field ("85,5" → 85.5, "x" → true), or the cell itself if it does not pass. */
export function parsedField(kind: SheetKind, key: string, value: unknown): unknown {
  const check = CHECKS[kind].find((c) => c.key === key);
  if (!check) return value;
  const verdict = verdictOf(check, value);
  return verdict.ok ? verdict.value : value;
}
