import { describe, expect, it } from 'vitest';
import type { StoredDecision } from '../../../../server/rules/dossier/decided-history.ts';
import { goldBook } from '../../../../server/rules/dossier/gold-book.ts';

const d = (holder: StoredDecision['holder'], key: string, title: StoredDecision['title'], year = 2026, goldBookNo: string | null = null) => ({
  holder, key, title, achievementYear: year, decisionNo: '125/QĐ-TCT', decidedOn: '2027-01-20', issuer: null, goldBookNo,
});
const HOLDERS: Record<string, { name: string; positionAndUnit: string; achievement: string }> = {
  CB1: { name: 'Lò Văn Yên', positionAndUnit: 'Giảng viên, Khoa A', achievement: 'HTXS năm 2026' },
  CB2: { name: 'Cầm Thị Anh', positionAndUnit: 'Chuyên viên, Phòng B', achievement: 'HTT năm 2026' },
  'Khoa A': { name: 'Khoa A', positionAndUnit: '', achievement: 'HTXS năm 2026' },
};

describe('Sổ khen thưởng for the mail merge (DOC-5)', () => {
  it('gives one row per decision of the year, collectives first, titles highest first, then by name', () => {
    const rows = goldBook(
      2026,
      [d('person', 'CB2', 'LDTT'), d('person', 'CB1', 'LDTT'), d('person', 'CB1', 'CSTDCS', 2026, 'SV-12'), d('unit', 'Khoa A', 'TT_LDXS'), d('person', 'CB2', 'LDTT', 2025)],
      (_, key) => HOLDERS[key] ?? null,
      'Hiệu trưởng Nguyễn Văn B',
    );
    expect(rows.map((r) => [r.name, r.titleLabel, r.goldBookNo])).toEqual([
      ['Khoa A', 'Tập thể lao động xuất sắc', ''],
      ['Lò Văn Yên', 'Chiến sĩ thi đua cơ sở', 'SV-12'],
      ['Cầm Thị Anh', 'Lao động tiên tiến', ''],
      ['Lò Văn Yên', 'Lao động tiên tiến', ''],
    ]);
    expect(rows[1]).toMatchObject({ decisionNo: '125/QĐ-TCT', decidedOn: '20/01/2027', signer: 'Hiệu trưởng Nguyễn Văn B', achievement: 'HTXS năm 2026' });
  });

  it('keeps the key as the name of a holder it does not know', () => {
    expect(goldBook(2026, [d('person', 'CB9', 'LDTT')], () => null, '')[0]!.name).toBe('CB9');
  });
});
