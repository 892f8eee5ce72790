import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { personRowCrossField, personRowSchema } from '../../../server/contract/person-row.ts';
import { rowChecker, shapeOf } from '../../../server/contract/row-checker.ts';
import { checkRow } from '../../../server/contract/row-validation.ts';
import { contributionRowCrossField, contributionRowSchema } from '../../../server/contract/contribution-row.ts';
import { decisionRowCrossField, decisionRowSchema } from '../../../server/contract/decision-row.ts';
import { movementRowCrossField, movementRowSchema } from '../../../server/contract/movement-row.ts';
import { pledgeRowCrossField, pledgeRowSchema } from '../../../server/contract/pledge-row.ts';
import { registrationRowCrossField, registrationRowSchema } from '../../../server/contract/registration-row.ts';
import { voteRowCrossField, voteRowSchema } from '../../../server/contract/vote-row.ts';
import { studentRowCrossField, studentRowSchema } from '../../../server/contract/students.ts';
import { taskRowCrossField, taskRowSchema } from '../../../server/contract/task-row.ts';
import { unitRowCrossField, unitRowSchema } from '../../../server/contract/unit-row.ts';
import { initiativeRowCrossField, initiativeRowSchema } from '../../../server/contract/year-initiative-row.ts';
import { personYearRowCrossField, personYearRowSchema } from '../../../server/contract/year-person-row.ts';

/** Cells as sheets and JSON bodies carry them: blanks, numbers in and out of range, Vietnamese words, odd types. */
const value = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(''),
  fc.double({ min: -10, max: 120, noNaN: true }),
  fc.integer({ min: -5, max: 105 }),
  fc.constantFrom(
    '85,5', '90', '8,25', 'x', 'Không', 'khiển trách', 'Thai sản', 'Nam', 'nữ', '12/03/2020', '2021-05-03', 'CB 01', 'CB01',
    '  a  ', 'Sáng kiến', 'Đề tài', 'Cơ sở', 'Tỉnh', 'Tốt', 'Khá', 'CSTĐCS 2019', 'Lao động tiên tiến 2020', 'Có',
    'LĐTT', 'Tập thể LĐXS', 'Tập thể', 'Cá nhân', 'Giấy khen', '1.500.000', '1,5 triệu', 'Tiền', 'Hiện vật', 'VNN2026',
  ),
  fc.string({ maxLength: 6 }),
  fc.boolean(),
  fc.constantFrom({}, [], [1]),
);

const SCHEMAS: [string, z.ZodType, (row: Record<string, unknown>) => boolean][] = [
  ['person', personRowSchema, personRowCrossField],
  ['unit', unitRowSchema, unitRowCrossField],
  ['year', personYearRowSchema, personYearRowCrossField],
  ['initiative', initiativeRowSchema, initiativeRowCrossField],
  ['student', studentRowSchema, studentRowCrossField],
  ['task', taskRowSchema, taskRowCrossField],
  ['registration', registrationRowSchema, registrationRowCrossField],
  ['pledge', pledgeRowSchema, pledgeRowCrossField],
  ['vote', voteRowSchema, voteRowCrossField],
  ['decision', decisionRowSchema, decisionRowCrossField],
  ['movement', movementRowSchema, movementRowCrossField],
  ['contribution', contributionRowSchema, contributionRowCrossField],
];

const rowsOf = (schema: z.ZodType) => {
  const fields = Object.keys(shapeOf(schema));
  return fc.record(Object.fromEntries(fields.map((f) => [f, f === 'ref' ? fc.oneof(fc.integer({ min: 1, max: 1e6 }), value) : value])), {
    requiredKeys: [],
  });
};

describe('rowChecker (checkRow kept cheap for the many rows of a sheet)', () => {
  for (const [name, schema, crossField] of SCHEMAS) {
    it(`gives exactly what checkRow gives, for ${name} rows, with verdicts kept across rows`, () => {
      const checker = rowChecker(schema, crossField);
      fc.assert(
        fc.property(fc.array(rowsOf(schema), { minLength: 1, maxLength: 8 }), (rows) => {
          for (const row of rows) expect(checker.check(row)).toStrictEqual(checkRow(schema, row));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('refuses what is not a row as checkRow does', () => {
    const checker = rowChecker(personRowSchema, personRowCrossField);
    for (const input of [null, 'dòng', 12, [], [{ name: 'A' }]]) {
      expect(checker.check(input)).toStrictEqual(checkRow(personRowSchema, input));
    }
  });

  it('would be caught by the property above if a cross-field rule had no predicate', () => {
    // Both score parts given with a score that is not their sum: only the object's transform refuses it.
    const row = { name: 'Lò Văn A', unit: 'Khoa Dân vận', score: 90, general: 25, results: 40 };
    expect(checkRow(personRowSchema, row).ok).toBe(false);
    expect(rowChecker(personRowSchema, () => false).check(row).ok).toBe(true);
    expect(rowChecker(personRowSchema, personRowCrossField).check(row)).toStrictEqual(checkRow(personRowSchema, row));
  });

  it('reads one field as the contract does', () => {
    const checker = rowChecker(personRowSchema, personRowCrossField);
    expect(checker.field('score', '85,5')).toBe(85.5);
    expect(checker.field('score', 'tám')).toBe('tám');
    expect(checker.field('nothing', 'x')).toBe('x');
  });

  it('does not share a parsed list between rows', () => {
    const checker = rowChecker(personYearRowSchema, personYearRowCrossField);
    const a = checker.check({ name: 'A', unit: 'B', priorTitles: 'CSTĐCS 2019' });
    const b = checker.check({ name: 'C', unit: 'B', priorTitles: 'CSTĐCS 2019' });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok && typeof a.value.priorTitles === 'object') expect(a.value.priorTitles).not.toBe(b.value.priorTitles);
  });

  it('keeps 0 and -0 apart as the contract does (a Map takes them as one key)', () => {
    const checker = rowChecker(studentRowSchema, studentRowCrossField);
    for (const [first, second] of [[-0, 0], [0, -0]]) {
      const a = checker.check({ name: 'A', gpa: first });
      const b = checker.check({ name: 'B', gpa: second });
      expect(a).toEqual(checkRow(studentRowSchema, { name: 'A', gpa: first }));
      expect(b).toEqual(checkRow(studentRowSchema, { name: 'B', gpa: second }));
    }
  });
});
