import type { TaskSettings } from '../../contract/task-settings.ts';
import { toTenths } from '../bands.ts';
import { selfGapReason } from './task-reasons.ts';

/**
 * Research §3.3 TASK-5: a self score (Điểm tự chấm) that far or further from the assessed score (Điểm đánh
 * giá) is flagged, never changed; the distance is taken in whole tenths. Null when either is blank.
 */
export function selfGapWarning(selfScore: number | null | undefined, score: number | null | undefined, settings: TaskSettings): string | null {
  if (selfScore === null || selfScore === undefined || score === null || score === undefined) return null;
  const gapTenths = Math.abs(toTenths(selfScore) - toTenths(score));
  return gapTenths >= toTenths(settings.selfGapWarn) ? selfGapReason(gapTenths / 10) : null;
}
