import type { Level } from '../contract/levels.ts';
import type { QuotaFacts } from '../contract/results.ts';
import type { RuleSet } from '../contract/rule-set.ts';
import type { MonthResult } from './types.ts';

// Inputs and outputs of the yearly rules (RULES.md §5, §6, §8): plain data, dates as 'YYYY-MM-DD' text.

/** A month mark: maternity leave (nghỉ thai sản) counts as worked; `absent` is any other leave (nghỉ). */
export type MonthMark = 'maternity' | 'absent';

export interface YearMonthInput {
  /** 1–12, each at most once per person. */
  month: number;
  /** The month's assessed score (one decimal; two are accepted); null when none. */
  score: number | null;
  mark?: MonthMark | null;
  /** A discipline taking effect in that month. */
  discipline?: string | null;
}

/** Gates and discipline from the yearly sheet, when the organisation keeps one. */
export interface YearSheetInput {
  allTasksDone?: boolean | null;
  exceededPct?: number | null;
  latePct?: number | null;
  discipline?: string | null;
}

export interface YearPersonInput {
  /** Staff code. */
  key: string;
  unit: string;
  dutyGroup: string | null;
  months: readonly YearMonthInput[];
  yearly?: YearSheetInput | null;
}

export interface YearUnitInput {
  /** The unit's name. */
  key: string;
  months: readonly { month: number; score: number | null }[];
  /** A member was disciplined in the year (RULES.md §5: blocks HTXS). */
  memberDisciplined: boolean;
  yearly?: Omit<YearSheetInput, 'discipline'> | null;
}

/** A person's or unit's year: the monthly result shape plus the yearly facts. */
export interface YearResult extends MonthResult {
  /** Months with an assessed score plus maternity months. */
  monthsCounted: number;
  /** Months marked absent (not maternity). */
  monthsAbsent: number;
  /** Mean of the monthly assessed scores, half up to two decimals; null when no month has one. */
  annualScore: number | null;
}

export interface YearOutcome {
  rows: YearResult[];
  quotas: QuotaFacts[];
}

// §6 titles and commendations.

export type PersonTitle = 'LDTT' | 'CSTDCS' | 'CSTD_TINH' | 'BANG_KHEN_TINH' | 'GIAY_KHEN';
export type UnitTitle = 'TT_LDTT' | 'TT_LDXS';
/** The titles with a reward coefficient in the rule set. */
export type RewardTitle = keyof RuleSet['rewards']['coefficients'];

/** Cơ sở, then tỉnh (also bộ, ban, ngành), then toàn quốc. */
export type InitiativeLevel = 'co-so' | 'tinh' | 'toan-quoc';

export interface Initiative {
  title: string;
  level: InitiativeLevel;
  recognisedOn: string;
}

export interface ResearchTopic {
  title: string;
  acceptedOn: string;
}

/** An earlier year of a person: the yearly level and the titles actually awarded. */
export interface TitleHistoryYear {
  year: number;
  level: Level | null;
  titles: readonly PersonTitle[];
}

export interface TitlePersonInput {
  key: string;
  unit: string;
  /** Kept for the law's preference for women at a limit (NĐ 152 Điều 4 k6); no title has a limit yet. */
  sex?: 'nam' | 'nu' | null;
  /** Null when unknown: the recruitment rule is then not applied, and the reasons say so. */
  recruitedOn: string | null;
  /** The final yearly level of year Y (after quota and council decisions). */
  level: Level;
  /** Disciplines taking effect in Y (months and yearly sheet). */
  disciplines: readonly string[];
  /** A discipline case opened and not closed in Y. */
  pendingDisciplineCase: boolean;
  initiatives: readonly Initiative[];
  researchTopics: readonly ResearchTopic[];
  /** Earlier years; Y itself comes from `level` and this year's proposals. */
  history: readonly TitleHistoryYear[];
}

export interface TitleUnitInput {
  /** The unit's name; members are the people whose `unit` matches it. */
  key: string;
  /** The unit's final yearly level of Y. */
  level: Level;
}

/** A proposal for the council, never final. */
export interface TitleProposal<T extends string = PersonTitle | UnitTitle> {
  title: T;
  /** Vietnamese name of the title. */
  label: string;
  eligible: boolean;
  /** Every condition checked, met or not, naming the rule or setting. */
  reasons: string[];
}

export interface PersonTitles {
  key: string;
  unit: string;
  proposals: TitleProposal<PersonTitle>[];
}

export interface UnitTitles {
  key: string;
  /** Everyone whose unit is this one. */
  members: number;
  /** Members for the percentage tests: recruited long enough before the year end. */
  countedMembers: number;
  ldttMembers: number;
  proposals: TitleProposal<UnitTitle>[];
}

export interface TitlesOutcome {
  people: PersonTitles[];
  units: UnitTitles[];
}

// §6 reward money.

export interface RewardClaim {
  holder: 'person' | 'unit';
  key: string;
  year: number;
  title: RewardTitle;
}

export interface RewardLine extends RewardClaim {
  /** The title's amount in đồng, whether paid or not. */
  amount: number;
  /** False when a higher title of the same holder and year is paid instead. */
  paid: boolean;
  reason: string;
}

export interface RewardEstimate {
  lines: RewardLine[];
  /** Paid lines only. */
  byTitle: Record<RewardTitle, { count: number; amount: number }>;
  total: number;
}

// §8 students.

export type StudentBand = RuleSet['students']['bands'][number]['band'] | 'Không đạt';

export interface StudentInput {
  key: string;
  className: string;
  /** Final average on a 10-point scale, two decimals; null when none. */
  gpa: number | null;
  /** Rèn luyện: Tốt, Khá, Trung bình, Yếu. */
  conduct: string | null;
  discipline: string | null;
}

export interface StudentResult {
  key: string;
  className: string;
  band: StudentBand | null;
  commended: boolean;
  /** In the tie run the class limit falls inside: for the council. */
  tieAtLimit: boolean;
  reasons: string[];
}

export interface ClassCommendation {
  className: string;
  /** All students of the class. */
  size: number;
  limit: number;
  candidates: number;
  commended: number;
  tieKeys: string[];
}

export interface StudentsOutcome {
  students: StudentResult[];
  classes: ClassCommendation[];
}
