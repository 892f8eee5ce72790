import type { WritePlan } from '../../sheet/types.ts';
import { columnLetters } from '../a1.ts';
import { OPERATION_BYTES } from '../payload.ts';
import type { Batch } from './batch.ts';
import { applyLookTo, loadLook, lookWidth, type LoadedLook } from './look.ts';

/** Light salmon, the fill Excel users know from "bad" cells; cleared with the cell's whole fill. */
export const HIGHLIGHT_FILL = '#FCE4D6';

/**
 * A sync's write plan, queued with the action's other writes: the computed values, the highlights, and the
 * look of appended columns (read from the header beside them before anything is written).
 */
export async function applyPlan(b: Batch, name: string, plan: WritePlan): Promise<void> {
  const { features } = b;
  const sheet = b.worksheets.getItem(name);
  const looks = plan.looks ?? [];
  let loaded: LoadedLook[] = [];
  if (looks.length > 0) {
    // The header's look is read before anything is written: one round trip for all of it.
    await b.flush();
    loaded = looks.map((look) => loadLook(b.rangeOf(sheet, { ...look.from, rows: 1, cols: 1 }), look, features));
    await b.sync(name);
  }
  const operations = [
    ...plan.blocks.flatMap((block) => b.writeOperations(sheet, block)),
    // Formats after values; clearing before highlighting, so a cell in both lists ends highlighted.
    ...b.rangeOperations(sheet, plan.clearHighlight, (range) => range.format.fill.clear()),
    ...b.rangeOperations(sheet, plan.highlight, (range) => {
      range.format.fill.color = HIGHLIGHT_FILL;
    }),
    ...loaded.map((l) => ({ bytes: OPERATION_BYTES * 4, queue: () => applyLookTo(b.rangeOf(sheet, l.look.to), l) })),
    ...(features.api12
      ? loaded.flatMap((l) => l.look.minWidths.map((_, k) => ({
        bytes: OPERATION_BYTES,
        queue: () => {
          const letters = columnLetters(l.look.to.col + k);
          const points = lookWidth(l, k, features);
          if (points !== null) sheet.getRange(`${letters}:${letters}`).format.columnWidth = points;
        },
      })))
      : []),
  ];
  b.queue(...operations);
}
