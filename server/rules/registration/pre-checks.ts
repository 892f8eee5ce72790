import type { DossierSettings } from '../../contract/dossier-settings.ts';
import { formatDate, yearOf } from '../titles-dates.ts';
import type { Initiative, TitleHistoryYear } from '../year-types.ts';
import type { RegistrationInput } from './registration-input.ts';

export interface PreCheckInput {
  registration: RegistrationInput;
  /** Earlier years (service, decisions, typed prior titles), as the title rules get them. */
  history: readonly TitleHistoryYear[];
  initiatives: readonly Initiative[];
  recruitedOn: string | null;
}

const PROVINCE_OR_ABOVE = new Set(['tinh', 'toan-quoc']);

/**
 * The warnings written back on a registration at sync time (research/next-capabilities.md REG-2): what the
 * registered title will still need, from what the service knows now. They never reject a row nor change a
 * proposal; the title rules decide at year end (RULES.md §6).
 */
export function registrationWarnings(year: number, input: PreCheckInput, settings: Pick<DossierSettings, 'registrationDeadline'>): string[] {
  const { registration, history, initiatives } = input;
  const warnings: string[] = [];
  const had = (y: number, title: 'CSTDCS') => history.some((h) => h.year === y && h.titles.includes(title));
  const htxs = (y: number) => history.some((h) => h.year === y && h.level === 'HTXS');
  const recognisedFrom = (from: number, levels?: Set<string>) =>
    initiatives.filter((i) => {
      const y = yearOf(i.recognisedOn);
      return y >= from && y <= year && (!levels || levels.has(i.level));
    });

  if (registration.titleRegistered === 'CSTD_TINH') {
    if (!(had(year - 2, 'CSTDCS') && had(year - 1, 'CSTDCS'))) {
      warnings.push(`Chưa có CSTĐCS liên tục 2 năm liền trước (${year - 2}, ${year - 1}; năm ${year} phải là năm thứ 3) (Luật TĐKT Điều 22)`);
    }
    if (recognisedFrom(year - 2, PROVINCE_OR_ABOVE).length === 0) {
      warnings.push(`Cần sáng kiến cấp tỉnh trong năm (chưa có sáng kiến được công nhận cấp tỉnh từ ${year - 2} đến nay; Luật TĐKT Điều 22)`);
    }
  }
  if (registration.awardRegistered === 'BANG_KHEN_TINH' && registration.holder === 'person') {
    if (!had(year - 1, 'CSTDCS') && !htxs(year - 1)) {
      warnings.push(`Năm ${year - 1} chưa CSTĐCS/HTXS (cần 2 năm liên tục ${year - 1}, ${year}; Luật TĐKT Điều 74 khoản 1 điểm d)`);
    }
    const known = recognisedFrom(year - 1).length;
    if (known < 2) {
      warnings.push(`Cần 2 sáng kiến được công nhận trong các năm ${year - 1}, ${year} (hiện có ${known}; Luật TĐKT Điều 74 khoản 1 điểm d)`);
    }
  }
  const late = lateRegistration(year, registration.registeredOn, input.recruitedOn, settings.registrationDeadline);
  if (late) warnings.push(late);
  return warnings;
}

/**
 * «Đăng ký muộn (hạn dd/mm)» when the registration is dated after the deadline of the year and the person was
 * recruited by then; someone recruited after the deadline could not have registered in time, so is never late.
 */
export function lateRegistration(year: number, registeredOn: string | null, recruitedOn: string | null, deadline: string | null): string | null {
  if (deadline === null || registeredOn === null) return null;
  const due = `${String(year).padStart(4, '0')}-${deadline}`;
  if (registeredOn <= due) return null;
  if (recruitedOn !== null && recruitedOn > due) return null;
  return `Đăng ký muộn (hạn ${formatDate(due).slice(0, 5)}; registrationDeadline, quy chế đơn vị)`;
}

/**
 * A registration's date must fall in the sheet's year or in December of the year before (REG-1). Returns the
 * Vietnamese message for the Ngày đăng ký cell, or null.
 */
export function registrationDateIssue(year: number, registeredOn: string | null | undefined): string | null {
  if (!registeredOn) return null;
  const earliest = `${year - 1}-12-01`;
  const latest = `${year}-12-31`;
  if (registeredOn >= earliest && registeredOn <= latest) return null;
  return `Ngày đăng ký ${formatDate(registeredOn)} phải trong năm ${year} hoặc tháng 12/${year - 1}`;
}
