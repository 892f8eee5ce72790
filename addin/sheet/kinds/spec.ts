import type { z } from 'zod';
import type { RowResult } from '../../../server/contract/push.ts';
import type { QuotaFacts } from '../../../server/contract/results.ts';
import type { CellValue, ComputedColumn, InputField } from '../types.ts';
import type { AliasRule } from './alias-parts.ts';

/**
 * A kind of sheet as one piece of data: the contract row it becomes (validation and messages are the
 * service's own), the columns it reads and their aliases, the columns it must have, what keys a row, the
 * computed columns it gets back and how a row finds its answer, what its period is, and where the service
 * keeps it. The engine, the client and the actions read specs; none of them knows a kind by name.
 */

/** A column the sheet must have: the field's, or (`or`) all of these instead. */
export interface Requirement {
  field: InputField;
  or?: readonly InputField[];
}

export interface ComputedSpec {
  column: ComputedColumn;
  /** Written exactly so; recognised after folding case and diacritics. */
  header: string;
}

/** What the period of a sheet is: a month (`YYYY-MM`), a year (`YYYY`) or a class (its name). */
export type PeriodKind = 'month' | 'year' | 'class';

type Input = Record<string, unknown>;

/**
 * How a sheet row finds the service's answer for it: by the row's own id (a staff code, a unit's name,
 * Mã HV), else by the key the push answer gave it, else by name (and unit): a name two answers share finds
 * nothing rather than a guess. Then the values of the kind's computed columns.
 */
export interface ComputedMatch<C> {
  key(c: C): string;
  altKey(c: C): string | null;
  /** The sheet row's own id: when it has one, nothing else is looked up. */
  rowKey(input: Input): string | null;
  /** The key the push answered for a row sent without an id. */
  resultKey(input: Input, key: string): string | null;
  rowAltKey(input: Input): string | null;
  values(c: C): Partial<Record<ComputedColumn, CellValue>>;
  version(c: C): number | null;
}

/** A period's computed rows, as every kind's answer gives them. */
export interface PeriodAnswer<Row = unknown> {
  rows: readonly Row[];
  /** The quota groups of a month (people, units): why a level is what it is. */
  quotas?: readonly QuotaFacts[];
}

/** A push's row results, all a minimal answer (`Prefer: return=minimal`) carries. */
export interface PushReceipt {
  results: RowResult[];
  counts: { accepted: number; unchanged: number; rejected: number; conflict: number };
}

/**
 * Where the service keeps a kind: the path of the period's rows (GET: the period, POST: a push), and the
 * answer's rows as the sheet matches them. The type parameters are the answers of a pull, a push and a
 * minimal push, for the client's types only.
 */
export interface KindEndpoint<Row, Pulled, Pushed, Minimal> {
  path(period: string): string;
  answer(body: Pulled | Pushed): PeriodAnswer<Row>;
  /** Never set: carries the answers' types to the client. */
  readonly answers?: { pulled: Pulled; pushed: Pushed; minimal: Minimal };
}

export interface KindSpec<Row = unknown, Pulled = unknown, Pushed = unknown, Minimal = unknown> {
  /** The kind as the pane's Loại bảng lists it, in each of its languages. */
  title: { vi: string; en: string };
  schema: z.ZodType;
  labels: Readonly<Record<string, string>>;
  /** Contract fields read from columns, in the order of the familiar sheet. */
  fields: readonly InputField[];
  required: readonly Requirement[];
  aliases: readonly AliasRule[];
  computed: readonly ComputedSpec[];
  period: PeriodKind;
  /** A row is data when one group of fields is all present; `notFooter`'s cell must not read as a footer. */
  dataRow: { any: readonly (readonly InputField[])[]; notFooter?: InputField; otherInput?: boolean };
  key(input: Input): string | null;
  /** The field and message naming a row whose key another row has (`others`: their Excel rows). */
  duplicate(input: Input, others: string): { field: InputField; message: string };
  /** A cross-field rule of the contract may apply to this parsed row: check it whole (the contract's predicate). */
  crossField(row: Input): boolean;
  /** Rows without a staff code get one from the roster, by name within the unit. */
  rosterCodes: boolean;
  match: ComputedMatch<Row>;
  endpoint: KindEndpoint<Row, Pulled, Pushed, Minimal>;
}

/** The service's path of a period's rows: `/api/v1/months/2021-10/people`. */
export function apiPath(scope: 'months' | 'years' | 'classes', what: string): (period: string) => string {
  return (period) => `/api/v1/${scope}/${encodeURIComponent(period)}/${what}`;
}

/** The answer of a kind whose body holds its rows (and a month's quotas) as they are. */
export function rowsAsAnswered<Row>(body: { rows: readonly Row[]; quotas?: readonly QuotaFacts[] }): PeriodAnswer<Row> {
  return body.quotas === undefined ? { rows: body.rows } : { rows: body.rows, quotas: body.quotas };
}
