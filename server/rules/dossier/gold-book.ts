import { DOSSIER_TITLE_LABELS } from '../../contract/dossier-titles.ts';
import { formatDate } from '../titles-dates.ts';
import type { StoredDecision } from './decided-history.ts';
import { PERSON_BLOCKS, UNIT_BLOCKS } from './list-titles.ts';
import { compareVietnamese, compareVietnameseNames } from './vn-order.ts';

export interface GoldBookHolder {
  /** Họ và tên, or Tên tập thể. */
  name: string;
  /** Chức vụ, đơn vị. */
  positionAndUnit: string;
  /** Thành tích, one line (e.g. the proposal's met conditions). */
  achievement: string;
}

export interface GoldBookRow {
  name: string;
  positionAndUnit: string;
  titleLabel: string;
  achievement: string;
  decisionNo: string;
  decidedOn: string;
  goldBookNo: string;
  signer: string;
}

/**
 * "Sổ khen thưởng" (research/next-capabilities.md DOC-5): one row per recorded decision of the year, for a mail
 * merge onto the pre-printed Bằng chứng nhận and Giấy khen the product never prints itself. Collectives first,
 * then people, by title highest first, then Vietnamese collation. `holderOf` gives the printed details of a
 * holder; a decision for a holder it does not know keeps the key as the name.
 */
export function goldBook(
  year: number,
  decisions: readonly (StoredDecision & { goldBookNo?: string | null })[],
  holderOf: (holder: StoredDecision['holder'], key: string) => GoldBookHolder | null,
  signer: string,
): GoldBookRow[] {
  const rows = decisions
    .filter((d) => d.achievementYear === year)
    .map((d) => {
      const h = holderOf(d.holder, d.key) ?? { name: d.key, positionAndUnit: '', achievement: '' };
      const block = d.holder === 'unit' ? UNIT_BLOCKS.indexOf(d.title) : UNIT_BLOCKS.length + PERSON_BLOCKS.indexOf(d.title);
      const row: GoldBookRow = {
        name: h.name,
        positionAndUnit: h.positionAndUnit,
        titleLabel: DOSSIER_TITLE_LABELS[d.title],
        achievement: h.achievement,
        decisionNo: d.decisionNo,
        decidedOn: formatDate(d.decidedOn),
        goldBookNo: d.goldBookNo ?? '',
        signer,
      };
      return { row, block, holder: d.holder };
    });
  rows.sort(
    (a, b) =>
      a.block - b.block ||
      (a.holder === 'person' ? compareVietnameseNames(a.row.name, b.row.name) : compareVietnamese(a.row.name, b.row.name)),
  );
  return rows.map((r) => r.row);
}
