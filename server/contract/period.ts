import { z } from 'zod';

/** A month as `YYYY-MM`. */
export const periodSchema = z
  .string({ error: 'Tháng phải có dạng YYYY-MM' })
  .regex(/^(19|20|21)\d\d-(0[1-9]|1[0-2])$/, 'Tháng phải có dạng YYYY-MM, ví dụ 2021-10')
  .meta({ id: 'Period', example: '2021-10' });

/** A year as `YYYY`: the period of a year's pushes, decisions and finalisation. */
export const yearPeriodSchema = z
  .string({ error: 'Năm phải có dạng YYYY' })
  .regex(/^(19|20|21)\d\d$/, 'Năm phải có dạng YYYY, ví dụ 2024')
  .meta({ id: 'YearPeriod', example: '2024' });

/** How messages name a period: "Tháng 2021-10" or "Năm 2024". */
export function periodLabel(period: string): string {
  return /^\d{4}$/.test(period) ? `Năm ${period}` : `Tháng ${period}`;
}

export function periodYear(period: string): number {
  return Number(period.slice(0, 4));
}
