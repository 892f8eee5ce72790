import type { DecisionRow } from '../../server/contract/decision-row.ts';
import type { PersonRow } from '../../server/contract/person-row.ts';
import type { PledgeRow } from '../../server/contract/pledge-row.ts';
import type { RegistrationRow } from '../../server/contract/registration-row.ts';
import { rowChecker, type RowChecker } from '../../server/contract/row-checker.ts';
import type { RowCheck } from '../../server/contract/row-validation.ts';
import type { StudentRow } from '../../server/contract/students.ts';
import type { UnitRow } from '../../server/contract/unit-row.ts';
import type { VoteRow } from '../../server/contract/vote-row.ts';
import type { InitiativeRow } from '../../server/contract/year-initiative-row.ts';
import type { PersonYearRow } from '../../server/contract/year-person-row.ts';
import { SHEET_KINDS } from './kinds/index.ts';
import type { SheetKind } from './types.ts';

export { shapeOf } from '../../server/contract/row-checker.ts';

type KindRow = PersonRow | UnitRow | PersonYearRow | InitiativeRow | StudentRow | RegistrationRow | PledgeRow | VoteRow | DecisionRow;
type KeysOf<T> = T extends unknown ? keyof T : never;
type ValueAt<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

/** A row as the contract of its kind parsed it: any field of any kind's row, each with the types it may have. */
export type ContractRow = { readonly [K in KeysOf<KindRow>]?: ValueAt<KindRow, K> };

/**
 * The contract's row checks for the sheet engine (server/contract/row-checker.ts): one checker per sheet kind
 * for the life of the pane, so a sheet checked again (Kiểm tra, then Đồng bộ) finds its values' verdicts.
 */
const CHECKERS = Object.fromEntries(
  Object.entries(SHEET_KINDS).map(([kind, spec]) => [kind, rowChecker(spec.schema, spec.crossField)]),
) as Record<SheetKind, RowChecker<unknown>>;

export function checkSheetRow(kind: SheetKind, input: Record<string, unknown>): RowCheck<ContractRow> {
  return CHECKERS[kind].check(input) as RowCheck<ContractRow>;
}

/** One cell as the contract reads its field ("85,5" → 85.5, "x" → true), or the cell itself if it does not pass. */
export function parsedField(kind: SheetKind, key: string, value: unknown): unknown {
  return CHECKERS[kind].field(key, value);
}
