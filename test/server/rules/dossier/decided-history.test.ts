import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../../server/contract/rule-set.ts';
import { decisionWarnings, mergeTitleHistory, type StoredDecision } from '../../../../server/rules/dossier/decided-history.ts';
import { proposePersonTitles, type TitlePersonInput } from '../../../../server/rules/index.ts';

const Y = 2026;
const decision = (title: StoredDecision['title'], year: number, no = `${year}/QĐ-TCT`): StoredDecision => ({
  holder: 'person', key: 'GV01', title, achievementYear: year, decisionNo: no, decidedOn: `${year + 1}-01-20`, issuer: 'Trường Chính trị tỉnh Sơn La',
});

const base: TitlePersonInput = {
  key: 'GV01', unit: 'Khoa A', recruitedOn: '2010-01-01', level: 'HTXS', disciplines: [], pendingDisciplineCase: false,
  initiatives: [{ title: 'Sáng kiến T', level: 'tinh', recognisedOn: `${Y}-03-01` }], researchTopics: [], history: [],
};
const cstdTinh = (history: TitlePersonInput['history']) =>
  proposePersonTitles(Y, { ...base, history }, DEFAULT_RULE_SET).proposals.find((p) => p.title === 'CSTD_TINH')!;

describe('stored decisions in the look-back (DOC-5)', () => {
  it('takes the titles of a decided year from the decisions, over a typed prior title, and says so', () => {
    const { history, notes } = mergeTitleHistory(Y, {
      service: [],
      sheet: [{ year: Y - 1, level: null, titles: ['CSTDCS'] }],
      decisions: [decision('LDTT', Y - 1, '12/QĐ-TCT')],
    });
    expect(history).toEqual([{ year: Y - 1, level: null, titles: ['LDTT'], titleSources: ['decision'], decisions: [decision('LDTT', Y - 1, '12/QĐ-TCT')] }]);
    expect(notes).toEqual([
      'Năm 2025: LĐTT theo Quyết định số 12/QĐ-TCT ngày 20/01/2026 của Trường Chính trị tỉnh Sơn La (không dùng «Danh hiệu các năm trước»: CSTĐCS)',
    ]);
    // The merged history is what the title rules read: the typed CSTĐCS of Y−1 no longer counts.
    expect(cstdTinh(history).eligible).toBe(false);
  });

  it('uses the typed and computed titles for a year with no stored decision, saying which', () => {
    const { history, notes } = mergeTitleHistory(Y, {
      service: [{ year: Y - 1, level: 'HTXS', titles: ['LDTT', 'CSTDCS'] }],
      sheet: [{ year: Y - 2, level: null, titles: ['CSTDCS'] }],
      decisions: [],
    });
    expect(history.map((h) => [h.year, h.level, h.titles, h.titleSources])).toEqual([
      [Y - 1, 'HTXS', ['LDTT', 'CSTDCS'], ['service']],
      [Y - 2, null, ['CSTDCS'], ['sheet']],
    ]);
    expect(notes[1]).toBe('Năm 2024: CSTĐCS theo khai báo «Danh hiệu các năm trước» (chưa có quyết định khen thưởng được lưu)');
    expect(cstdTinh(history).eligible).toBe(true);
  });

  it('lets decisions carry the 3-year look-back of CSTĐ cấp tỉnh on their own', () => {
    const { history } = mergeTitleHistory(Y, { service: [], sheet: [], decisions: [decision('CSTDCS', Y - 2), decision('CSTDCS', Y - 1), decision('CSTDCS', Y)] });
    expect(history.map((h) => h.year)).toEqual([Y - 1, Y - 2]);
    expect(cstdTinh(history).eligible).toBe(true);
  });

  it('keeps the service’s level for a decided year (decisions carry titles, not levels)', () => {
    const { history } = mergeTitleHistory(Y, { service: [{ year: Y - 1, level: 'HTXS', titles: ['LDTT'] }], sheet: [], decisions: [decision('CSTDCS', Y - 1)] });
    expect(history[0]).toMatchObject({ level: 'HTXS', titles: ['CSTDCS'], titleSources: ['decision'] });
  });

  it('ignores collective decisions and decisions of the year itself or later', () => {
    const unit: StoredDecision = { ...decision('TT_LDTT', Y - 1), holder: 'unit', key: 'Khoa A' };
    expect(mergeTitleHistory(Y, { service: [], sheet: [], decisions: [unit, decision('CSTDCS', Y)] }).history).toEqual([]);
  });
});

describe('warnings on a recorded decision (DOC-5, DOC-8.5)', () => {
  it('says the year is not finalised, and accepts it', () => {
    expect(decisionWarnings(false, { eligible: true, reasons: [] })).toEqual(['Năm chưa chốt: kết quả xét của Bình Xét có thể còn thay đổi']);
  });

  it('flags a decision for a title the proposals found not eligible, with their reasons', () => {
    const p = proposePersonTitles(Y, { ...base, level: 'HT', initiatives: [] }, DEFAULT_RULE_SET).proposals.find((x) => x.title === 'LDTT')!;
    const [warning] = decisionWarnings(true, p);
    expect(warning).toMatch(/^Quyết định khác kết quả xét của Bình Xét: năm 2026 xếp loại Hoàn thành nhiệm vụ/);
    expect(decisionWarnings(true, null)).toEqual([]);
  });
});
