import { DOSSIER_TITLE_LABELS, type DossierTitle, type Holder } from '../../contract/dossier-titles.ts';
import type { RuleSet } from '../../contract/rule-set.ts';
import { estimateRewards, isRewardTitle } from '../rewards.ts';
import type { RewardClaim } from '../year-types.ts';
import { PERSON_BLOCKS, UNIT_BLOCKS } from './list-titles.ts';
import { compareVietnamese, compareVietnameseNames, unitOrder } from './vn-order.ts';

/** One title or commendation the decision awarded. */
export interface DecidedAward {
  holder: Holder;
  key: string;
  /** Họ và tên, or Tên tập thể. */
  name: string;
  /** Chức vụ, đơn vị as the list prints it. */
  positionAndUnit: string;
  unit: string;
  title: DossierTitle;
  /** Năm thành tích. */
  year: number;
}

export interface AnnexedRow {
  stt: number;
  holder: Holder;
  key: string;
  name: string;
  positionAndUnit: string;
  titleLabel: string;
  /** Mức thưởng (đồng); null for a title without a coefficient in the rule set (Giấy khen, Bằng khen). */
  amount: number | null;
  note: string;
}

export interface AnnexedList {
  rows: AnnexedRow[];
  /** The sum of the amounts paid. */
  total: number;
}

/**
 * "Danh sách kèm theo Quyết định <YYYY>" (research/next-capabilities.md DOC-4): the decided holders with the
 * reward money of RULES.md §6 (coefficient × base salary, rounded up to 10,000 đ; server/rules/rewards.ts).
 * Several titles of one holder and year are all listed, and only the highest is paid (NĐ 152 Điều 49;
 * DOC-8.2). Collectives first, then people, by title highest first, unit order, then Vietnamese collation.
 */
export function buildAnnexedList(awards: readonly DecidedAward[], units: readonly string[], ruleSet: RuleSet): AnnexedList {
  const byUnit = unitOrder(units);
  const blockOf = (a: DecidedAward) => (a.holder === 'unit' ? UNIT_BLOCKS.indexOf(a.title) : UNIT_BLOCKS.length + PERSON_BLOCKS.indexOf(a.title));
  const ordered = [...awards].sort(
    (a, b) =>
      blockOf(a) - blockOf(b) ||
      byUnit(a.unit, b.unit) ||
      (a.holder === 'person' ? compareVietnameseNames(a.name, b.name) : compareVietnamese(a.name, b.name)) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const claims: RewardClaim[] = [];
  const claimOf = new Map<DecidedAward, number>();
  for (const a of ordered) {
    if (!isRewardTitle(a.title)) continue;
    claimOf.set(a, claims.length);
    claims.push({ holder: a.holder, key: a.key, year: a.year, title: a.title });
  }
  const estimate = estimateRewards(claims, ruleSet);
  const rows = ordered.map((a, i): AnnexedRow => {
    const index = claimOf.get(a);
    const line = index === undefined ? null : estimate.lines[index]!;
    return {
      stt: i + 1,
      holder: a.holder,
      key: a.key,
      name: a.name,
      positionAndUnit: a.positionAndUnit,
      titleLabel: DOSSIER_TITLE_LABELS[a.title],
      amount: line === null ? null : line.paid ? line.amount : 0,
      note: line && !line.paid ? line.reason : '',
    };
  });
  return { rows, total: estimate.total };
}
