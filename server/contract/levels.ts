import { z } from 'zod';

/** Levels of RULES.md, ordered from best to worst. */
export const LEVELS = ['HTXS', 'HTT', 'HT', 'KHT', 'NONE'] as const;
export const levelSchema = z.enum(LEVELS).meta({ id: 'Level' });
export type Level = z.infer<typeof levelSchema>;

export const LEVEL_LABELS: Record<Level, string> = {
  HTXS: 'Hoàn thành xuất sắc nhiệm vụ',
  HTT: 'Hoàn thành tốt nhiệm vụ',
  HT: 'Hoàn thành nhiệm vụ',
  KHT: 'Không hoàn thành nhiệm vụ',
  NONE: 'Không xếp loại',
};

/** Disciplinary measures (hình thức kỷ luật), mildest first. */
export const DISCIPLINES = [
  'khiển trách',
  'cảnh cáo',
  'hạ bậc lương',
  'giáng chức',
  'cách chức',
  'buộc thôi việc',
] as const;
export type Discipline = (typeof DISCIPLINES)[number];
