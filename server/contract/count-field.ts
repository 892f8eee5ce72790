import { z } from 'zod';
import { parseVnNumber } from './text.ts';

/** An optional whole number typed in a cell ("12", 12), between `min` and `max`. */
export function countField(label: string, min = 0, max = 10_000) {
  return z.preprocess(
    (value) => {
      if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return undefined;
      return parseVnNumber(value) ?? value;
    },
    z
      .number({ error: `${label} phải là số nguyên` })
      .int(`${label} phải là số nguyên`)
      .min(min, min === 0 ? `${label} không được âm` : `${label} phải từ ${min} trở lên`)
      .max(max, `${label} quá lớn`)
      .optional(),
  );
}
