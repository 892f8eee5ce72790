import type { Level } from '../contract/levels.ts';
import type { RuleSet } from '../contract/rule-set.ts';
import { isWarningOrAbove, recruitedInTime } from './titles-dates.ts';
import { TITLE_LABELS, check, levelCheck } from './titles-reasons.ts';
import type {
  PersonTitle,
  PersonTitles,
  TitlePersonInput,
  TitleProposal,
  TitleUnitInput,
  UnitTitle,
  UnitTitles,
} from './year-types.ts';

export interface UnitMember {
  person: TitlePersonInput;
  titles: PersonTitles;
}

const HT_OR_ABOVE: readonly Level[] = ['HTXS', 'HTT', 'HT'];
const UNIT_HTT_RULE = 'QĐ 86/2025/QĐ-UBND Bắc Ninh Điều 4';

const proposes = (member: UnitMember, title: PersonTitle) =>
  member.titles.proposals.some((p) => p.title === title && p.eligible);

const heavilyDisciplined = (member: UnitMember) =>
  member.person.disciplines.some((d) => d.trim() !== '' && isWarningOrAbove(d));

const keysOf = (members: readonly UnitMember[]) => members.map((m) => m.person.key).join(', ');

/** Whole-number share test (RULES.md §6): a of b is at least pct% when 100 × a ≥ pct × b. */
export function atLeastPct(a: number, b: number, pct: number): boolean {
  return b > 0 && 100 * a >= pct * b;
}

/** A collective's proposal of year Y before the council's vote, which the dossier adds (RULES.md §11.2). */
function finish(title: UnitTitle, eligible: boolean, reasons: string[]): TitleProposal<UnitTitle> {
  return { title, label: TITLE_LABELS[title], eligible, reasons };
}

/**
 * RULES.md §6 collective titles of one unit and year Y from its members' proposals. A member recruited
 * too late for LĐTT (`titles.minMonthsRecruited`) is left out of the member count of the percentage
 * tests (70% LĐTT, 100% HT or above) but still counts for discipline.
 */
export function proposeUnitTitles(
  year: number,
  unit: TitleUnitInput,
  members: readonly UnitMember[],
  ruleSet: RuleSet,
): UnitTitles {
  const { minMonthsRecruited, collectiveMinLdttPct: pct } = ruleSet.titles;
  const counted = members.filter((m) => recruitedInTime(m.person.recruitedOn, year, minMonthsRecruited));
  const excluded = members.length - counted.length;
  const ldtt = counted.filter((m) => proposes(m, 'LDTT')).length;
  const cstdcs = members.filter((m) => proposes(m, 'CSTDCS'));
  const htOrAbove = counted.filter((m) => HT_OR_ABOVE.includes(m.person.level)).length;
  const heavy = members.filter(heavilyDisciplined);

  const countText =
    excluded > 0
      ? `${counted.length} thành viên tính tỷ lệ, không tính ${excluded} người tuyển dụng chưa đủ ` +
        `${minMonthsRecruited} tháng («${ruleSet.name}»)`
      : `${counted.length} thành viên tính tỷ lệ`;
  const ldttOk = atLeastPct(ldtt, counted.length, pct);
  const ldttReason = check(
    ldttOk,
    `${ldtt}/${counted.length} thành viên đủ điều kiện Lao động tiên tiến, ` +
      `cần ≥ ${pct}% (${countText}; «${ruleSet.name}»)`,
  );
  const noHeavy = heavy.length === 0;
  const heavyReason = check(
    noHeavy,
    noHeavy
      ? `không có thành viên bị kỷ luật từ cảnh cáo trở lên trong năm ${year}`
      : `${heavy.length} thành viên bị kỷ luật từ cảnh cáo trở lên trong năm ${year} (${keysOf(heavy)})`,
  );

  const httOk = unit.level === 'HTT' || unit.level === 'HTXS';
  const ttLdtt = finish(
    'TT_LDTT',
    httOk && ldttOk && noHeavy,
    [check(httOk, levelCheck(unit.level, year, 'từ Hoàn thành tốt nhiệm vụ trở lên', UNIT_HTT_RULE)), ldttReason, heavyReason],
  );

  const htxsOk = unit.level === 'HTXS';
  const allHt = counted.length > 0 && htOrAbove === counted.length;
  const hasCstdcs = cstdcs.length > 0;
  const ttLdxs = finish(
    'TT_LDXS',
    htxsOk && allHt && ldttOk && hasCstdcs,
    [
      check(htxsOk, levelCheck(unit.level, year, 'Hoàn thành xuất sắc nhiệm vụ', 'Luật TĐKT 2022')),
      check(
        allHt,
        `${htOrAbove}/${counted.length} thành viên từ Hoàn thành nhiệm vụ trở lên, cần 100% (${countText})`,
      ),
      ldttReason,
      check(
        hasCstdcs,
        hasCstdcs
          ? `có thành viên đủ điều kiện Chiến sĩ thi đua cơ sở (${keysOf(cstdcs)})`
          : 'không có thành viên nào đủ điều kiện Chiến sĩ thi đua cơ sở',
      ),
    ],
  );

  return {
    key: unit.key,
    members: members.length,
    countedMembers: counted.length,
    ldttMembers: ldtt,
    proposals: [ttLdtt, ttLdxs],
  };
}
