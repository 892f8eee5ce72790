import { lowerKey } from '../cell-text.ts';
import type { MonthPushMinimal, UnitMonth, UnitPushResponse } from '../../../server/contract/push.ts';
import type { ComputedUnit } from '../../../server/contract/results.ts';
import { UNIT_FIELD_LABELS, unitRowCrossField, unitRowSchema } from '../../../server/contract/unit-row.ts';
import { textOf } from './keys.ts';
import { MONTH_ALIASES } from './person.ts';
import { PEOPLE_COMPUTED, RATING_FIELDS, SCORE, reasonsText } from './shared.ts';
import { apiPath, rowsAsAnswered, type KindSpec } from './spec.ts';

/** RULES.md §2: a month of units (khoa, phòng): its name, the score and its parts, the gates, discipline, a note. */

/** Units: their name. */
export function unitKey(input: Record<string, unknown>): string | null {
  const unit = textOf(input.unit);
  return unit ? lowerKey(unit) : null;
}

export const unit: KindSpec<ComputedUnit, UnitMonth, UnitPushResponse, MonthPushMinimal> = {
  title: { vi: 'Khoa, phòng', en: 'Departments' },
  schema: unitRowSchema,
  labels: UNIT_FIELD_LABELS,
  fields: ['unit', ...RATING_FIELDS],
  required: [{ field: 'unit' }, SCORE],
  aliases: MONTH_ALIASES,
  computed: PEOPLE_COMPUTED,
  period: 'month',
  dataRow: { any: [['unit']], notFooter: 'unit', otherInput: true },
  key: unitKey,
  duplicate: (input, others) => ({ field: 'unit', message: `Đơn vị "${textOf(input.unit)}" bị trùng với dòng ${others}` }),
  crossField: unitRowCrossField,
  rosterCodes: false,
  match: {
    key: (c) => lowerKey(c.unit),
    altKey: () => null,
    rowKey: unitKey,
    resultKey: () => null,
    rowAltKey: () => null,
    values: (c) => ({ classification: c.label, rankInUnit: '', rankInOrg: c.rankInOrg ?? '', explanation: reasonsText(c) }),
    version: (c) => c.version,
  },
  endpoint: { path: apiPath('months', 'units'), answer: rowsAsAnswered },
};
