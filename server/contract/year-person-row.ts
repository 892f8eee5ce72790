import { z } from 'zod';
import { baseVersionField, disciplineField, percentField, refField, textField, yesNoField } from './fields.ts';
import { PERSON_IDENTITY_LABELS, personIdentityFields } from './person-identity.ts';
import { RATING_FIELD_LABELS } from './rating-fields.ts';
import { parseVnNumber } from './text.ts';
import { PRIOR_TITLES_EXAMPLE, parsePriorTitles } from './year-prior-titles.ts';

export const PERSON_YEAR_FIELD_LABELS = {
  ...PERSON_IDENTITY_LABELS,
  allTasksDone: RATING_FIELD_LABELS.allTasksDone,
  exceededPct: RATING_FIELD_LABELS.exceededPct,
  latePct: RATING_FIELD_LABELS.latePct,
  discipline: 'Kỷ luật trong năm',
  pendingDisciplineCase: 'Đang xem xét kỷ luật',
  voteAgree: 'Số phiếu đồng ý (CSTĐCS)',
  voteTotal: 'Số thành viên Hội đồng',
  priorTitles: 'Danh hiệu các năm trước',
  note: 'Ghi chú',
} as const;

const L = PERSON_YEAR_FIELD_LABELS;

function countField(label: string) {
  return z.preprocess(
    (value) => {
      if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
      return parseVnNumber(value) ?? value;
    },
    z
      .number({ error: `${label} phải là số nguyên` })
      .int(`${label} phải là số nguyên`)
      .min(0, `${label} không được âm`)
      .max(10_000, `${label} quá lớn`)
      .optional(),
  );
}

const priorTitlesField = textField(L.priorTitles, 500).superRefine((text, ctx) => {
  if (text === undefined) return;
  const parsed = parsePriorTitles(text);
  if (!parsed.ok) {
    ctx.addIssue({
      code: 'custom',
      message: `${L.priorTitles}: không hiểu «${parsed.part}» (ghi như "${PRIOR_TITLES_EXAMPLE}")`,
    });
  }
});

/**
 * One person's yearly sheet row (RULES.md §5–6): who (as on the monthly sheet; the row creates or updates
 * the person), the year's gates and discipline, a pending discipline case, the council's CSTĐCS vote and
 * titles of earlier years the service has no data for.
 */
export const personYearRowSchema = z
  .object({
    ref: refField.describe('Where the row came from (e.g. the sheet row number); echoed back in the result'),
    ...personIdentityFields,
    allTasksDone: yesNoField(L.allTasksDone),
    exceededPct: percentField(L.exceededPct),
    latePct: percentField(L.latePct),
    discipline: disciplineField,
    pendingDisciplineCase: yesNoField(L.pendingDisciplineCase),
    voteAgree: countField(L.voteAgree),
    voteTotal: countField(L.voteTotal),
    priorTitles: priorTitlesField,
    note: textField(L.note, 2000),
    baseVersion: baseVersionField.describe('The version of the stored yearly row this row was last synced with'),
  })
  .superRefine((row, ctx) => {
    const { voteAgree: agree, voteTotal: total } = row;
    if ((agree === undefined) !== (total === undefined)) {
      const missing = agree === undefined ? 'voteAgree' : 'voteTotal';
      ctx.addIssue({ code: 'custom', path: [missing], message: `Cần ghi cả ${L.voteAgree} và ${L.voteTotal}` });
    } else if (agree !== undefined && total !== undefined) {
      if (total < 1) ctx.addIssue({ code: 'custom', path: ['voteTotal'], message: `${L.voteTotal} phải từ 1 trở lên` });
      else if (agree > total) {
        ctx.addIssue({ code: 'custom', path: ['voteAgree'], message: `${L.voteAgree} (${agree}) lớn hơn ${L.voteTotal} (${total})` });
      }
    }
  })
  .meta({ id: 'PersonYearRow' });

export type PersonYearRowInput = z.input<typeof personYearRowSchema>;
export type PersonYearRow = z.output<typeof personYearRowSchema>;

/** The rows a rule across fields of `personYearRowSchema` may apply to: a vote given (see row-checker.ts). */
export const personYearRowCrossField = (row: Record<string, unknown>) => row.voteAgree !== undefined || row.voteTotal !== undefined;
