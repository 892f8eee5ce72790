import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../../server/contract/rule-set.ts';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';
import { generateYear, SEED_FIGURES, type YearFigures } from './statistics-year.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** Pushes a generated year through the API, as the sheets would, and checks every push took all its rows. */
async function pushYear(s: TestService, f: YearFigures, seed: number): Promise<void> {
  const g = generateYear(f, seed);
  const ok = async (method: string, path: string, body: unknown) => {
    const res = await s.call(method, path, { body });
    expect(res.status, path).toBe(200);
    if (res.body.counts) expect(res.body.counts.rejected, `${path}: ${JSON.stringify(res.body.results.filter((r: any) => r.status === 'rejected'))}`).toBe(0);
    return res;
  };
  for (const [m, rows] of g.personMonths) await ok('POST', `/api/v1/months/${f.year}-${pad(m)}/people`, { rows });
  for (const [m, rows] of g.unitMonths) await ok('POST', `/api/v1/months/${f.year}-${pad(m)}/units`, { rows });
  for (const c of [...g.classes, g.decoys.otherYearClass]) {
    await ok('POST', `/api/v1/classes/${encodeURIComponent(c.name)}/students`, { rows: c.rows });
  }
  for (const c of g.classes) await ok('PUT', `/api/v1/classes/${encodeURIComponent(c.name)}/year`, { year: f.year });
  await ok('PUT', `/api/v1/classes/${encodeURIComponent(g.decoys.otherYearClass.name)}/year`, { year: f.year - 1 });
  await ok('POST', `/api/v1/years/${f.year}/movements`, { rows: g.movements });
  await ok('POST', `/api/v1/years/${f.year}/contributions`, { rows: [...g.contributions, ...g.decoys.contributions] });
}

const quotaOfAll = (rate: number) => ({
  ...DEFAULT_RULE_SET,
  // 75 HTXS in 441 person-months is more than "20 % of those rated HTT" allows in any spread over twelve months
  // (at most ⌊M/6⌋ a month), so the school's quota is read as 20 % of those rated HTT or above.
  quota: { ...DEFAULT_RULE_SET.quota, personMonth: { ...DEFAULT_RULE_SET.quota.personMonth, rate, denominator: 'htt-or-above' as const } },
});

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
});
