export { bandOf, findBand, meetsBand, toTenths, type Band } from './bands.ts';
export { classifyRow, rowClassifier, type Classification } from './classify.ts';
export { classifyMonth, type ClassifyMonthOptions } from './classify-month.ts';
export { canAward, canRaiseRate } from './decision-checks.ts';
export { quotaLimit, walkQuota, type QuotaWalk } from './quota.ts';
export { rankMonth, type Ranks } from './ranking.ts';
export { NO_SCORE_REASON, TIE_AT_QUOTA_REASON } from './reasons.ts';
export type { MonthInput, MonthOutcome, MonthResult, PeriodDecisions } from './types.ts';
export { toHundredths } from './bands.ts';
export { annualMean, divideHalfUp } from './year-score.ts';
export { classifyYear, tallyMonths, type MonthTally } from './year-classify.ts';
export { classifyUnitsYear } from './year-units.ts';
export { NO_YEAR_SCORE_REASON } from './year-reasons.ts';
export { proposeTitles } from './titles.ts';
export { proposePersonTitles } from './titles-person.ts';
export { atLeastPct, proposeUnitTitles, type UnitMember } from './titles-unit.ts';
export { isWarningOrAbove, recruitedInTime, recruitmentCutoff } from './titles-dates.ts';
export { TITLE_LABELS } from './titles-reasons.ts';
export {
  REWARD_TITLES,
  estimateRewards,
  formatMoney,
  isRewardTitle,
  rewardAmount,
  rewardClaimsFromProposals,
} from './rewards.ts';
export { STUDENT_TIE_REASON, classifyStudents, commendLimit, studentBandOf } from './students.ts';
export type {
  ClassCommendation,
  Initiative,
  InitiativeLevel,
  MonthMark,
  PersonTitle,
  PersonTitles,
  ResearchTopic,
  RewardClaim,
  RewardEstimate,
  RewardLine,
  RewardTitle,
  StudentBand,
  StudentInput,
  StudentResult,
  StudentsOutcome,
  TitleHistoryYear,
  TitlePersonInput,
  TitleProposal,
  TitleUnitInput,
  TitlesOutcome,
  UnitTitle,
  UnitTitles,
  YearMonthInput,
  YearOutcome,
  YearPersonInput,
  YearResult,
  YearSheetInput,
  YearUnitInput,
} from './year-types.ts';
export * from './tasks/index.ts';
