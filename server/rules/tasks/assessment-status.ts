import type { ROLES } from '../../contract/admin.ts';
import { ASSESSMENT_STATUSES, ASSESSMENT_STATUS_LABELS, type AssessmentStatus } from '../../contract/assessment-status.ts';

export interface StatusChange {
  /** The row's status now; blank rows start at Tự chấm. */
  from: AssessmentStatus | null;
  to: AssessmentStatus;
  role: (typeof ROLES)[number];
  /** The row's unit is one of the caller's units (a rater's remit). */
  ownUnit: boolean;
  /** The month is finalised (RULES.md §7): nothing changes until the council reopens it. */
  monthFinalised: boolean;
}

export type StatusVerdict = { ok: true } | { ok: false; message: string };

const order = (s: AssessmentStatus) => ASSESSMENT_STATUSES.indexOf(s);
const RATER_CEILING = order('truong-don-vi');
const label = (s: AssessmentStatus) => `«${ASSESSMENT_STATUS_LABELS[s]}»`;

/**
 * Research §3.3 TASK-5: Tự chấm → Trưởng đơn vị → Hội đồng → Đã chốt. A rater moves their own units' rows
 * between the first two; the council and admin set any status, back or forward; a viewer sets none. A
 * row the council has taken is out of a rater's hands, and a finalised month refuses every change.
 */
export function checkStatusChange(change: StatusChange): StatusVerdict {
  const from = change.from ?? 'tu-cham';
  if (change.monthFinalised) {
    return { ok: false, message: 'Tháng đã chốt: Hội đồng mở lại tháng trước khi đổi trạng thái đánh giá' };
  }
  if (from === change.to) return { ok: true };
  switch (change.role) {
    case 'admin':
    case 'council':
      return { ok: true };
    case 'rater':
      if (!change.ownUnit) return { ok: false, message: 'Chỉ đổi được trạng thái đánh giá của đơn vị mình phụ trách' };
      if (order(change.to) > RATER_CEILING) {
        return { ok: false, message: `Chỉ Hội đồng hoặc quản trị mới chuyển trạng thái đánh giá sang ${label(change.to)}` };
      }
      if (order(from) > RATER_CEILING) {
        return { ok: false, message: `Đánh giá đang ở bước ${label(from)}: chỉ Hội đồng hoặc quản trị mới đổi được` };
      }
      return { ok: true };
    case 'viewer':
      return { ok: false, message: 'Tài khoản chỉ xem không đổi được trạng thái đánh giá' };
  }
}
