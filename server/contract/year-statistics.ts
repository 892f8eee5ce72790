import { z } from 'zod';
import { DOSSIER_TITLES } from './dossier-titles.ts';
import { LEVELS } from './levels.ts';
import { yearPeriodSchema } from './period.ts';

const RATED = LEVELS.filter((l) => l !== 'NONE') as ['HTXS', 'HTT', 'HT', 'KHT'];
const levelCount = z.object({
  total: z.number().int().describe('Months rated with a level (Không xếp loại is not a rating)'),
  byLevel: z.object(Object.fromEntries(RATED.map((l) => [l, z.number().int()])) as Record<(typeof RATED)[number], z.ZodNumber>),
});
const perHolder = z.object({ person: z.number().int(), unit: z.number().int() });
const perTitle = z.object(Object.fromEntries(DOSSIER_TITLES.map((t) => [t, perHolder])) as Record<(typeof DOSSIER_TITLES)[number], typeof perHolder>);

/** "Tổng hợp thi đua <YYYY>" (research/next-capabilities.md DOC-7), computed from what is stored now. */
export const yearStatisticsSchema = z
  .object({
    year: yearPeriodSchema,
    finalised: z.boolean(),
    personMonths: levelCount.describe('Final month levels (after quota and the council) of every stored person-month'),
    unitMonths: levelCount,
    htxsPersonMonths: z.number().int(),
    titlesProposed: perTitle.describe('Eligible in /proposals (after votes and withdrawals)'),
    titlesDecided: perTitle.describe('The decisions register, by Năm thành tích'),
    students: z.object({
      commended: z.number().int(),
      byClass: z.array(z.object({ className: z.string(), commended: z.number().int() })).describe('Classes tied to the year (PUT /classes/{class}/year)'),
      withoutYear: z.array(z.string()).describe('Classes with students but tied to no year: their commended students are counted nowhere until tied'),
    }),
    drives: z
      .object({
        count: z.number().int(),
        money: z.number(),
        inKindCount: z.number().int(),
        phrase: z.string(),
        byDrive: z.array(z.object({ code: z.string(), name: z.string(), money: z.number() })),
      })
      .nullable()
      .describe('Null when the year has no drive register'),
    initiatives: z.object({ 'co-so': z.number().int(), tinh: z.number().int(), 'toan-quoc': z.number().int() }),
    lines: z.array(z.object({ label: z.string(), value: z.union([z.number(), z.string()]) })).describe('The sheet’s rows, in the seed report’s order'),
  })
  .meta({ id: 'YearStatistics' });
export type YearStatisticsAnswer = z.infer<typeof yearStatisticsSchema>;

export const classYearRequestSchema = z
  .object({ year: z.number({ error: 'Năm phải là số, ví dụ 2021' }).int('Năm phải là số nguyên').min(1900, 'Năm phải từ 1900 đến 2199').max(2199, 'Năm phải từ 1900 đến 2199') })
  .meta({ id: 'ClassYearRequest' });
export const classYearSchema = z.object({ class: z.string(), year: z.number().int() }).meta({ id: 'ClassYear' });
