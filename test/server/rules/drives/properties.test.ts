import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { driveTotals } from '../../../../server/rules/drives/drive-totals.ts';
import type { ContributionInput } from '../../../../server/rules/drives/drive-types.ts';
import { visibleContributions, type Role } from '../../../../server/rules/drives/privacy.ts';

const Y = 2026;
const DRIVES = ['A', 'B', 'C'].map((code) => ({ code, name: `Quỹ ${code}`, from: null, to: null }));
const UNITS = ['Khoa A', 'Khoa B', 'Phòng C'];

const contribution: fc.Arbitrary<ContributionInput> = fc.record({
  driveCode: fc.constantFrom('A', 'B', 'C'),
  unit: fc.constantFrom(...UNITS),
  person: fc.option(fc.constantFrom('CB1', 'CB2', 'CB3', 'CB4'), { nil: null }),
  form: fc.constantFrom('money' as const, 'in-kind' as const),
  amount: fc.integer({ min: 0, max: 50_000_000 }),
  inKindValue: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: null }),
  date: fc.option(fc.constantFrom(`${Y - 1}-12-31`, `${Y}-01-01`, `${Y}-06-15`, `${Y}-12-31`, `${Y + 1}-01-01`), { nil: null }),
});

describe('drive totals (properties)', () => {
  it('sum to the same grand total per drive and per unit, and count only the year’s money', () => {
    fc.assert(
      fc.property(fc.array(contribution, { maxLength: 40 }), (rows) => {
        const t = driveTotals(Y, DRIVES, rows);
        const inYear = rows.filter((r) => r.date === null || r.date.startsWith(String(Y)));
        const expected = inYear.filter((r) => r.form === 'money').reduce((s, r) => s + (r.amount ?? 0), 0);
        expect(t.money).toBe(expected);
        expect(t.drives.reduce((s, d) => s + d.money, 0)).toBe(expected);
        expect(t.units.reduce((s, u) => s + u.money, 0)).toBe(expected);
        expect(t.inKindCount).toBe(inYear.filter((r) => r.form === 'in-kind').length);
      }),
    );
  });

  it('keep every unit’s money total and count of goods whatever the viewer may see of its people', () => {
    fc.assert(
      fc.property(fc.array(contribution, { maxLength: 40 }), fc.constantFrom<Role>('admin', 'council', 'rater', 'viewer'), (rows, role) => {
        const viewer = { role, units: ['Khoa A'] };
        const seen = visibleContributions(rows, viewer) as ContributionInput[];
        const total = (list: ContributionInput[], unit: string) =>
          list.filter((r) => r.unit === unit && r.form === 'money').reduce((s, r) => s + (r.amount ?? 0), 0);
        const goods = (list: readonly (ContributionInput & { summed?: number })[], unit: string) =>
          list.filter((r) => r.unit === unit && r.form === 'in-kind').reduce((s, r) => s + (r.summed ?? 1), 0);
        for (const unit of UNITS) {
          expect(total(seen, unit)).toBe(total(rows, unit));
          expect(goods(seen, unit)).toBe(goods(rows, unit));
        }
        if (role === 'viewer') expect(seen.every((r) => r.person === null)).toBe(true);
      }),
    );
  });
});
