import { headerWords } from './header-aliases.ts';
import type { CellValue } from './types.ts';

/**
 * Where the table ends. Below the rows, familiar sheets carry a total ("Tổng cộng"), a date line
 * ("Sơn La, ngày 31 tháng 10 năm 2021") and signatures ("NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ"), often after a
 * blank row or two; blank rows inside the table are skipped.
 */

const FOOTER =
  /^(?:nguoi lap|tong cong$|cong$|tong so$|tong$|xac nhan|ky ten|ky ghi ro|thu truong)|(?:^| )ngay(?: \d+)? thang(?: \d+)? nam(?: |$)/;

export function isFooterText(value: CellValue | undefined): boolean {
  return typeof value === 'string' && value.length < 200 && FOOTER.test(headerWords(value));
}

export function hasFooterText(values: readonly CellValue[]): boolean {
  for (const value of values) if (isFooterText(value)) return true;
  return false;
}

const COLUMN_NUMBER = /^\(?(\d{1,2}|[A-Za-z])\)?$/;

/** The row of column numbers ("(1) (2) (3)…", 1 2 3… or A B C…) that official forms put under the header. */
export function isNumberingRow(values: readonly CellValue[]): boolean {
  let count = 0;
  let previous = -1;
  for (const value of values) {
    if (value === null || value === undefined || value === '') continue;
    let n: number;
    if (typeof value === 'number') n = value;
    else if (typeof value === 'string') {
      const m = COLUMN_NUMBER.exec(value.trim());
      if (!m) return false;
      const token = m[1]!;
      n = /\d/.test(token) ? Number(token) : token.toUpperCase().charCodeAt(0) - 64;
    } else return false;
    if (!Number.isInteger(n) || (previous !== -1 && n !== previous + 1)) return false;
    previous = n;
    count++;
  }
  return count >= 3;
}
