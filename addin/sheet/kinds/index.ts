import type { SheetKind } from '../types.ts';
import { contribution } from './contribution.ts';
import { decision } from './decision.ts';
import { initiative } from './initiative.ts';
import { movement } from './movement.ts';
import { person } from './person.ts';
import { pledge } from './pledge.ts';
import { registration } from './registration.ts';
import type { KindSpec } from './spec.ts';
import { student } from './student.ts';
import { tasks } from './tasks.ts';
import { unit } from './unit.ts';
import { vote } from './vote.ts';
import { year } from './year.ts';

/** Every kind of sheet, each one spec file (`spec.ts` says what a spec holds). A new kind is a file and a line here. */
export const SHEET_KINDS = {
  person,
  unit,
  year,
  initiative,
  student,
  tasks,
  movement,
  contribution,
  registration,
  pledge,
  vote,
  decision,
} as const satisfies Record<SheetKind, KindSpec>;

type Specs = typeof SHEET_KINDS;

/** The computed row a kind's answer carries. */
export type ComputedRowOf<K extends SheetKind> = Specs[K] extends KindSpec<infer Row> ? Row : never;
export type ComputedRow = ComputedRowOf<SheetKind>;

/** The service's answers for a kind: a pull, a push, and a push answered minimally. */
export type AnswersOf<K extends SheetKind> = NonNullable<Specs[K]['endpoint']['answers']>;

export const SHEET_KIND_IDS = Object.keys(SHEET_KINDS) as SheetKind[];

export function isSheetKind(value: string): value is SheetKind {
  return Object.hasOwn(SHEET_KINDS, value);
}

/** A kind's spec, as the engine reads it whatever the kind. */
export function kindSpec(kind: SheetKind): KindSpec {
  return SHEET_KINDS[kind] as KindSpec;
}

/** The row's key on a sheet of this kind. */
export function rowKey(kind: SheetKind, input: Record<string, unknown>): string | null {
  return SHEET_KINDS[kind].key(input);
}

export type { ComputedMatch, ComputedSpec, KindSpec, PeriodAnswer, PeriodKind, PushReceipt, Requirement } from './spec.ts';
