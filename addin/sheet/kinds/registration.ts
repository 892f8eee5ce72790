import type { RegistrationComparison } from '../../../server/contract/year-results.ts';
import type { RegistrationPushMinimal, RegistrationPushResponse, RegistrationSheet } from '../../../server/contract/registration-sheets.ts';
import {
  REGISTRATION_FIELD_LABELS,
  registrationHolder,
  registrationRowCrossField,
  registrationRowSchema,
} from '../../../server/contract/registration-row.ts';
import type { Holder } from '../../../server/contract/dossier-titles.ts';
import { TRACK_LABELS } from '../../../server/rules/registration/tracks.ts';
import { has, jobTitle, note, oneOf, rule, staffCode, unit, type AliasRule } from './alias-parts.ts';
import { holderMatch, holderRowKey, holderWords, parsedOr } from './holder-keys.ts';
import { textOf } from './keys.ts';
import { EXPLANATION, SYNC_STATUS } from './shared.ts';
import { apiPath, rowsAsAnswered, type KindSpec } from './spec.ts';

/**
 * "Đăng ký thi đua <YYYY>" (research/next-capabilities.md REG-1): who (a person, or a collective by its unit)
 * registers which title and commendation for the year. Written back: the pre-checks at sync time (REG-2), and
 * after Làm mới the year-end comparison with the proposals (REG-3) and its failing conditions.
 */

export type RegistrationView = RegistrationSheet['rows'][number];

export const REGISTRATION_ALIASES: readonly AliasRule[] = [
  note,
  staffCode,
  rule('registeredOn', (k) => has('ngaydangky', 'thoigiandangky')(k) || k.startsWith('ngay')),
  rule('initiativeRegistered', has('sangkien', 'detai')),
  rule('pledge', has('chitieu', 'camket', 'giaouoc')),
  rule('holder', (k) => has('doituong', 'canhantapthe')(k)),
  // "Đăng ký thi đua, khen thưởng" over "Thi đua" and "Khen thưởng" (the school sector's form): the sub-column decides.
  rule('titleRegistered', (k) => has('danhhieu')(k) || k.endsWith('thidua')),
  rule('awardRegistered', has('khenthuong', 'hinhthuc')),
  // A collective's row names its unit: "Tên tập thể" is the unit, so the row is the collective's.
  rule('unit', has('tentapthe')),
  rule('name', (k) => has('hovaten', 'hoten')(k) || k === 'ten' || k === 'tencanbo'),
  unit,
  jobTitle,
  rule(null, oneOf('gioitinh', 'namsinh', 'ngaysinh')),
];

/** A row's holder as the contract reads it: a collective's title without a code, or no person named, is the unit's. */
export function registrationRowHolder(input: Record<string, unknown>): Holder {
  const shape = registrationRowSchema.shape;
  const code = textOf(input.code).trim();
  const name = textOf(input.name).trim();
  return registrationHolder({
    holder: parsedOr(shape.holder, input.holder),
    titleRegistered: parsedOr(shape.titleRegistered, input.titleRegistered),
    ...(code ? { code } : {}),
    ...(name ? { name } : {}),
  });
}

const noSuffix = () => '';

/** The comparison as one cell: the outcome, or each ladder's when the row registered on two. */
export function comparisonText(comparison: readonly RegistrationComparison[] | undefined): { outcome: string; reasons: string } {
  const shown = (comparison ?? []).filter((c) => c.outcome !== null);
  const outcome =
    shown.length === 1 ? shown[0]!.outcome! : shown.map((c) => `${TRACK_LABELS[c.track]}: ${c.outcome}`).join('; ');
  return { outcome, reasons: (comparison ?? []).flatMap((c) => c.reasons).join('; ') };
}

export const registration: KindSpec<RegistrationView, RegistrationSheet, RegistrationPushResponse, RegistrationPushMinimal> = {
  title: { vi: 'Đăng ký thi đua (năm)', en: 'Emulation registration (year)' },
  schema: registrationRowSchema,
  labels: REGISTRATION_FIELD_LABELS,
  fields: ['code', 'name', 'unit', 'title', 'holder', 'titleRegistered', 'awardRegistered', 'initiativeRegistered', 'pledge', 'registeredOn', 'note'],
  required: [{ field: 'unit' }, { field: 'titleRegistered', or: ['awardRegistered'] }],
  aliases: REGISTRATION_ALIASES,
  computed: [
    { column: 'registrationCheck', header: 'Kiểm tra đăng ký' },
    { column: 'registrationOutcome', header: 'Kết quả so với đăng ký' },
    EXPLANATION,
    SYNC_STATUS,
  ],
  period: 'year',
  dataRow: { any: [['unit']], notFooter: 'unit' },
  key: holderRowKey(registrationRowHolder, noSuffix),
  duplicate: (input, others) => {
    const { field, words } = holderWords(registrationRowHolder(input), input);
    return { field, message: `${words} đăng ký hai lần (cùng dòng ${others}): mỗi người, mỗi tập thể chỉ một dòng mỗi năm` };
  },
  crossField: registrationRowCrossField,
  rosterCodes: false,
  match: holderMatch<RegistrationView>(registrationRowHolder, noSuffix, () => '', {
    values: (c) => {
      const { outcome, reasons } = comparisonText(c.comparison);
      return { registrationCheck: c.warnings.join('; '), registrationOutcome: outcome, explanation: reasons };
    },
    version: (c) => c.version,
  }),
  endpoint: { path: apiPath('years', 'registrations'), answer: rowsAsAnswered },
};
