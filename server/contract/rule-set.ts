import { z } from 'zod';
import { DEFAULT_DOSSIER_SETTINGS, dossierSettingsSchema } from './dossier-settings.ts';
import { DEFAULT_TASK_SETTINGS, taskSettingsSchema } from './task-settings.ts';

/**
 * The organisation's rule set (RULES.md): every threshold is data, versioned in the database, so
 * provinces and years that differ need no code change. Defaults are those of RULES.md; `haiphong-2025`
 * is the second built-in preset, `nd335-2026` the third (task results with leaders' axes, RULES.md §10).
 */

const bandSchema = z.object({
  level: z.enum(['HTXS', 'HTT', 'HT']),
  op: z.enum(['>=', '>']),
  value: z.number().min(0).max(100),
});

const quotaSchema = z.object({
  enabled: z.boolean(),
  /** Whole per cent; the council may raise a period to `maxRaisedRate`. */
  rate: z.number().int().min(0).max(100),
  denominator: z.enum(['htt-only', 'htt-or-above']),
  scope: z.enum(['org+dutyGroup', 'unit+dutyGroup', 'org']),
});
export type QuotaSettings = z.infer<typeof quotaSchema>;

const studentBandSchema = z.object({
  band: z.enum(['Xuất sắc', 'Giỏi', 'Khá', 'Trung bình']),
  min: z.number().min(0).max(10),
});

export const ruleSetSchema = z
  .object({
    name: z.string().min(1).max(100),
    /** Score bands, checked from the best level down; below the last one is KHT. */
    bands: z.array(bandSchema).length(3),
    htxsMinExceededPct: z.number().min(0).max(100),
    htMaxLatePct: z.number().min(0).max(100),
    quota: z.object({
      personMonth: quotaSchema,
      unitMonth: quotaSchema,
      personYear: quotaSchema,
      unitYear: quotaSchema,
    }),
    maxRaisedRate: z.number().int().min(0).max(100),
    year: z.object({
      minMonthsWorked: z.number().int().min(0).max(12),
      absentCapFrom: z.number().int().min(0).max(12),
      absentCapTo: z.number().int().min(0).max(12),
    }),
    titles: z.object({
      minMonthsRecruited: z.number().int().min(0).max(12),
      collectiveMinLdttPct: z.number().int().min(0).max(100),
    }),
    /** The year's dossier: registration, votes, drives (RULES.md §11); filled with its defaults when absent. */
    dossier: dossierSettingsSchema.prefault({}),
    rewards: z.object({
      baseSalary: z.number().int().min(0),
      roundUpTo: z.number().int().min(1),
      coefficients: z.object({
        CSTD_TINH: z.number().min(0),
        CSTDCS: z.number().min(0),
        LDTT: z.number().min(0),
        TT_LDXS: z.number().min(0),
        TT_LDTT: z.number().min(0),
      }),
    }),
    students: z.object({
      bands: z.array(studentBandSchema).length(4),
      maxCommendPct: z.number().int().min(0).max(100),
    }),
    /** Task results (RULES.md §10); absent from sets stored before it, hence filled with its defaults. */
    tasks: taskSettingsSchema.prefault({}),
  })
  .meta({ id: 'RuleSet' });

export type RuleSet = z.infer<typeof ruleSetSchema>;

const quota = (enabled: boolean, scope: QuotaSettings['scope']): QuotaSettings => ({
  enabled,
  rate: 20,
  denominator: 'htt-only',
  scope,
});

export const DEFAULT_RULE_SET: RuleSet = {
  name: 'Mặc định (QĐ 366, NĐ 335)',
  bands: [
    { level: 'HTXS', op: '>=', value: 90 },
    { level: 'HTT', op: '>=', value: 70 },
    { level: 'HT', op: '>=', value: 50 },
  ],
  htxsMinExceededPct: 30,
  htMaxLatePct: 20,
  quota: {
    personMonth: quota(true, 'org+dutyGroup'),
    unitMonth: quota(false, 'org'),
    personYear: quota(true, 'org+dutyGroup'),
    unitYear: quota(true, 'org'),
  },
  maxRaisedRate: 25,
  year: { minMonthsWorked: 6, absentCapFrom: 3, absentCapTo: 5 },
  titles: { minMonthsRecruited: 6, collectiveMinLdttPct: 70 },
  dossier: DEFAULT_DOSSIER_SETTINGS,
  rewards: {
    baseSalary: 2_340_000,
    roundUpTo: 10_000,
    coefficients: { CSTD_TINH: 3.0, CSTDCS: 1.0, LDTT: 0.3, TT_LDXS: 1.5, TT_LDTT: 0.8 },
  },
  students: {
    bands: [
      { band: 'Xuất sắc', min: 9 },
      { band: 'Giỏi', min: 8 },
      { band: 'Khá', min: 7 },
      { band: 'Trung bình', min: 5 },
    ],
    maxCommendPct: 10,
  },
  tasks: DEFAULT_TASK_SETTINGS,
};

export const RULE_SET_PRESETS: Record<string, RuleSet> = {
  default: DEFAULT_RULE_SET,
  'haiphong-2025': {
    ...DEFAULT_RULE_SET,
    name: 'Hải Phòng 2025',
    bands: [
      { level: 'HTXS', op: '>', value: 90 },
      { level: 'HTT', op: '>', value: 80 },
      { level: 'HT', op: '>=', value: 50 },
    ],
    // Hải Phòng Phụ lục 03 [S27]: 20 general + 80 results, of which quantity 25, quality 30, progress 25.
    tasks: { ...DEFAULT_TASK_SETTINGS, taskAxisWeights: { quantity: 25, quality: 30, progress: 25 }, resultsMax: 80 },
  },
  'nd335-2026': {
    ...DEFAULT_RULE_SET,
    name: 'NĐ 335/2025 (từ 2026)',
    tasks: { ...DEFAULT_TASK_SETTINGS, leaderAxes: true },
  },
};
