import type { Level } from '../contract/levels.ts';
import type { RuleSet } from '../contract/rule-set.ts';
import { recruitedInTime, yearOf } from './titles-dates.ts';
import {
  TITLE_LABELS,
  check,
  disciplineText,
  initiativeText,
  levelCheck,
  pendingCaseText,
  recruitmentText,
  researchText,
  yearsText,
} from './titles-reasons.ts';
import type { PersonTitle, PersonTitles, TitlePersonInput, TitleProposal } from './year-types.ts';

const HTT_OR_ABOVE: readonly Level[] = ['HTXS', 'HTT'];
const HTT_OR_ABOVE_TEXT = 'từ Hoàn thành tốt nhiệm vụ trở lên';
const PROVINCE_OR_ABOVE = new Set(['tinh', 'toan-quoc']);

interface History {
  level(year: number): Level | null;
  had(year: number, title: PersonTitle): boolean;
}

function historyOf(person: TitlePersonInput): History {
  return {
    level: (year) => person.history.find((h) => h.year === year && h.level !== null)?.level ?? null,
    had: (year, title) => person.history.some((h) => h.year === year && h.titles.includes(title)),
  };
}

function proposal(title: PersonTitle, reasons: string[], eligible: boolean): TitleProposal<PersonTitle> {
  return { title, label: TITLE_LABELS[title], eligible, reasons };
}

/** A proposal of year Y before the council's vote, which the dossier adds (RULES.md §11.2). */
function proposed(title: PersonTitle, draft: { eligible: boolean; reasons: string[] }): TitleProposal<PersonTitle> {
  return proposal(title, draft.reasons, draft.eligible);
}

/**
 * RULES.md §6 for one person and year Y: LĐTT, CSTĐCS, CSTĐ cấp tỉnh, Bằng khen của Chủ tịch UBND tỉnh
 * and Giấy khen, each a proposal with every condition it met or missed. Titles of earlier years come from
 * `history`; year Y's CSTĐCS is this call's own proposal.
 */
export function proposePersonTitles(year: number, person: TitlePersonInput, ruleSet: RuleSet): PersonTitles {
  const history = historyOf(person);
  const inYear = (date: string, from: number = year) => {
    const y = yearOf(date);
    return y >= from && y <= year;
  };

  // Lao động tiên tiến: Luật TĐKT Điều 24, TT 01/2024, NĐ 152 Điều 4.
  const levelOk = HTT_OR_ABOVE.includes(person.level);
  const { minMonthsRecruited } = ruleSet.titles;
  const recruited = recruitedInTime(person.recruitedOn, year, minMonthsRecruited);
  const disciplines = person.disciplines.map((d) => d.trim()).filter((d) => d !== '');
  const ldttReasons = [
    check(levelOk, levelCheck(person.level, year, HTT_OR_ABOVE_TEXT, 'Luật TĐKT Điều 24')),
    check(recruited, recruitmentText(person.recruitedOn, recruited, year, minMonthsRecruited, ruleSet.name)),
    check(disciplines.length === 0, disciplineText(disciplines, year)),
    check(!person.pendingDisciplineCase, pendingCaseText(person.pendingDisciplineCase, year)),
  ];
  const ldtt = proposed('LDTT', {
    eligible: levelOk && recruited && disciplines.length === 0 && !person.pendingDisciplineCase,
    reasons: ldttReasons,
  });

  // Chiến sĩ thi đua cơ sở: Luật TĐKT Điều 23 (no cap; the vote is the council's).
  const achievements: string[] = [];
  if (person.level === 'HTXS') achievements.push(`xếp loại Hoàn thành xuất sắc nhiệm vụ năm ${year}`);
  for (const initiative of person.initiatives) {
    if (inYear(initiative.recognisedOn)) achievements.push(initiativeText(initiative));
  }
  for (const topic of person.researchTopics) {
    if (inYear(topic.acceptedOn)) achievements.push(researchText(topic));
  }
  const achieved = achievements.length > 0;
  const cstdcs = proposed('CSTDCS', {
    eligible: ldtt.eligible && achieved,
    reasons: [
      check(ldtt.eligible, `đủ điều kiện Lao động tiên tiến năm ${year}`),
      check(
        achieved,
        achieved
          ? `${achievements.join('; ')} (Luật TĐKT Điều 23)`
          : `không có HTXS, sáng kiến được công nhận hay đề tài được nghiệm thu trong năm ${year} ` +
            '(Luật TĐKT Điều 23)',
      ),
    ],
  });

  const cstdcsIn = (y: number) => (y === year ? cstdcs.eligible : history.had(y, 'CSTDCS'));

  // Chiến sĩ thi đua cấp tỉnh: Luật TĐKT Điều 22.
  const threeYears = [year - 2, year - 1, year];
  const missing = threeYears.filter((y) => !cstdcsIn(y));
  const province = person.initiatives.filter((i) => PROVINCE_OR_ABOVE.has(i.level) && inYear(i.recognisedOn, year - 2));
  const cstdTinh = proposed('CSTD_TINH', {
    eligible: missing.length === 0 && province.length > 0,
    reasons: [
      check(
        missing.length === 0,
        missing.length === 0
          ? `Chiến sĩ thi đua cơ sở 3 năm liên tục ${yearsText(threeYears)} (Luật TĐKT Điều 22)`
          : `cần Chiến sĩ thi đua cơ sở 3 năm liên tục ${yearsText(threeYears)}, ` +
            `thiếu năm ${yearsText(missing)} (Luật TĐKT Điều 22)`,
      ),
      check(
        province.length > 0,
        province.length > 0
          ? `${province.map(initiativeText).join('; ')} (Luật TĐKT Điều 22)`
          : `không có sáng kiến được công nhận cấp tỉnh trở lên trong các năm ${yearsText(threeYears)} ` +
            '(Luật TĐKT Điều 22)',
      ),
    ],
  });

  // Bằng khen của Chủ tịch UBND tỉnh: Luật TĐKT Điều 74 khoản 1 điểm d.
  const twoYears = [year - 1, year];
  const cstdcsTwice = twoYears.every(cstdcsIn);
  const htxsTwice = person.level === 'HTXS' && history.level(year - 1) === 'HTXS';
  const periodInitiatives = person.initiatives.filter((i) => inYear(i.recognisedOn, year - 1));
  const enoughInitiatives = periodInitiatives.length >= 2;
  const pathText = cstdcsTwice
    ? `Chiến sĩ thi đua cơ sở 2 năm liên tục ${yearsText(twoYears)}`
    : htxsTwice
      ? `Hoàn thành xuất sắc nhiệm vụ 2 năm liên tục ${yearsText(twoYears)}`
      : `cần Chiến sĩ thi đua cơ sở hoặc Hoàn thành xuất sắc nhiệm vụ 2 năm liên tục ${yearsText(twoYears)}`;
  const bangKhen = proposed('BANG_KHEN_TINH', {
    eligible: (cstdcsTwice || htxsTwice) && enoughInitiatives,
    reasons: [
      check(cstdcsTwice || htxsTwice, `${pathText} (Luật TĐKT Điều 74 khoản 1 điểm d)`),
      check(
        enoughInitiatives,
        `${periodInitiatives.length} sáng kiến được công nhận trong các năm ${yearsText(twoYears)}${
          periodInitiatives.length > 0 ? ` (${periodInitiatives.map(initiativeText).join('; ')})` : ''
        }, cần 2 (Luật TĐKT Điều 74 khoản 1 điểm d)`,
      ),
    ],
  });

  // Giấy khen: the achievement is the council's judgement, so the data only shows who may be considered.
  const giayKhen = proposed('GIAY_KHEN', {
    eligible: levelOk,
    reasons: [
      check(levelOk, levelCheck(person.level, year, HTT_OR_ABOVE_TEXT, 'QĐ 86/2025/QĐ-UBND Bắc Ninh Điều 4')),
      ...(levelOk ? ['Đủ điều kiện xem xét: thành tích do Hội đồng đánh giá'] : []),
    ],
  });

  return { key: person.key, unit: person.unit, proposals: [ldtt, cstdcs, cstdTinh, bangKhen, giayKhen] };
}
