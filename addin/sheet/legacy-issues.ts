import { cellAddress } from './cell-address.ts';
import { detectLegacyEncoding, type LegacyEncoding } from './legacy-encoding.ts';
import type { SheetIssue } from './types.ts';

/** A pane cannot show thousands of identical warnings: name the first cells, then count the rest. */
const NAMED_CELLS = 20;

export interface LegacyCollector {
  scan(value: unknown, row: number, col: number): void;
  issues(): SheetIssue[];
}

export function legacyCollector(): LegacyCollector {
  const found: Record<LegacyEncoding, { row: number; col: number }[]> = { TCVN3: [], VNI: [] };
  const counts: Record<LegacyEncoding, number> = { TCVN3: 0, VNI: 0 };
  return {
    scan(value, row, col) {
      if (typeof value !== 'string') return;
      const encoding = detectLegacyEncoding(value);
      if (encoding === null) return;
      counts[encoding]++;
      if (found[encoding].length <= NAMED_CELLS) found[encoding].push({ row, col });
    },
    issues() {
      const issues: SheetIssue[] = [];
      for (const encoding of ['TCVN3', 'VNI'] as const) {
        found[encoding].forEach(({ row, col }, i) => {
          const cell = cellAddress(row, col);
          const rest = counts[encoding] - NAMED_CELLS - 1;
          const more = i === NAMED_CELLS && rest > 0 ? ` (và ${rest} ô khác)` : '';
          issues.push({
            cell,
            row,
            field: null,
            message: `${cell}: Chữ có vẻ gõ bằng bảng mã ${encoding}${more}, hãy chuyển sang Unicode`,
            severity: 'warning',
            refs: [{ row, col }],
          });
        });
      }
      return issues;
    },
  };
}
