import { z } from 'zod';
import { countField } from './count-field.ts';
import { DOSSIER_TITLES, PERSON_EMULATION_TITLES, UNIT_EMULATION_TITLES, titleField, type DossierTitle, type Holder } from './dossier-titles.ts';
import { baseVersionField, refField, textField } from './fields.ts';
import { PERSON_IDENTITY_LABELS, staffCodeField } from './person-identity.ts';

export const VOTE_FIELD_LABELS = {
  code: PERSON_IDENTITY_LABELS.code,
  unit: PERSON_IDENTITY_LABELS.unit,
  name: PERSON_IDENTITY_LABELS.name,
  title: 'Danh hiệu',
  members: 'Số thành viên Hội đồng',
  present: 'Số thành viên dự họp',
  agree: 'Số phiếu đồng ý',
  note: 'Ghi chú',
} as const;

const L = VOTE_FIELD_LABELS;

/** A collective's title is voted for the unit, a person's for the person; a commendation naming nobody for the unit. */
export function voteHolder(row: { title: DossierTitle; code?: string | undefined; name?: string | undefined }): Holder {
  if ((UNIT_EMULATION_TITLES as readonly string[]).includes(row.title)) return 'unit';
  if ((PERSON_EMULATION_TITLES as readonly string[]).includes(row.title)) return 'person';
  return row.code || row.name ? 'person' : 'unit';
}

/**
 * One row of "Kết quả bình xét <YYYY>" (research/next-capabilities.md DOC-2): the council's vote on one
 * holder's title. Tỷ lệ đồng ý and Kết quả are computed (server/rules/votes) with the rule set's
 * `voteThresholds` and `voteDenominator`; a quorum below the setting is a warning, never a refusal.
 */
export const voteRowSchema = z
  .object({
    ref: refField.describe('Where the row came from (e.g. the sheet row number); echoed back in the result'),
    code: staffCodeField,
    unit: textField(L.unit, 200),
    name: textField(L.name, 200),
    title: titleField(L.title, DOSSIER_TITLES),
    members: countField(L.members),
    present: countField(L.present),
    agree: countField(L.agree),
    note: textField(L.note, 2000),
    baseVersion: baseVersionField.describe('The version of the stored row this row was last synced with'),
  })
  .superRefine((row, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (row.title === undefined) issue('title', `Thiếu ${L.title}`);
    else if (voteHolder({ ...row, title: row.title }) === 'person' ? !row.code && !(row.name && row.unit) : !row.unit) {
      issue('code', (UNIT_EMULATION_TITLES as readonly string[]).includes(row.title) ? `Thiếu ${L.unit} (tập thể được biểu quyết)` : `Cần ${L.code}, hoặc ${L.name} và ${L.unit}`);
    }
    const { members, present, agree } = row;
    if (members === undefined) issue('members', `Thiếu ${L.members}`);
    else if (members < 1) issue('members', `${L.members} phải từ 1 trở lên`);
    if (agree === undefined) issue('agree', `Thiếu ${L.agree}`);
    if (members !== undefined && members >= 1) {
      if (agree !== undefined && agree > members) issue('agree', `${L.agree} (${agree}) lớn hơn ${L.members} (${members})`);
      if (present !== undefined && present > members) issue('present', `${L.present} (${present}) lớn hơn ${L.members} (${members})`);
    }
  })
  .meta({ id: 'VoteRow' });

export type VoteRowInput = z.input<typeof voteRowSchema>;
export type VoteRow = z.output<typeof voteRowSchema>;

/** Counts and the holder are checked across fields: every row is checked whole (see row-checker.ts). */
export const voteRowCrossField = () => true;
