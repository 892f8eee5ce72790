import type { TaskSettings } from '../../contract/task-settings.ts';
import { toTenths } from '../bands.ts';

/** A field the maxima refused, with its Vietnamese message naming the setting. */
export interface PartMaximumError {
  field: 'general' | 'results';
  message: string;
}

const RESULTS_LABEL = 'Điểm kết quả thực hiện nhiệm vụ';
const GENERAL_LABEL = 'Điểm tiêu chí chung';

/**
 * The two parts of the score against the organisation's rule set (RULES.md §1, §10): Điểm kết quả up to
 * resultsMax (NĐ 335 Điều 12 k3: 70; Hải Phòng: 80), Điểm tiêu chí chung up to the rest of 100. The
 * contract only bounds each by 100, as it cannot know the rule set: the service checks here.
 */
export function partMaximaErrors(row: { general?: number | null | undefined; results?: number | null | undefined }, settings: TaskSettings): PartMaximumError[] {
  const errors: PartMaximumError[] = [];
  const resultsMax = settings.resultsMax;
  const generalMax = 100 - resultsMax;
  if (row.results !== undefined && row.results !== null && toTenths(row.results) > toTenths(resultsMax)) {
    errors.push({ field: 'results', message: `${RESULTS_LABEL} phải từ 0 đến ${resultsMax} (resultsMax của bộ quy tắc)` });
  }
  if (row.general !== undefined && row.general !== null && toTenths(row.general) > toTenths(generalMax)) {
    errors.push({ field: 'general', message: `${GENERAL_LABEL} phải từ 0 đến ${generalMax} (100 − resultsMax ${resultsMax} của bộ quy tắc)` });
  }
  return errors;
}
