import { z } from 'zod';
import { disciplineField, percentField, scoreField, textField, yesNoField } from './fields.ts';

/** Labels used in messages and by the sheet engine when it names a column. */
export const RATING_FIELD_LABELS = {
  score: 'Điểm đánh giá',
  selfScore: 'Điểm tự chấm',
  general: 'Điểm tiêu chí chung',
  results: 'Điểm kết quả thực hiện nhiệm vụ',
  allTasksDone: 'Hoàn thành 100% nhiệm vụ',
  exceededPct: 'Tỷ lệ nhiệm vụ vượt mức',
  latePct: 'Tỷ lệ nhiệm vụ chậm tiến độ',
  discipline: 'Kỷ luật',
  note: 'Ghi chú',
} as const;

const L = RATING_FIELD_LABELS;

/** The rating inputs of one month, common to people and units (RULES.md §1). */
export const ratingFields = {
  score: scoreField(L.score),
  selfScore: scoreField(L.selfScore),
  // Bounded by 100 here: the parts' maxima are the rule set's (resultsMax: 70 under NĐ 335, 80 in Hải Phòng),
  // which the service checks (rules/tasks/part-maxima.ts); a sheet's quick check never refuses what it accepts.
  general: scoreField(L.general),
  results: scoreField(L.results),
  allTasksDone: yesNoField(L.allTasksDone),
  exceededPct: percentField(L.exceededPct),
  latePct: percentField(L.latePct),
  discipline: disciplineField,
  note: textField(L.note, 2000),
};

type RatingShape = {
  score?: number | undefined;
  general?: number | undefined;
  results?: number | undefined;
};

/**
 * RULES.md §1 validation: both parts and a blank score → the score is their sum; all three given → they
 * must agree within 0.05.
 */
/** Whether `reconcileParts` may change or refuse a row: both parts of the score are given. */
export const hasBothParts = (row: Record<string, unknown>) => row.general !== undefined && row.results !== undefined;

export function reconcileParts<T extends RatingShape>(row: T, ctx: z.RefinementCtx): T {
  const { score, general, results } = row;
  if (general === undefined || results === undefined) return row;
  const sum = Math.round((general + results) * 10) / 10;
  if (score === undefined) return { ...row, score: sum };
  if (Math.abs(score - sum) > 0.05 + 1e-9) {
    const message = `${L.score} (${score}) phải bằng ${L.general} + ${L.results} (${general} + ${results} = ${sum})`;
    for (const field of ['score', 'general', 'results'] as const) {
      ctx.addIssue({ code: 'custom', path: [field], message });
    }
    return z.NEVER;
  }
  return row;
}
