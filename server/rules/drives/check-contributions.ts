import { formatDate } from '../titles-dates.ts';
import { matchKey } from '../../contract/text.ts';
import type { DriveInput } from './drive-types.ts';

export interface ContributionCheck {
  /** The message that rejects the row, naming the Mã phong trào cell; null when the drive exists. */
  error: string | null;
  warnings: string[];
}

/**
 * A contribution against the year's register (DRV-2, DRV-6.2): a drive code not in the register rejects the
 * row (the council fixes the register first); a date outside the drive's dates is a warning.
 */
export function checkContribution(row: { driveCode: string; date: string | null }, drives: readonly DriveInput[]): ContributionCheck {
  const drive = drives.find((d) => matchKey(d.code) === matchKey(row.driveCode));
  if (!drive) return { error: `Không có phong trào mã «${row.driveCode}» trong sổ phong trào của năm`, warnings: [] };
  const warnings: string[] = [];
  if (row.date !== null && ((drive.from !== null && row.date < drive.from) || (drive.to !== null && row.date > drive.to))) {
    const span = `${drive.from ? formatDate(drive.from) : '…'} – ${drive.to ? formatDate(drive.to) : '…'}`;
    warnings.push(`Ngày ${formatDate(row.date)} ngoài thời gian của phong trào «${drive.name}» (${span})`);
  }
  return { error: null, warnings };
}
