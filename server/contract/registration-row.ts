import { z } from 'zod';
import {
  AWARD_TITLES,
  PERSON_EMULATION_TITLES,
  UNIT_EMULATION_TITLES,
  holderField,
  holderMismatchMessage,
  titleField,
  titleFitsHolder,
  type DossierTitle,
  type Holder,
} from './dossier-titles.ts';
import { baseVersionField, dateField, refField, requiredTextField, textField } from './fields.ts';
import { PERSON_IDENTITY_LABELS, staffCodeField } from './person-identity.ts';

export const REGISTRATION_FIELD_LABELS = {
  code: PERSON_IDENTITY_LABELS.code,
  name: PERSON_IDENTITY_LABELS.name,
  unit: PERSON_IDENTITY_LABELS.unit,
  title: PERSON_IDENTITY_LABELS.title,
  holder: 'Đối tượng',
  titleRegistered: 'Danh hiệu đăng ký',
  awardRegistered: 'Hình thức khen thưởng đăng ký',
  initiativeRegistered: 'Sáng kiến/đề tài đăng ký',
  pledge: 'Chỉ tiêu cam kết',
  registeredOn: 'Ngày đăng ký',
  note: 'Ghi chú',
} as const;

const L = REGISTRATION_FIELD_LABELS;

/**
 * A row is a collective's when it says so, when it registers a collective's title (its "Tên tập thể" may fill
 * the name column), or when it names neither a staff code nor a person.
 */
export function registrationHolder(row: {
  holder?: Holder | undefined;
  code?: string | undefined;
  name?: string | undefined;
  titleRegistered?: DossierTitle | undefined;
}): Holder {
  if (row.holder) return row.holder;
  if (row.titleRegistered && (UNIT_EMULATION_TITLES as readonly string[]).includes(row.titleRegistered) && !row.code) return 'unit';
  return row.code || row.name ? 'person' : 'unit';
}

/**
 * One row of the sheet "Đăng ký thi đua <YYYY>" (research/next-capabilities.md REG-1): a person's or a
 * collective's intended title and commendation for the year, with the pledge. Both blank records a pledge
 * only. The date's year is checked against the sheet's by `registrationDateIssue` (server/rules/registration).
 */
export const registrationRowSchema = z
  .object({
    ref: refField.describe('Where the row came from (e.g. the sheet row number); echoed back in the result'),
    code: staffCodeField,
    name: textField(L.name, 200),
    unit: requiredTextField(L.unit, 200),
    title: textField(L.title, 200),
    holder: holderField(L.holder),
    titleRegistered: titleField(L.titleRegistered, [...PERSON_EMULATION_TITLES, ...UNIT_EMULATION_TITLES]),
    awardRegistered: titleField(L.awardRegistered, AWARD_TITLES),
    initiativeRegistered: textField(L.initiativeRegistered, 500),
    pledge: textField(L.pledge, 2000),
    registeredOn: dateField(L.registeredOn),
    note: textField(L.note, 2000),
    baseVersion: baseVersionField.describe('The version of the stored row this row was last synced with'),
  })
  .superRefine((row, ctx) => {
    const holder = registrationHolder(row);
    if (holder === 'person' && !row.name) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: `Thiếu ${L.name} (dòng cá nhân)` });
    }
    if (row.titleRegistered && !titleFitsHolder(row.titleRegistered, holder)) {
      ctx.addIssue({ code: 'custom', path: ['titleRegistered'], message: holderMismatchMessage(row.titleRegistered, holder, 'đăng ký') });
    }
  })
  .meta({ id: 'RegistrationRow' });

export type RegistrationRowInput = z.input<typeof registrationRowSchema>;
export type RegistrationRow = z.output<typeof registrationRowSchema>;

/** Who and which title are checked across fields: every row is checked whole (see row-checker.ts). */
export const registrationRowCrossField = () => true;
