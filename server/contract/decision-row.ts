import { z } from 'zod';
import { countField } from './count-field.ts';
import {
  DOSSIER_TITLES,
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

export const DECISION_FIELD_LABELS = {
  decisionNo: 'Số quyết định',
  decidedOn: 'Ngày quyết định',
  issuer: 'Cơ quan ban hành',
  holder: 'Đối tượng',
  code: PERSON_IDENTITY_LABELS.code,
  unit: PERSON_IDENTITY_LABELS.unit,
  name: PERSON_IDENTITY_LABELS.name,
  title: 'Danh hiệu/Hình thức',
  achievementYear: 'Năm thành tích',
  goldBookNo: 'Số sổ vàng',
  note: 'Ghi chú',
} as const;

const L = DECISION_FIELD_LABELS;

/** As the row says; else as the title says; a commendation naming nobody is the unit's. */
export function decisionHolder(row: {
  holder?: Holder | undefined;
  title?: DossierTitle | undefined;
  code?: string | undefined;
  name?: string | undefined;
}): Holder {
  if (row.holder) return row.holder;
  if (row.title && (UNIT_EMULATION_TITLES as readonly string[]).includes(row.title)) return 'unit';
  if (row.title && (PERSON_EMULATION_TITLES as readonly string[]).includes(row.title)) return 'person';
  return row.code || row.name ? 'person' : 'unit';
}

/**
 * One awarded title or commendation of "Quyết định khen thưởng <YYYY>" (research/next-capabilities.md
 * DOC-5), keyed by holder, title and Năm thành tích (the year the title is for, which may differ from the
 * decision's). Later years look back on these instead of the typed "Danh hiệu các năm trước".
 */
export const decisionRowSchema = z
  .object({
    ref: refField.describe('Where the row came from (e.g. the sheet row number); echoed back in the result'),
    decisionNo: requiredTextField(L.decisionNo, 50),
    decidedOn: dateField(L.decidedOn),
    issuer: textField(L.issuer, 200),
    holder: holderField(L.holder),
    code: staffCodeField,
    unit: textField(L.unit, 200),
    name: textField(L.name, 200),
    title: titleField(L.title, DOSSIER_TITLES),
    achievementYear: countField(L.achievementYear, 1900, 2199),
    goldBookNo: textField(L.goldBookNo, 50),
    note: textField(L.note, 2000),
    baseVersion: baseVersionField.describe('The version of the stored row this row was last synced with'),
  })
  .superRefine((row, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const holder = decisionHolder(row);
    if (row.decidedOn === undefined) issue('decidedOn', `Thiếu ${L.decidedOn}`);
    if (row.title === undefined) issue('title', `Thiếu ${L.title}`);
    else if (!titleFitsHolder(row.title, holder)) issue('title', holderMismatchMessage(row.title, holder, 'tặng'));
    if (row.achievementYear === undefined) issue('achievementYear', `Thiếu ${L.achievementYear}`);
    if (holder === 'person' && !row.code && !(row.name && row.unit)) issue('code', `Cần ${L.code}, hoặc ${L.name} và ${L.unit}`);
    if (holder === 'unit' && !row.unit) issue('unit', `Thiếu ${L.unit} (tập thể được khen thưởng)`);
  })
  .meta({ id: 'DecisionRow' });

export type DecisionRowInput = z.input<typeof decisionRowSchema>;
export type DecisionRow = z.output<typeof decisionRowSchema>;

/** Who, the title and the year are checked across fields: every row is checked whole (see row-checker.ts). */
export const decisionRowCrossField = () => true;
