import { tidyText } from '../cell-text.ts';
import type { InputField } from '../types.ts';
import { textOf } from './keys.ts';
import type { ComputedSpec, Requirement } from './spec.ts';

/** Columns, rules and messages several kinds of sheet share. */

export const PEOPLE_COMPUTED: readonly ComputedSpec[] = [
  { column: 'classification', header: 'Xếp loại' },
  { column: 'rankInUnit', header: 'Hạng trong đơn vị' },
  { column: 'rankInOrg', header: 'Hạng toàn trường' },
  { column: 'explanation', header: 'Giải thích' },
  { column: 'syncStatus', header: 'Trạng thái đồng bộ' },
];
export const SYNC_STATUS: ComputedSpec = { column: 'syncStatus', header: 'Trạng thái đồng bộ' };
export const EXPLANATION: ComputedSpec = { column: 'explanation', header: 'Giải thích' };

export const RATING_FIELDS = ['selfScore', 'general', 'results', 'score', 'allTasksDone', 'exceededPct', 'latePct', 'discipline', 'note'] as const;
export const IDENTITY_FIELDS = ['code', 'name', 'title', 'unit', 'dutyGroup', 'sex', 'recruitedOn'] as const;
export const SCORE: Requirement = { field: 'score', or: ['general', 'results'] };

export const PEOPLE_ROWS = { any: [['name', 'unit'], ['name', 'code']] } as const;

export function personDuplicate(input: Record<string, unknown>, others: string): { field: InputField; message: string } {
  const code = textOf(input.code);
  return code
    ? { field: 'code', message: `Mã CB "${code}" bị trùng với dòng ${others}` }
    : { field: 'name', message: `Trùng họ tên và đơn vị với dòng ${others}, cần thêm cột Mã CB để phân biệt` };
}

/** The row's staff code as typed by any keyboard, or null. */
export function codeOf(input: Record<string, unknown>): string | null {
  const c = textOf(input.code);
  return c ? tidyText(c) : null;
}

export const reasonsText = (c: { reasons: readonly string[] }) => c.reasons.join('; ');
