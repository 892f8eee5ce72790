import { matchKey } from '../../contract/text.ts';
import { formatMoney } from '../rewards.ts';
import type { DriveTotals } from './drive-totals.ts';

/**
 * DRV-5: "Phong trào tham gia: n/N; đóng góp: X đồng", the information a unit's year shows when the rule set's
 * `movementsInUnitYear` is `show`: of the N drives in the year's register, the n the unit gave to, and its money.
 * It is information only: no source counts drives in a unit's level or titles [U], so nothing reads it back.
 */
export function unitMovementLine(totals: DriveTotals, unit: string): string {
  const own = totals.units.find((u) => matchKey(u.unit) === matchKey(unit));
  return `Phong trào tham gia: ${own?.drives ?? 0}/${totals.drives.length}; đóng góp: ${formatMoney(own?.money ?? 0)} đồng`;
}

/** The explanation under the column: whose setting it is, and that it decides nothing. */
export const UNIT_MOVEMENTS_NOTE =
  'Cột "Phong trào, đóng góp" chỉ để tham khảo: hiện theo cài đặt movementsInUnitYear = show của đơn vị (quy chế của đơn vị; ' +
  'chưa xác minh văn bản nào tính phong trào, đóng góp vào xếp loại hay danh hiệu), không dùng để xếp loại, tính tỷ lệ hay xét danh hiệu.';
