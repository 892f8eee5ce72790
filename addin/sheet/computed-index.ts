import { kindSpec, type ComputedMatch, type ComputedRow } from './kinds/index.ts';
import type { CellValue, ComputedColumn, SheetKind } from './types.ts';

type Input = Record<string, unknown>;

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
    this.match = kindSpec(kind).match as ComputedMatch<ComputedRow>;
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
