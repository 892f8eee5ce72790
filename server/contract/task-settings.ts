import { z } from 'zod';
import { STAFF_CODE_PATTERN } from './person-identity.ts';

/**
 * Rule-set settings for task results (NĐ 335/2025; research/next-capabilities.md §3, RULES.md §10). Every
 * rule the research marks unconfirmed [U] or inferred [I] is one of these, with its documented default, and
 * the explanation column names the setting that applied. Each field has its own default, so a rule set
 * stored before these settings existed reads with them filled in.
 */

export const DEDUCTION_MODES = ['graduated', 'binary'] as const;
export type DeductionMode = (typeof DEDUCTION_MODES)[number];

export const RESULTS_SOURCES = ['typed-wins', 'tasks-win'] as const;
export type ResultsSource = (typeof RESULTS_SOURCES)[number];

export const LEADER_SCOPES = ['unit', 'list'] as const;
export type LeaderScope = (typeof LEADER_SCOPES)[number];

const hasAtMostTwoDecimals = (value: number) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-7;

const axisWeight = z.number().int('Trọng số phải là số nguyên').min(0).max(1000);

export const taskSettingsSchema = z
  .object({
    /** Weights of quantity, quality and progress in the results score (T9 [U]); 1:1:1 is 70 × (a + b + c) / 300. */
    taskAxisWeights: z
      .object({ quantity: axisWeight, quality: axisWeight, progress: axisWeight })
      .refine((w) => w.quantity + w.quality + w.progress > 0, 'Tổng trọng số của số lượng, chất lượng, tiến độ phải lớn hơn 0')
      .default({ quantity: 1, quality: 1, progress: 1 }),
    /** The results part's maximum (NĐ 335 Điều 12 k3: 70; Hải Phòng: 80). */
    resultsMax: z.number().int().min(1).max(100).default(70),
    /** graduated: each failed check or delay takes 25 % of that product's axis points [I]; binary: one takes all. */
    deductionMode: z.enum(DEDUCTION_MODES).default('graduated'),
    /** What a "Phối hợp" row counts for against a "Chủ trì" one [I]: 0 = only the lead counts. */
    supportRoleFactor: z.number().min(0).max(1).refine(hasAtMostTwoDecimals, 'Hệ số vai trò phối hợp chỉ được có hai chữ số thập phân').default(0),
    /** When a typed Điểm kết quả and the one computed from tasks differ, which one the month uses [I]. */
    resultsSource: z.enum(RESULTS_SOURCES).default('typed-wins'),
    /** Leaders get the three extra axes of NĐ 335 Điều 15 and the six-term formula (T10 [U]); preset nd335-2026. */
    leaderAxes: z.boolean().default(false),
    /** Whom a leader manages for the unit-results axis [I]: the people of the leader's unit, or a typed list. */
    leaderScope: z.enum(LEADER_SCOPES).default('unit'),
    /**
     * Under leaderScope = list: each leader's staff code → the staff codes they manage (TASK-3 [I]), e.g.
     * { "TP01": ["CB01", "CB02"] }. A leader not listed manages nobody, and their explanation says so.
     */
    leaderManages: z
      .record(
        z.string().regex(STAFF_CODE_PATTERN, 'Mã CB của lãnh đạo không hợp lệ'),
        z.array(z.string().regex(STAFF_CODE_PATTERN, 'Mã CB trong danh sách người được quản lý không hợp lệ')).max(10_000),
      )
      .default({}),
    /** The capacity-to-organise axis (đ) when it is not typed [I]; null: it must be typed. */
    leaderOrganiseDefault: z.number().min(0).max(100).nullable().default(100),
    /** Part III of the general criteria (Mẫu 01, T4): 30 − 10 − 10 [I]. */
    generalPartIIIMax: z.number().min(0).max(30).default(10),
    /** A self score this far or more from the assessed score is flagged [I]. */
    selfGapWarn: z.number().min(0).max(100).default(10),
  })
  .meta({ id: 'TaskSettings' });

export type TaskSettings = z.output<typeof taskSettingsSchema>;

export const DEFAULT_TASK_SETTINGS: TaskSettings = taskSettingsSchema.parse({});
