import type { RuleSet } from '../contract/rule-set.ts';
import { formatNumber } from './reasons.ts';
import { TITLE_LABELS } from './titles-reasons.ts';
import type { RewardClaim, RewardEstimate, RewardLine, RewardTitle, TitlesOutcome } from './year-types.ts';

type RewardSettings = RuleSet['rewards'];

export const REWARD_TITLES: readonly RewardTitle[] = ['CSTD_TINH', 'CSTDCS', 'LDTT', 'TT_LDXS', 'TT_LDTT'];

export function isRewardTitle(title: string): title is RewardTitle {
  return (REWARD_TITLES as readonly string[]).includes(title);
}

/** 2340000 → "2.340.000", as Vietnamese amounts are written. */
export function formatMoney(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

function coefficientHundredths(title: RewardTitle, settings: RewardSettings): number {
  const coefficient = settings.coefficients[title];
  const hundredths = Math.round(coefficient * 100);
  if (Math.abs(coefficient * 100 - hundredths) > 1e-6) {
    throw new RangeError(`reward coefficient ${title} must have at most two decimals, got ${coefficient}`);
  }
  return hundredths;
}

/**
 * NĐ 152 Điều 50 (RULES.md §6): coefficient × base salary, rounded up to the next `roundUpTo`. Coefficients
 * are taken as whole hundredths, so 0.3 × 2,340,000 is 30 × 2,340,000 / 100 = 702,000 exactly, then 710,000.
 */
export function rewardAmount(title: RewardTitle, settings: RewardSettings): number {
  const exactTimes100 = coefficientHundredths(title, settings) * settings.baseSalary;
  if (!Number.isSafeInteger(exactTimes100)) throw new RangeError(`reward for ${title} is too large to compute exactly`);
  const step = 100 * settings.roundUpTo;
  const up = exactTimes100 + step - 1;
  return ((up - (up % step)) / step) * settings.roundUpTo;
}

function amountReason(title: RewardTitle, settings: RewardSettings, amount: number, ruleSetName: string): string {
  const times100 = coefficientHundredths(title, settings) * settings.baseSalary;
  const cents = times100 % 100;
  const exact = `${formatMoney((times100 - cents) / 100)}${cents === 0 ? '' : `,${String(cents).padStart(2, '0')}`}`;
  return (
    `${TITLE_LABELS[title]}: hệ số ${formatNumber(settings.coefficients[title])} × mức lương cơ sở ${formatMoney(settings.baseSalary)} đ` +
    ` = ${exact} đ, làm tròn lên ${formatMoney(amount)} đ (bội số ${formatMoney(settings.roundUpTo)} đ; «${ruleSetName}», NĐ 152/2025 Điều 50)`
  );
}

/**
 * The budget estimate of RULES.md §6: one line per claim; several titles of one holder for the same year
 * pay only the highest amount (NĐ 152 Điều 49), the first claimed when two are equal. Totals count paid
 * lines only.
 */
export function estimateRewards(claims: readonly RewardClaim[], ruleSet: RuleSet): RewardEstimate {
  const settings = ruleSet.rewards;
  const amounts = claims.map((claim) => rewardAmount(claim.title, settings));

  const best = new Map<string, number>();
  claims.forEach((claim, i) => {
    const id = JSON.stringify([claim.holder, claim.key, claim.year]);
    const current = best.get(id);
    if (current === undefined || amounts[i]! > amounts[current]!) best.set(id, i);
  });

  const none = () => ({ count: 0, amount: 0 });
  const byTitle: RewardEstimate['byTitle'] = {
    CSTD_TINH: none(),
    CSTDCS: none(),
    LDTT: none(),
    TT_LDXS: none(),
    TT_LDTT: none(),
  };
  let total = 0;
  const lines = claims.map((claim, i): RewardLine => {
    const amount = amounts[i]!;
    const paidIndex = best.get(JSON.stringify([claim.holder, claim.key, claim.year]))!;
    const paid = paidIndex === i;
    if (paid) {
      byTitle[claim.title].count++;
      byTitle[claim.title].amount += amount;
      total += amount;
    }
    const paidLabel = TITLE_LABELS[claims[paidIndex]!.title];
    const reason = paid
      ? amountReason(claim.title, settings, amount, ruleSet.name)
      : `${TITLE_LABELS[claim.title]}: không tính tiền thưởng, năm ${claim.year} đã hưởng mức cao nhất ` +
        `(${paidLabel}, NĐ 152/2025 Điều 49)`;
    return { ...claim, amount, paid, reason };
  });
  return { lines, byTitle, total };
}

/** Claims for every eligible proposal that carries money (Bằng khen and Giấy khen have no coefficient setting). */
export function rewardClaimsFromProposals(year: number, titles: TitlesOutcome): RewardClaim[] {
  const claims: RewardClaim[] = [];
  for (const person of titles.people) {
    for (const { title, eligible } of person.proposals) {
      if (eligible && isRewardTitle(title)) claims.push({ holder: 'person', key: person.key, year, title });
    }
  }
  for (const unit of titles.units) {
    for (const p of unit.proposals) {
      if (p.eligible) claims.push({ holder: 'unit', key: unit.key, year, title: p.title });
    }
  }
  return claims;
}
