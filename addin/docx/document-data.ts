import { DOSSIER_TITLE_LABELS, type Holder } from '../../server/contract/dossier-titles.ts';
import type { DecisionSheet, VoteSheet } from '../../server/contract/dossier-sheets.ts';
import type { ProposalLists } from '../../server/contract/proposal-list.ts';
import type { RuleSet } from '../../server/contract/rule-set.ts';
import type { YearProposals } from '../../server/contract/year-results.ts';
import { buildAnnexedList, type DecidedAward } from '../../server/rules/dossier/annexed-list.ts';
import { formatDate } from '../../server/rules/titles-dates.ts';
import type { Roster } from '../api/client.ts';
import { DOCX_USER_TEXTS } from './placeholders.ts';

/** What the service holds for the year, as its endpoints answer it. */
export interface DocxSources {
  year: string;
  organisation: string;
  proposals: Pick<YearProposals, 'finalised'>;
  /** GET /years/{Y}/proposal-list, one list (not split by authority). */
  proposalList: ProposalLists;
  votes: VoteSheet;
  /** GET /years/{Y}/decisions-register of the year and of the next: a decision is often filed the year after. */
  registers: readonly DecisionSheet[];
  roster: Roster;
  ruleSet: RuleSet;
}

/** Values typed by the user (--set), and the day the document is made. */
export interface DocxOptions {
  values: Readonly<Record<string, string>>;
  today: Date;
}

export interface DocxData {
  data: Record<string, unknown>;
  /** User values the catalogue names and the user did not give: left as dots for the pen. */
  dotted: string[];
  /** --set names that Bình Xét fills itself, so the user's value was not used. */
  ignored: string[];
}

const DOTS = '……';
const money = (n: number) => n.toLocaleString('vi-VN');
const two = (n: number) => String(n).padStart(2, '0');
const percent = (n: number | null) => (n === null ? '' : `${n.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`);

function listData(source: ProposalLists) {
  const flat: Record<string, unknown>[] = [];
  const blocks: Record<string, unknown>[] = [];
  let persons = 0;
  let collectives = 0;
  for (const list of source.lists) {
    for (const group of list.groups) {
      for (const block of group.blocks) {
        const rows = block.rows.map((r) => ({
          STT: r.stt,
          DOI_TUONG: r.holder === 'unit' ? 'Tập thể' : 'Cá nhân',
          HO_TEN: r.name,
          GIOI_TINH: r.sex,
          CHUC_VU: r.position,
          DON_VI: r.unit,
          DANH_HIEU: r.titleLabel,
          THANH_TICH: r.achievements,
          GHI_CHU: r.note,
        }));
        for (const r of block.rows) {
          if (r.holder === 'unit') collectives++;
          else persons++;
        }
        rows.forEach((row) => flat.push({ ...row, STT: flat.length + 1, STT_KHOI: row.STT, NHOM: group.label, KHOI: block.heading }));
        blocks.push({ SO_NHOM: group.numeral, NHOM: group.label, TIEU_DE: block.heading, TONG: block.footer, DONG: rows });
      }
    }
  }
  return { flat, blocks, persons, collectives };
}

function voteData(votes: VoteSheet): Record<string, unknown>[] {
  return votes.rows.map((v, i) => ({
    STT: i + 1,
    MA_CB: v.code ?? '',
    HO_TEN: v.holder === 'unit' ? (v.unit ?? '') : (v.name ?? v.code ?? ''),
    DON_VI: v.unit ?? '',
    DANH_HIEU: DOSSIER_TITLE_LABELS[v.title],
    SO_THANH_VIEN: v.members,
    SO_DU_HOP: v.present ?? '',
    SO_DONG_Y: v.agree,
    TY_LE: percent(v.agreePct),
    KET_QUA: v.passed === null ? '' : v.passed ? 'Đạt' : 'Không đạt',
    GHI_CHU: v.note ?? '',
  }));
}

/** DOC-4: the titles decided for the year's achievements, with the reward money of RULES.md §6. */
function annexData(sources: DocxSources) {
  const year = Number(sources.year);
  const people = new Map(sources.roster.people.map((p) => [p.code, p]));
  const decided = new Map<string, DecisionSheet['rows'][number]>();
  for (const sheet of sources.registers) {
    for (const row of sheet.rows) {
      if (row.achievementYear !== year) continue;
      const id = JSON.stringify([row.holder, row.holder === 'unit' ? row.unit : row.code, row.title]);
      if (!decided.has(id)) decided.set(id, row);
    }
  }
  const awards: DecidedAward[] = [];
  const decisionOf = new Map<DecidedAward, DecisionSheet['rows'][number]>();
  for (const row of decided.values()) {
    const holder: Holder = row.holder;
    const person = row.code ? people.get(row.code) : undefined;
    const unit = row.unit ?? person?.unit ?? '';
    const name = holder === 'unit' ? unit : (row.name ?? person?.name ?? row.code ?? '');
    const position = holder === 'person' ? (person?.title ?? '') : '';
    const award: DecidedAward = {
      holder,
      key: holder === 'unit' ? unit : (row.code ?? name),
      name,
      positionAndUnit: [position, holder === 'person' ? unit : ''].filter(Boolean).join(', '),
      unit,
      title: row.title,
      year,
    };
    awards.push(award);
    decisionOf.set(award, row);
  }
  const list = buildAnnexedList(awards, sources.roster.units.map((u) => u.name), sources.ruleSet);
  const byRow = new Map(awards.map((a) => [JSON.stringify([a.holder, a.key, a.title]), decisionOf.get(a)!]));
  const rows = list.rows.map((r) => {
    const title = Object.entries(DOSSIER_TITLE_LABELS).find(([, label]) => label === r.titleLabel)?.[0];
    const decision = byRow.get(JSON.stringify([r.holder, r.key, title]));
    return {
      STT: r.stt,
      HO_TEN: r.name,
      CHUC_VU_DON_VI: r.positionAndUnit,
      DANH_HIEU: r.titleLabel,
      MUC_THUONG: r.amount === null ? '' : money(r.amount),
      SO_QUYET_DINH: decision?.decisionNo ?? '',
      NGAY_QUYET_DINH: decision ? formatDate(decision.decidedOn) : '',
      GHI_CHU: r.note,
    };
  });
  const numbers = [...new Set([...decided.values()].map((d) => d.decisionNo))];
  return { rows, total: list.total, numbers };
}

/** Every value and list of the catalogue (placeholders.ts), from the service's answers; pure. */
export function documentData(sources: DocxSources, options: DocxOptions): DocxData {
  const { today } = options;
  const list = listData(sources.proposalList);
  const annex = annexData(sources);
  const dotted = DOCX_USER_TEXTS.map((p) => p.name).filter((name) => !(name in options.values));
  const data: Record<string, unknown> = {
    ...Object.fromEntries(dotted.map((name) => [name, DOTS])),
    NAM: sources.year,
    TEN_CO_QUAN: sources.organisation,
    TEN_CO_QUAN_IN_HOA: sources.organisation.toLocaleUpperCase('vi-VN'),
    NGAY_LAP: `${two(today.getDate())}/${two(today.getMonth() + 1)}/${today.getFullYear()}`,
    NGAY: two(today.getDate()),
    THANG: two(today.getMonth() + 1),
    NAM_LAP: String(today.getFullYear()),
    TINH_TRANG_NAM: sources.proposals.finalised ? 'đã chốt' : 'chưa chốt',
    LUONG_CO_SO: money(sources.ruleSet.rewards.baseSalary),
    SO_CA_NHAN_DE_NGHI: list.persons,
    SO_TAP_THE_DE_NGHI: list.collectives,
    SO_QUYET_DINH: annex.numbers.join(', '),
    TONG_TIEN_THUONG: money(annex.total),
    DANH_SACH: list.flat,
    KHOI: list.blocks,
    BANG_PHIEU: voteData(sources.votes),
    DANH_SACH_KHEN_THUONG: annex.rows,
  };
  // A --set NAM=… never hides the year's data: only names Bình Xét has no value for take the user's.
  const ignored: string[] = [];
  for (const [name, value] of Object.entries(options.values)) {
    if (name in data) ignored.push(name);
    else data[name] = value;
  }
  return { data, dotted, ignored };
}
