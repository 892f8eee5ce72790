import type { CellRef, SheetKind, SyncState } from '../sheet/types.ts';

/**
 * What the workbook remembers about one sheet between syncs (in its hidden state sheet, never a secret):
 * the engine's sync state, the cells it highlighted, and the last push whose answer may have been lost.
 */
export interface SheetMemory extends SyncState {
  highlight: CellRef[];
  /** Sent but unanswered: a retry of the same rows reuses the key, so the service stores them once. */
  lastPush: { key: string; hash: string } | null;
  /** Per row key, fingerprints of the computed values last written (`typed-cells.ts`): what the add-in owns. */
  written: Record<string, string>;
  /** Per row key, the service's version and what differed when a push met a conflict (`conflicts.ts`). */
  conflicts: Record<string, RowConflict>;
}

export interface RowConflict {
  /** The stored version the user has seen (after Làm mới), or the one the conflict named. */
  version: number;
  /** "Điểm đánh giá đã lưu 91, bạn nhập 88". */
  differences: string;
  /** Làm mới took the stored version: the row's values go over it with the next sync. */
  taken: boolean;
}

export const memoryKey = (sheet: string) => `sheet:${sheet}`;

export function readMemory(stored: unknown, kind: SheetKind): SheetMemory {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<SheetMemory>;
  const sameKind = s.kind === kind;
  return {
    period: typeof s.period === 'string' ? s.period : null,
    kind,
    mapping: typeof s.mapping === 'object' && s.mapping !== null ? s.mapping : {},
    rows: sameKind && typeof s.rows === 'object' && s.rows !== null ? s.rows : {},
    pending: sameKind && Array.isArray(s.pending) ? s.pending : [],
    highlight: Array.isArray(s.highlight) ? s.highlight : [],
    lastPush: s.lastPush && typeof s.lastPush.key === 'string' ? s.lastPush : null,
    written: typeof s.written === 'object' && s.written !== null ? s.written : {},
    conflicts: sameKind && typeof s.conflicts === 'object' && s.conflicts !== null ? s.conflicts : {},
  };
}
