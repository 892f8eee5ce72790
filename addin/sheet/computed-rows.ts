import type { ComputedPerson, ComputedUnit } from '../../server/contract/results.ts';
import type { ClassStudents } from '../../server/contract/students.ts';
import type { ComputedTask, TaskPerson } from '../../server/contract/task-sheet.ts';
import type { PersonYearSheet, StoredInitiative } from '../../server/contract/year-sheets.ts';
import { lowerKey, tidyText } from './cell-text.ts';
import { initiativeSuffix, nameUnitKey, studentKey, taskSuffix, textOf, unitKey } from './row-key.ts';
import type { CellValue, ComputedColumn, SheetKind } from './types.ts';

/**
 * What the service answers for each kind, and how a sheet row finds its answer: by the row's own id (a
 * staff code, a unit's name, Mã HV), else by the key the push answer gave it, else by name (and unit): a
 * name two answers share finds nothing rather than a guess. Then the values of the kind's computed columns.
 */

export type PersonYearView = PersonYearSheet['rows'][number];
export type ComputedStudent = ClassStudents['students'][number];
/** A task row of the service's answer with its person's figures, which every row of that person shows. */
export type TaskRowView = ComputedTask & { person: TaskPerson | null };
export type ComputedRow = ComputedPerson | ComputedUnit | PersonYearView | StoredInitiative | ComputedStudent | TaskRowView;

type Input = Record<string, unknown>;

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

const code = (input: Input) => {
  const c = textOf(input.code);
  return c ? tidyText(c) : null;
};
const reasons = (c: { reasons: readonly string[] }) => c.reasons.join('; ');

const person: ComputedMatch<ComputedPerson> = {
  key: (c) => c.code,
  altKey: (c) => nameUnitKey(c.name, c.unit),
  rowKey: code,
  resultKey: (_input, key) => key,
  rowAltKey: (input) => nameUnitKey(input.name, input.unit),
  values: (c) => ({ classification: c.label, rankInUnit: c.rankInUnit ?? '', rankInOrg: c.rankInOrg ?? '', explanation: reasons(c) }),
  version: (c) => c.version,
};

const unit: ComputedMatch<ComputedUnit> = {
  key: (c) => lowerKey(c.unit),
  altKey: () => null,
  rowKey: unitKey,
  resultKey: () => null,
  rowAltKey: () => null,
  values: (c) => ({ classification: c.label, rankInUnit: '', rankInOrg: c.rankInOrg ?? '', explanation: reasons(c) }),
  version: (c) => c.version,
};

const year: ComputedMatch<PersonYearView> = {
  ...(person as unknown as ComputedMatch<PersonYearView>),
  values: (c) => ({ classification: c.label, explanation: reasons(c) }),
  version: (c) => c.version,
};

const suffixOf = (input: Input) => initiativeSuffix(input.kind, input.title);
const withSuffix = (who: string | null, input: Input) => {
  const suffix = suffixOf(input);
  return who && suffix ? who + suffix : null;
};

const initiative: ComputedMatch<StoredInitiative> = {
  key: (c) => `${c.code}|${c.kind}|${lowerKey(c.title)}`,
  altKey: (c) => {
    const who = nameUnitKey(c.name, c.unit);
    return who && `${who}|${c.kind}|${lowerKey(c.title)}`;
  },
  rowKey: (input) => withSuffix(code(input), input),
  resultKey: (input, key) => withSuffix(key, input),
  rowAltKey: (input) => withSuffix(nameUnitKey(input.name, input.unit), input),
  values: () => ({}),
  version: (c) => c.version,
};

const taskOf = (input: Input) => taskSuffix(input.taskRef, input.taskName);
const withTask = (who: string | null, input: Input) => {
  const suffix = taskOf(input);
  return who && suffix ? who + suffix : null;
};
const pct = (value: number | null) => (value === null ? '–' : String(value).replace('.', ','));

const tasks: ComputedMatch<TaskRowView> = {
  key: (c) => c.code + taskSuffix(c.taskRef, c.taskName),
  altKey: (c) => {
    const who = nameUnitKey(c.name, c.unit);
    return who && who + taskSuffix(c.taskRef, c.taskName);
  },
  rowKey: (input) => withTask(code(input), input),
  resultKey: (input, key) => withTask(key, input),
  rowAltKey: (input) => withTask(nameUnitKey(input.name, input.unit), input),
  values: (c) => {
    const p = c.person;
    const explanation = [...(c.warning ? [c.warning] : []), ...(p ? p.reasons : [])].join('; ');
    return {
      taskPoints: `${pct(c.done)}/${pct(c.assigned)}`,
      taskDeductions: c.deductions ?? '',
      taskAxes: p && p.quantityPct !== null ? `${pct(p.quantityPct)} / ${pct(p.qualityPct)} / ${pct(p.progressPct)}` : '',
      taskResults: p?.results ?? '',
      classification: p?.label ?? '',
      explanation,
    };
  },
  version: (c) => c.version,
};

export const COMMENDED = 'Có';
export const NOT_COMMENDED = 'Không';
export const TIE_AT_LIMIT = 'Đồng điểm — Hội đồng quyết định';

// A student without Mã HV is keyed by the name, on the sheet as in the service: that key is the row's own.
const student: ComputedMatch<ComputedStudent> = {
  key: (c) => c.key,
  altKey: () => null,
  rowKey: studentKey,
  resultKey: (_input, key) => key,
  rowAltKey: () => null,
  values: (c) => ({
    band: c.band ?? '',
    commended: c.commended ? COMMENDED : c.tieAtLimit ? TIE_AT_LIMIT : NOT_COMMENDED,
    explanation: reasons(c),
  }),
  version: (c) => c.version,
};

export const COMPUTED_MATCH: Readonly<Record<SheetKind, ComputedMatch<never>>> = {
  person,
  unit,
  year,
  initiative,
  student,
  tasks,
} as unknown as Readonly<Record<SheetKind, ComputedMatch<never>>>;

/** Each answer by the keys a sheet row may know it by; the second key is built on first use. */
export class ComputedIndex {
  /**
   * V8 keeps the layout of an index only while some index lives: after a full GC between two syncs the
   * layout is new, and the optimised code of every caller is dropped and recompiled during the next sync
   * (seen in the sheet-engine bench, a few ms per sync). This empty one lives as long as the module.
   */
  private static readonly layoutKeeper = new ComputedIndex('person', []);

  private readonly byKey = new Map<string, ComputedRow>();
  private byAlt: Map<string, ComputedRow | null> | null = null;
  private readonly match: ComputedMatch<ComputedRow>;

  constructor(
    kind: SheetKind,
    private readonly computed: readonly ComputedRow[],
  ) {
    this.match = COMPUTED_MATCH[kind] as ComputedMatch<ComputedRow>;
    for (let i = 0; i < computed.length; i++) this.byKey.set(this.match.key(computed[i]!), computed[i]!);
  }

  find(input: Input, resultKey: string | null | undefined): ComputedRow | undefined {
    const own = this.match.rowKey(input);
    if (own !== null) return this.byKey.get(own);
    if (resultKey) {
      const k = this.match.resultKey(input, resultKey);
      const found = k === null ? undefined : this.byKey.get(k);
      if (found) return found;
    }
    const alt = this.match.rowAltKey(input);
    return alt === null ? undefined : (this.alt().get(alt) ?? undefined);
  }

  values(c: ComputedRow): Partial<Record<ComputedColumn, CellValue>> {
    return this.match.values(c);
  }

  version(c: ComputedRow): number | null {
    return this.match.version(c);
  }

  private alt(): Map<string, ComputedRow | null> {
    if (this.byAlt === null) {
      const map = new Map<string, ComputedRow | null>();
      for (const c of this.computed) {
        const k = this.match.altKey(c);
        if (k !== null) map.set(k, map.has(k) ? null : c);
      }
      this.byAlt = map;
    }
    return this.byAlt;
  }
}
