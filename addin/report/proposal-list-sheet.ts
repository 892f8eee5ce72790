import type { ProposalLists } from '../../server/contract/proposal-list.ts';
import type { ReportSheet } from '../workbook/report-sheet.ts';
import { reportLayout } from './layout.ts';

/**
 * "Danh sách đề nghị khen thưởng <YYYY>" (research/next-capabilities.md DOC-1) as the service lays it out
 * (GET /years/{Y}/proposal-list): the title rows, then per group (I. TẬP THỂ, II. CÁ NHÂN) one block per title,
 * each with its header, its rows (STT from 1), its count, and the signature places at the end. An empty block
 * is not in the answer, so never printed as 0 (DOC-8.7).
 */

type List = ProposalLists['lists'][number];

export const PERSON_LIST_HEADER = [
  'STT', 'Họ và tên', 'Giới tính', 'Chức vụ', 'Đơn vị công tác', 'Danh hiệu/Hình thức đề nghị', 'Thành tích chính', 'Ghi chú',
] as const;
export const UNIT_LIST_HEADER = ['STT', 'Tên tập thể', 'Danh hiệu/Hình thức đề nghị', 'Thành tích chính', 'Ghi chú'] as const;

/** Họ và tên, Chức vụ, Đơn vị công tác, Thành tích chính, Ghi chú: long text wraps, never cut (DOC-8.8). */
const PERSON_WRAP = [1, 3, 4, 6, 7];
const UNIT_WRAP = [1, 3, 4];
const WIDTHS = [6, 28, 10, 22, 30, 32, 60, 24];
const AUTHORITY_SUFFIX: Record<List['authority'], string> = { all: '', 'unit-head': ' (1)', upward: ' (2)' };

/** At most 31 characters, as Excel allows: "DS đề nghị khen thưởng 2021", "… (2)" for the list sent upward. */
export function proposalListSheetName(year: string, authority: List['authority'] = 'all'): string {
  return `DS đề nghị khen thưởng ${year}${AUTHORITY_SUFFIX[authority]}`;
}

const AUTHORITY_LINE: Record<List['authority'], string | null> = {
  all: null,
  'unit-head': 'Danh hiệu, hình thức do Thủ trưởng đơn vị quyết định (Luật TĐKT Điều 80 khoản 1)',
  upward: 'Danh hiệu, hình thức đề nghị cấp trên xét tặng',
};

export function proposalListSheet(lists: ProposalLists, list: List): ReportSheet {
  const sheet = reportLayout();
  list.titleRows.forEach((text, i) => sheet.line([text], i < 2));
  const authority = AUTHORITY_LINE[list.authority];
  if (authority) sheet.line([authority]);
  if (!lists.finalised) sheet.line([`Lưu ý: năm ${lists.year} chưa chốt, danh sách có thể còn thay đổi`]);
  sheet.blank();
  if (list.groups.length === 0) sheet.note('Không có cá nhân, tập thể nào đủ điều kiện đề nghị.');
  for (const group of list.groups) {
    sheet.heading(`${group.numeral}. ${group.label}`);
    for (const block of group.blocks) {
      sheet.heading(block.heading);
      sheet.table(
        group.holder === 'person' ? PERSON_LIST_HEADER : UNIT_LIST_HEADER,
        block.rows.map((r) =>
          group.holder === 'person'
            ? [r.stt, r.name, r.sex, r.position, r.unit, r.titleLabel, r.achievements, r.note]
            : [r.stt, r.name, r.titleLabel, r.achievements, r.note],
        ),
        undefined,
        group.holder === 'person' ? PERSON_WRAP : UNIT_WRAP,
      );
      sheet.line([block.footer]);
      sheet.blank();
    }
  }
  sheet.blank();
  sheet.line(list.signatures.flatMap((s, i) => (i === 0 ? [s] : ['', '', '', '', s])), true);
  return sheet.finish(proposalListSheetName(lists.year, list.authority), WIDTHS);
}
