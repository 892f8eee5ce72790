import { DOSSIER_TITLE_LABELS, type DossierTitle, type Holder } from '../../contract/dossier-titles.ts';
import { matchKey } from '../../contract/text.ts';
import { rankOn, trackOf } from '../registration/tracks.ts';
import type { VotedProposal } from '../votes/apply-votes.ts';
import type { TitleProposal } from '../year-types.ts';
import { AUTHORITY, PERSON_BLOCKS, UNIT_BLOCKS, holderWord, isEmulationTitle, type Authority } from './list-titles.ts';
import { compareVietnamese, compareVietnameseNames, unitOrder } from './vn-order.ts';

type ListedProposal = TitleProposal<string> & { vote?: VotedProposal['vote'] };

export interface ListPerson {
  key: string;
  name: string;
  sex: 'nam' | 'nu' | null;
  position: string | null;
  unit: string;
  /** Set when the person left the School; the row then says «Đã chuyển công tác» (DOC-8.6). */
  leftOn?: string | null;
  proposals: readonly ListedProposal[];
}

export interface ListUnit {
  /** The unit's name. */
  key: string;
  proposals: readonly ListedProposal[];
}

/** A council decision taking a holder off the list for one title (year decision `withdraw`). */
export interface Withdrawal {
  holder: Holder;
  key: string;
  title: DossierTitle;
  reason: string;
}

export interface ListRow {
  stt: number;
  holder: Holder;
  key: string;
  /** Họ và tên, or Tên tập thể. */
  name: string;
  /** Giới tính ('Nam', 'Nữ' or ''), people only: the council may apply NĐ 152 Điều 4 k6. */
  sex: string;
  position: string;
  unit: string;
  titleLabel: string;
  /** Thành tích chính: the conditions the proposal met. */
  achievements: string;
  note: string;
}

export interface ListBlock {
  number: number;
  title: DossierTitle;
  heading: string;
  rows: ListRow[];
  footer: string;
}

export interface ListGroup {
  numeral: string;
  holder: Holder;
  label: string;
  blocks: ListBlock[];
}

export interface ProposalList {
  authority: Authority | 'all';
  titleRows: string[];
  groups: ListGroup[];
  signatures: string[];
}

export interface ProposalListInput {
  year: number;
  organisation: string;
  /** The organisation's unit list, in its order. */
  units: readonly string[];
  people: readonly ListPerson[];
  collectives: readonly ListUnit[];
  withdrawals: readonly Withdrawal[];
}

const MET = 'Đạt: ';
const NUMERALS = ['I', 'II', 'III', 'IV'];

const achievementsOf = (proposal: ListedProposal) =>
  proposal.reasons.filter((r) => r.startsWith(MET)).map((r) => r.slice(MET.length)).join('; ');

/** Eligible, past the vote where one is needed, and not withdrawn by the council. */
function listable(holder: Holder, key: string, proposal: ListedProposal, withdrawn: Set<string>): boolean {
  return proposal.eligible && proposal.vote !== 'pending' && proposal.vote !== 'failed' && !withdrawn.has(withdrawalKey(holder, key, proposal.title));
}

const withdrawalKey = (holder: Holder, key: string, title: string) => JSON.stringify([holder, matchKey(key), title]);

/** A holder's listed titles: per track only the highest listable one (DOC-8.1). */
function listedTitles(holder: Holder, key: string, proposals: readonly ListedProposal[], withdrawn: Set<string>): Map<DossierTitle, ListedProposal> {
  const best = new Map<string, ListedProposal>();
  for (const p of proposals) {
    const title = p.title as DossierTitle;
    const track = trackOf(title, holder);
    if (!track || !listable(holder, key, p, withdrawn)) continue;
    const current = best.get(track);
    if (!current || rankOn(track, title) > rankOn(track, current.title as DossierTitle)) best.set(track, p);
  }
  return new Map([...best.values()].map((p) => [p.title as DossierTitle, p]));
}

function heading(number: number, title: DossierTitle, holder: Holder, count: number): string {
  const kind = isEmulationTitle(title) ? 'Danh hiệu' : 'Hình thức khen thưởng';
  return `${number}. ${kind} "${DOSSIER_TITLE_LABELS[title]}" (${String(count).padStart(2, '0')} ${holderWord(holder)})`;
}

/**
 * "Danh sách đề nghị khen thưởng <YYYY>" (research/next-capabilities.md DOC-1) as plain data: who is listed
 * (eligible, past the vote where one is needed, not withdrawn), one block per title highest first, collectives
 * (I) before people (II), STT restarting in each block, each block in unit order then Vietnamese collation of
 * the given name and the full name. Empty blocks and groups are left out, never shown as 0. With
 * `splitByAuthority`, one list for the titles the head of the unit decides and one for those proposed upward,
 * each with the highest title of a track among its own.
 */
export function buildProposalLists(input: ProposalListInput, options: { splitByAuthority?: boolean } = {}): ProposalList[] {
  const withdrawn = new Set(input.withdrawals.map((w) => withdrawalKey(w.holder, w.key, w.title)));
  const byUnit = unitOrder(input.units);
  const people = [...input.people].sort(
    (a, b) => byUnit(a.unit, b.unit) || compareVietnameseNames(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const collectives = [...input.collectives].sort((a, b) => byUnit(a.key, b.key) || compareVietnamese(a.key, b.key));

  const build = (authority: Authority | 'all'): ProposalList => {
    const keep = (title: DossierTitle) => authority === 'all' || AUTHORITY[title] === authority;
    // The highest per track within this list: CSTĐ cấp tỉnh goes up while the CSTĐCS it needs is decided here.
    const mine = (proposals: readonly ListedProposal[]) => proposals.filter((p) => keep(p.title as DossierTitle));
    const personTitles = people.map((p) => listedTitles('person', p.key, mine(p.proposals), withdrawn));
    const unitTitles = collectives.map((u) => listedTitles('unit', u.key, mine(u.proposals), withdrawn));
    const groups: ListGroup[] = [];
    const unitBlocks = UNIT_BLOCKS.filter(keep).flatMap((title) => {
      const rows: ListRow[] = [];
      collectives.forEach((u, i) => {
        const p = unitTitles[i]!.get(title);
        if (p) rows.push(row(rows.length + 1, 'unit', u.key, u.key, '', '', u.key, title, p, ''));
      });
      return rows.length > 0 ? [{ title, rows }] : [];
    });
    const personBlocks = PERSON_BLOCKS.filter(keep).flatMap((title) => {
      const rows: ListRow[] = [];
      people.forEach((person, i) => {
        const p = personTitles[i]!.get(title);
        if (!p) return;
        const sex = person.sex === 'nu' ? 'Nữ' : person.sex === 'nam' ? 'Nam' : '';
        const note = person.leftOn ? 'Đã chuyển công tác' : '';
        rows.push(row(rows.length + 1, 'person', person.key, person.name, sex, person.position ?? '', person.unit, title, p, note));
      });
      return rows.length > 0 ? [{ title, rows }] : [];
    });
    for (const [holder, label, blocks] of [
      ['unit', 'TẬP THỂ', unitBlocks],
      ['person', 'CÁ NHÂN', personBlocks],
    ] as const) {
      if (blocks.length === 0) continue;
      groups.push({
        numeral: NUMERALS[groups.length]!,
        holder,
        label,
        blocks: blocks.map((b, i) => ({
          number: i + 1,
          title: b.title,
          heading: heading(i + 1, b.title, holder, b.rows.length),
          rows: b.rows,
          footer: `Tổng số: ${b.rows.length} ${holderWord(holder)}`,
        })),
      });
    }
    return {
      authority,
      titleRows: [
        input.organisation.toLocaleUpperCase('vi'),
        `DANH SÁCH ĐỀ NGHỊ XÉT TẶNG DANH HIỆU THI ĐUA, HÌNH THỨC KHEN THƯỞNG NĂM ${input.year}`,
        '(Kèm theo Tờ trình số …/TTr-… ngày … tháng … năm …)',
      ],
      groups,
      signatures: ['NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ'],
    };
  };
  return options.splitByAuthority ? [build('unit-head'), build('upward')] : [build('all')];
}

function row(
  stt: number,
  holder: Holder,
  key: string,
  name: string,
  sex: string,
  position: string,
  unit: string,
  title: DossierTitle,
  proposal: ListedProposal,
  note: string,
): ListRow {
  return { stt, holder, key, name, sex, position, unit, titleLabel: DOSSIER_TITLE_LABELS[title], achievements: achievementsOf(proposal), note };
}
