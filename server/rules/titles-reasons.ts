import { LEVEL_LABELS, type Level } from '../contract/levels.ts';
import { formatDate } from './titles-dates.ts';
import type { Initiative, PersonTitle, ResearchTopic, UnitTitle } from './year-types.ts';

// The Vietnamese sentences of the title proposals (RULES.md §6): one per condition, met or not, each
// naming the article or the rule-set setting that applied.

export const TITLE_LABELS: Record<PersonTitle | UnitTitle, string> = {
  LDTT: 'Lao động tiên tiến',
  CSTDCS: 'Chiến sĩ thi đua cơ sở',
  CSTD_TINH: 'Chiến sĩ thi đua cấp tỉnh',
  BANG_KHEN_TINH: 'Bằng khen của Chủ tịch UBND tỉnh',
  GIAY_KHEN: 'Giấy khen',
  TT_LDTT: 'Tập thể lao động tiên tiến',
  TT_LDXS: 'Tập thể lao động xuất sắc',
};

export function check(met: boolean, text: string): string {
  return `${met ? 'Đạt' : 'Không đạt'}: ${text}`;
}

export function levelCheck(level: Level, year: number, needed: string, article: string): string {
  const label = level === 'NONE' ? 'không xếp loại' : `xếp loại ${LEVEL_LABELS[level]}`;
  return `năm ${year} ${label} (cần ${needed}, ${article})`;
}

export function recruitmentText(
  recruitedOn: string | null,
  met: boolean,
  year: number,
  minMonths: number,
  ruleSetName: string,
): string {
  const rule = `tối thiểu ${minMonths} tháng đến 31/12/${year} theo «${ruleSetName}», TT 01/2024/TT-BNV`;
  if (recruitedOn === null) return `chưa có ngày tuyển dụng, coi như đủ thời gian công tác (${rule})`;
  const span = met ? 'đủ' : 'chưa đủ';
  return `tuyển dụng ngày ${formatDate(recruitedOn)}, ${span} ${minMonths} tháng (${rule})`;
}

export function disciplineText(disciplines: readonly string[], year: number): string {
  return disciplines.length === 0
    ? `không bị kỷ luật trong năm ${year}`
    : `bị kỷ luật trong năm ${year} (${disciplines.join(', ')})`;
}

export function pendingCaseText(pending: boolean, year: number): string {
  return `${pending ? 'đang' : 'không đang'} bị xem xét kỷ luật trong năm ${year}`;
}

const INITIATIVE_LEVEL_TEXT = { 'co-so': 'cấp cơ sở', tinh: 'cấp tỉnh', 'toan-quoc': 'cấp toàn quốc' } as const;

export function initiativeText(initiative: Initiative): string {
  const level = INITIATIVE_LEVEL_TEXT[initiative.level];
  return `sáng kiến «${initiative.title}» công nhận ${level} ngày ${formatDate(initiative.recognisedOn)}`;
}

export function researchText(topic: ResearchTopic): string {
  return `đề tài «${topic.title}» nghiệm thu ngày ${formatDate(topic.acceptedOn)}`;
}

export function yearsText(years: readonly number[]): string {
  return years.join(', ');
}
