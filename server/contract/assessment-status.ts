import { z } from 'zod';
import { foldDiacritics } from './text.ts';

/** The path of a person's month assessment (research §3.3 TASK-5), in order. */
export const ASSESSMENT_STATUSES = ['tu-cham', 'truong-don-vi', 'hoi-dong', 'da-chot'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const ASSESSMENT_STATUS_LABELS: Record<AssessmentStatus, string> = {
  'tu-cham': 'Tự chấm',
  'truong-don-vi': 'Trưởng đơn vị',
  'hoi-dong': 'Hội đồng',
  'da-chot': 'Đã chốt',
};

const STATUS_WORDS = new Map(ASSESSMENT_STATUSES.map((s) => [foldDiacritics(ASSESSMENT_STATUS_LABELS[s]), s] as const));

/** The cell "Trạng thái đánh giá": the Vietnamese label (any case or diacritics) or the id; blank = none yet. */
export const assessmentStatusField = z.preprocess(
  (value) => {
    if (value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
    if (typeof value !== 'string') return value;
    return STATUS_WORDS.get(foldDiacritics(value)) ?? value;
  },
  z
    .enum(ASSESSMENT_STATUSES, {
      error: `Trạng thái đánh giá phải là một trong: ${ASSESSMENT_STATUSES.map((s) => ASSESSMENT_STATUS_LABELS[s]).join(', ')}`,
    })
    .optional(),
);
