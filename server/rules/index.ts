export { bandOf, findBand, meetsBand, toTenths, type Band } from './bands.ts';
export { classifyRow, rowClassifier, type Classification } from './classify.ts';
export { classifyMonth, type ClassifyMonthOptions } from './classify-month.ts';
export { canAward, canRaiseRate } from './decision-checks.ts';
export { quotaLimit, walkQuota, type QuotaWalk } from './quota.ts';
export { rankMonth, type Ranks } from './ranking.ts';
export { NO_SCORE_REASON, TIE_AT_QUOTA_REASON } from './reasons.ts';
export type { MonthInput, MonthOutcome, MonthResult, PeriodDecisions } from './types.ts';
