import { z } from 'zod';

/** A month as `YYYY-MM`. */
export const periodSchema = z
  .string({ error: 'Tháng phải có dạng YYYY-MM' })
  .regex(/^(19|20|21)\d\d-(0[1-9]|1[0-2])$/, 'Tháng phải có dạng YYYY-MM, ví dụ 2021-10')
  .meta({ id: 'Period', example: '2021-10' });

export const yearSchema = z.coerce
  .number({ error: 'Năm phải là số' })
  .int('Năm phải là số nguyên')
  .min(1990, 'Năm không hợp lệ')
  .max(2199, 'Năm không hợp lệ');

export function periodYear(period: string): number {
  return Number(period.slice(0, 4));
}
