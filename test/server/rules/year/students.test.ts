import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../../server/contract/rule-set.ts';
import {
  classifyStudents,
  commendLimit,
  studentBandOf,
  type StudentInput,
} from '../../../../server/rules/index.ts';

function student(key: string, gpa: number | null, extra: Partial<StudentInput> = {}): StudentInput {
  return { key, className: 'TC K45', gpa, conduct: 'Tốt', discipline: null, ...extra };
}

/** A class of `size`: the given students first, then fillers at 7.00 (Khá). */
function klass(size: number, first: StudentInput[]): StudentInput[] {
  const fillers = Array.from({ length: size - first.length }, (_, i) => student(`F${i + 1}`, 7));
  return [...first, ...fillers];
}

describe('studentBandOf (≥ 9, ≥ 8, ≥ 7, ≥ 5)', () => {
  it.each([
    [10, 'Xuất sắc'],
    [9, 'Xuất sắc'],
    [8.99, 'Giỏi'],
    [8, 'Giỏi'],
    [7.99, 'Khá'],
    [7, 'Khá'],
    [5, 'Trung bình'],
    [4.99, 'Không đạt'],
  ] as const)('rates %s as %s', (gpa, band) => {
    expect(studentBandOf(gpa, DEFAULT_RULE_SET)).toBe(band);
  });
});

describe('classifyStudents: commendation per class', () => {
  it('limits a class of 25 to floor(10% × 25) = 2', () => {
    expect(commendLimit(25, 10)).toBe(2);
    expect(commendLimit(9, 10)).toBe(0);
    expect(commendLimit(30, 10)).toBe(3);
  });

  it('commends 9.5 and flags the 9.1 tie run that crosses the limit of 2 for the council', () => {
    const out = classifyStudents(klass(25, [student('A', 9.5), student('B', 9.1), student('C', 9.1)]), DEFAULT_RULE_SET);
    expect(out.students.slice(0, 3).map((s) => [s.key, s.commended, s.tieAtLimit])).toEqual([
      ['A', true, false],
      ['B', false, true],
      ['C', false, true],
    ]);
    expect(out.classes).toEqual([
      { className: 'TC K45', size: 25, limit: 2, candidates: 3, commended: 1, tieKeys: ['B', 'C'] },
    ]);
    expect(out.students[1]!.reasons).toEqual([
      'Điểm trung bình 9,10 (≥ 9, xếp loại học viên «Mặc định (QĐ 366, NĐ 335)»): Xuất sắc',
      'Đồng điểm tại ngưỡng khen thưởng của lớp — Hội đồng quyết định (2/25 học viên, 10% sĩ số lớp theo «Mặc định (QĐ 366, NĐ 335)»)',
    ]);
  });

  it('keeps a whole tie run that ends exactly at the limit (class of 30 → 3)', () => {
    const out = classifyStudents(
      klass(30, [student('A', 9.5), student('B', 9.1), student('C', 9.1), student('D', 8.5)]),
      DEFAULT_RULE_SET,
    );
    expect(out.students.slice(0, 4).map((s) => s.commended)).toEqual([true, true, true, false]);
    expect(out.students[3]!.reasons.at(-1)).toMatch(/^Vượt giới hạn khen thưởng của lớp \(3\/30/);
  });

  it('lets nobody after a tie run pass, even with a place left', () => {
    const out = classifyStudents(
      klass(20, [student('A', 9.5), student('B', 9.1), student('C', 9.1), student('D', 8.5)]),
      DEFAULT_RULE_SET,
    );
    expect(out.students.slice(0, 4).map((s) => [s.commended, s.tieAtLimit])).toEqual([
      [true, false],
      [false, true],
      [false, true],
      [false, false],
    ]);
  });

  it('considers only Giỏi or above with conduct Tốt and no discipline, while counting everyone in the class size', () => {
    const out = classifyStudents(
      klass(20, [
        student('KHA', 7.9),
        student('CONDUCT', 9.8, { conduct: 'Khá' }),
        student('DISC', 9.7, { discipline: 'khiển trách' }),
        student('NOGPA', null),
        student('OK', 8.2, { conduct: ' tốt ' }),
      ]),
      DEFAULT_RULE_SET,
    );
    const byKey = Object.fromEntries(out.students.map((s) => [s.key, s]));
    expect(byKey['KHA']!.reasons.at(-1)).toBe('Xếp loại Khá: khen thưởng cần từ Giỏi trở lên');
    expect(byKey['CONDUCT']!.reasons.at(-1)).toBe('Rèn luyện Khá: khen thưởng cần rèn luyện Tốt');
    expect(byKey['DISC']!.reasons.at(-1)).toBe('Bị kỷ luật (khiển trách): không xét khen thưởng');
    expect(byKey['NOGPA']).toMatchObject({ band: null, commended: false });
    expect(byKey['OK']).toMatchObject({ band: 'Giỏi', commended: true });
    expect(out.classes[0]).toMatchObject({ size: 20, limit: 2, candidates: 1, commended: 1 });
  });

  it('keeps classes apart, matching class names as typed with different spacing or case', () => {
    const out = classifyStudents(
      [...klass(10, [student('A', 9.5)]), student('X', 9.9, { className: 'TC  k46' }), student('Y', 9.0, { className: 'tc k46' })],
      DEFAULT_RULE_SET,
    );
    expect(out.classes.map((c) => [c.className, c.size, c.limit, c.commended])).toEqual([
      ['TC K45', 10, 1, 1],
      ['TC k46', 2, 0, 0],
    ]);
  });
});
