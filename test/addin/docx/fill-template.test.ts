import { describe, expect, it } from 'vitest';
import { openTemplate, TemplateProblem } from '../../../addin/docx/fill-template.ts';
import { isKnownTag, placeholderCatalogue, unknownTagMessage, type TemplateTag } from '../../../addin/docx/placeholders.ts';
import { buildDocx, para, readDocx, row, table } from '../../support/docx-template.ts';

const problemsOf = (run: () => unknown): readonly string[] => {
  try {
    run();
  } catch (error) {
    if (error instanceof TemplateProblem) return error.problems;
    throw error;
  }
  throw new Error('no problem raised');
};

describe('filling an organisation’s .docx template', () => {
  it('fills values, repeats a table row per list item, nests lists, and writes values as text', async () => {
    const template = await buildDocx(
      para('TỜ TRÌNH năm ', '«N', 'AM»', ' — ', '«TEN_CO_QUAN»') +
        table(row('STT', 'Họ và tên', 'Danh hiệu'), row('«#DANH_SACH»«STT»', '«HO_TEN»', '«DANH_HIEU» («NAM»)«/DANH_SACH»')) +
        para('«#KHOI»') + para('«TIEU_DE»: «#DONG»«HO_TEN»; «/DONG»«TONG»') + para('«/KHOI»') +
        para('Ký: «NGUOI_KY»'),
      para('«TEN_CO_QUAN_IN_HOA»'),
    );
    const opened = openTemplate(template);
    expect(opened.tags.map((t) => `${t.part}|${t.within.join('>')}|${t.list ? '#' : ''}${t.name}`)).toEqual(
      expect.arrayContaining([
        'thân văn bản||NAM',
        'thân văn bản||TEN_CO_QUAN',
        'thân văn bản||#DANH_SACH',
        'thân văn bản|DANH_SACH|STT',
        'thân văn bản|DANH_SACH|NAM',
        'thân văn bản|KHOI|#DONG',
        'thân văn bản|KHOI>DONG|HO_TEN',
        'thân văn bản||NGUOI_KY',
        'đầu trang||TEN_CO_QUAN_IN_HOA',
      ]),
    );
    expect(opened.tags.filter((t) => !isKnownTag(t, new Set()))).toEqual([]);

    const filled = await readDocx(
      opened.fill({
        NAM: '2023',
        TEN_CO_QUAN: 'Trường <Chính trị> & "Sơn La"',
        TEN_CO_QUAN_IN_HOA: 'TRƯỜNG CHÍNH TRỊ',
        NGUOI_KY: '=HYPERLINK("x")',
        DANH_SACH: [
          { STT: 1, HO_TEN: 'Lò Văn Long', DANH_HIEU: 'Chiến sĩ thi đua cơ sở' },
          { STT: 2, HO_TEN: 'Cầm Thị Hương', DANH_HIEU: 'Lao động tiên tiến' },
          { STT: 3, HO_TEN: 'Hà Văn Tuấn', DANH_HIEU: 'Lao động tiên tiến' },
        ],
        KHOI: [
          { TIEU_DE: '1. CSTĐCS', TONG: 'Tổng số: 1', DONG: [{ HO_TEN: 'Lò Văn Long' }] },
          { TIEU_DE: '2. LĐTT', TONG: 'Tổng số: 2', DONG: [{ HO_TEN: 'Cầm Thị Hương' }, { HO_TEN: 'Hà Văn Tuấn' }] },
        ],
      }),
    );
    expect(filled.paragraphs[0]).toBe('TỜ TRÌNH năm 2023 — Trường <Chính trị> & "Sơn La"');
    expect(filled.xml).toContain('Trường &lt;Chính trị&gt; &amp;');
    expect(filled.rows).toEqual([
      ['STT', 'Họ và tên', 'Danh hiệu'],
      ['1', 'Lò Văn Long', 'Chiến sĩ thi đua cơ sở (2023)'],
      ['2', 'Cầm Thị Hương', 'Lao động tiên tiến (2023)'],
      ['3', 'Hà Văn Tuấn', 'Lao động tiên tiến (2023)'],
    ]);
    expect(filled.paragraphs).toEqual(
      expect.arrayContaining(['1. CSTĐCS: Lò Văn Long; Tổng số: 1', '2. LĐTT: Cầm Thị Hương; Hà Văn Tuấn; Tổng số: 2', 'Ký: =HYPERLINK("x")']),
    );
    expect(filled.header).toBe('TRƯỜNG CHÍNH TRỊ');
    expect(filled.xml).not.toContain('«');
  });

  it('removes the row of an empty list and leaves a missing value empty, never "undefined"', async () => {
    const opened = openTemplate(await buildDocx(para('«SO_TO_TRINH»x') + table(row('«#BANG_PHIEU»«HO_TEN»', '«KET_QUA»«/BANG_PHIEU»'), row('hết', ''))));
    const filled = await readDocx(opened.fill({ BANG_PHIEU: [] }));
    expect(filled.rows).toEqual([['hết', '']]);
    expect(filled.paragraphs[0]).toBe('x');
    expect(filled.xml).not.toContain('undefined');
  });

  it('refuses a template with unclosed placeholders and lists, naming them', async () => {
    const broken = await buildDocx(para('Năm «NAM của') + table(row('«#DANH_SACH»«HO_TEN»', '«DANH_HIEU»')));
    expect(problemsOf(() => openTemplate(broken))).toEqual([
      'Chỗ trống bắt đầu bằng "«NAM" chưa có dấu » đóng (thân văn bản)',
      'Danh sách «#DANH_SACH» chưa có «/DANH_SACH» đóng (thân văn bản)',
    ]);
    const crossed = await buildDocx(para('«#KHOI»«#DONG»«/KHOI»«/DONG»'));
    expect(problemsOf(() => openTemplate(crossed))[0]).toMatch(/^Danh sách «#DONG» lại được đóng bằng «\/KHOI» \(thân văn bản\): /);
  });

  it('reports a raw-XML placeholder as such, never filling it', async () => {
    const opened = openTemplate(await buildDocx(para('«#DANH_SACH»') + para('«@HO_TEN»') + para('«/DANH_SACH»')));
    expect(opened.tags.filter((t) => !isKnownTag(t, new Set()))).toEqual([{ name: '@HO_TEN', list: false, within: ['DANH_SACH'], part: 'thân văn bản' }]);
    const inline = await buildDocx(table(row('«#DANH_SACH»«@HO_TEN»«/DANH_SACH»')));
    expect(problemsOf(() => openTemplate(inline))).toEqual(['Chỗ trống «@…» chèn XML thô vào văn bản, Bình Xét không dùng (thân văn bản): viết «TÊN» không có @']);
  });

  it('refuses a file that is no Word document', () => {
    expect(problemsOf(() => openTemplate(new TextEncoder().encode('Họ và tên,Đơn vị\n')))).toEqual([
      'Tệp mẫu không phải tài liệu Word .docx (không đọc được như tệp nén Office Open XML); hãy lưu mẫu bằng Word dưới dạng .docx',
    ]);
  });
});

describe('which placeholders Bình Xét knows', () => {
  const tag = (name: string, within: string[] = [], list = false): TemplateTag => ({ name, within, list, part: 'thân văn bản' });

  it('knows a list’s fields inside it only, the year’s values everywhere, and the user’s --set names', () => {
    expect(isKnownTag(tag('HO_TEN', ['DANH_SACH']), new Set())).toBe(true);
    expect(isKnownTag(tag('HO_TEN'), new Set())).toBe(false);
    expect(isKnownTag(tag('NAM', ['KHOI', 'DONG']), new Set())).toBe(true);
    expect(isKnownTag(tag('DONG', ['KHOI'], true), new Set())).toBe(true);
    expect(isKnownTag(tag('DONG', [], true), new Set())).toBe(false);
    expect(isKnownTag(tag('SO_TO_TRINH'), new Set())).toBe(true);
    expect(isKnownTag(tag('SO_CONG_VAN'), new Set())).toBe(false);
    expect(isKnownTag(tag('SO_CONG_VAN'), new Set(['SO_CONG_VAN']))).toBe(true);
    // «@TÊN» would put a value into the document as raw Word XML.
    expect(isKnownTag(tag('@HO_TEN', ['DANH_SACH']), new Set())).toBe(false);
  });

  it('says where an unknown placeholder is, and the known name it is nearest to', () => {
    expect(unknownTagMessage({ ...tag('HO_TE', ['DANH_SACH']) })).toBe('«HO_TE» (trong «#DANH_SACH», thân văn bản) không phải chỗ trống Bình Xét biết điền; có phải «HO_TEN»?');
    expect(unknownTagMessage({ ...tag('DANHSACH', [], true), part: 'đầu trang' })).toBe('«#DANHSACH» (đầu trang) không phải chỗ trống Bình Xét biết điền; có phải «#DANH_SACH»?');
    expect(unknownTagMessage(tag('@HO_TEN', ['DANH_SACH']))).toBe('«@HO_TEN» (trong «#DANH_SACH», thân văn bản): Bình Xét không chèn XML thô vào văn bản; viết «HO_TEN» để điền giá trị dạng chữ');
    expect(unknownTagMessage(tag('TRICH_YEU'))).toBe('«TRICH_YEU» (thân văn bản) không phải chỗ trống Bình Xét biết điền');
  });

  it('lists every value and list with its fields', () => {
    const lines = placeholderCatalogue().join('\n');
    for (const name of ['«NAM»', '«SO_TO_TRINH»', '«#DANH_SACH» … «/DANH_SACH»', '«#BANG_PHIEU» … «/BANG_PHIEU»', '«#DANH_SACH_KHEN_THUONG»', '«#DONG» … «/DONG»', '«MUC_THUONG»']) {
      expect(lines).toContain(name);
    }
  });
});
