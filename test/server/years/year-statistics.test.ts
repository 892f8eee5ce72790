import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';
import { pushYear, quotaOfAll, SEED_FIGURES, type YearFigures } from './statistics-year.ts';

describe.each(testDatabases())('the year’s statistics (DOC-7) on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
    expect((await s.call('PUT', '/api/v1/rule-set', { body: quotaOfAll(20) })).status).toBe(200);
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('finds the seed article’s figures in a year built from them: 441 person-months, 25 of 45 unit-months HTXS, 75 HTXS, 52 students, hơn 28 triệu đồng', async () => {
    await pushYear(s, SEED_FIGURES, 2021);
    const res = await s.call('GET', '/api/v1/years/2021/statistics');
    expect(res.status).toBe(200);
    const st = res.body;
    expect(st.personMonths.total).toBe(441);
    expect(st.htxsPersonMonths).toBe(75);
    expect(st.personMonths.byLevel.HTXS).toBe(75);
    expect(st.unitMonths.total).toBe(45);
    expect(st.unitMonths.byLevel.HTXS).toBe(25);
    expect(st.students.commended).toBe(52);
    expect(st.students.byClass.length).toBeGreaterThanOrEqual(SEED_FIGURES.classes);
    expect(st.drives).toMatchObject({ count: 4, money: 28_250_000, phrase: 'hơn 28 triệu đồng', inKindCount: 1 });
    const line = (label: string) => st.lines.find((l: any) => l.label === label)?.value;
    expect(line('Lượt cá nhân được đánh giá, xếp loại')).toBe(441);
    expect(line('Lượt khoa, phòng được đánh giá, xếp loại')).toBe(45);
    expect(line('Lượt cá nhân Hoàn thành xuất sắc nhiệm vụ')).toBe(75);
    expect(line('Học viên được khen thưởng')).toBe(52);
    expect(line('Tổng số tiền ủng hộ')).toBe('hơn 28 triệu đồng');
    expect(line('Tổng số tiền ủng hộ (đồng)')).toBe(28_250_000);
  });

  it('finds another year’s figures the same way (the generator is general, not the seed laid out)', async () => {
    const figures: YearFigures = {
      ...SEED_FIGURES,
      year: 2031,
      staff: 37,
      units: 4,
      personMonths: 300,
      htxsPersonMonths: 41,
      unitMonths: 38,
      unitHtxs: 9,
      studentsCommended: 17,
      classes: 5,
      money: 9_999_000,
      drives: 2,
    };
    await pushYear(s, figures, 7);
    const st = (await s.call('GET', '/api/v1/years/2031/statistics')).body;
    expect([st.personMonths.total, st.htxsPersonMonths, st.unitMonths.total, st.unitMonths.byLevel.HTXS, st.students.commended]).toEqual([300, 41, 38, 9, 17]);
    expect(st.drives).toMatchObject({ count: 2, money: 9_999_000, phrase: 'hơn 9 triệu đồng' });
    // The money left out above: goods without a value, and 5,000,000 đ dated in 2032 (DRV-6.1, 6.4); the other class is 2030's.
    expect((await s.call('GET', '/api/v1/years/2030/statistics')).body.students.commended).toBe(3);
  });

  it('names a class tied to no year, in the answer and as a line, and shows each class’s year in /classes', async () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ code: `HVN${i}`, name: `Học viên ${i}`, gpa: 9 - i * 0.2, conduct: 'Tốt' }));
    expect((await s.call('POST', `/api/v1/classes/${encodeURIComponent('Lớp chưa gắn năm')}/students`, { body: { rows } })).body.counts.rejected).toBe(0);
    const classes = (await s.call('GET', '/api/v1/classes')).body.classes;
    expect(classes.find((c: any) => c.class === 'Lớp chưa gắn năm')).toMatchObject({ students: 10, year: null });
    expect(classes.filter((c: any) => c.year === 2031).length).toBeGreaterThanOrEqual(5);
    const label = 'Lớp chưa gắn với năm nào (học viên được khen thưởng chưa được tính)';
    const before = (await s.call('GET', '/api/v1/years/2031/statistics')).body;
    expect(before.students.withoutYear).toEqual(['Lớp chưa gắn năm']);
    expect(before.lines.find((l: any) => l.label === label)?.value).toBe('Lớp chưa gắn năm');
    expect(before.students.commended).toBe(17);
    expect((await s.call('PUT', `/api/v1/classes/${encodeURIComponent('Lớp chưa gắn năm')}/year`, { body: { year: 2031 } })).status).toBe(200);
    expect((await s.call('GET', '/api/v1/classes')).body.classes.find((c: any) => c.class === 'Lớp chưa gắn năm').year).toBe(2031);
    const after = (await s.call('GET', '/api/v1/years/2031/statistics')).body;
    expect(after.students.withoutYear).toEqual([]);
    expect(after.lines.some((l: any) => l.label === label)).toBe(false);
    expect(after.students.commended).toBe(18);
  });
});
