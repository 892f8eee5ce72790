import { z } from 'zod';
import { parseVnNumber } from './text.ts';

/**
 * Amounts of money in whole đồng as sheets hold them: a number, or digits with thousands separators
 * ("1.500.000", "1,500,000", "1 500 000") or none ("1500000"). Anything else — "1,5 triệu", "1,5", "1tr5" — is
 * refused: a word or a decimal in an amount is a guess the service will not make. Returns undefined when the
 * text is not such an amount.
 */
export function parseDong(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/[\s\u00a0]/g, '');
  // One separator throughout, every group after the first of exactly three digits.
  const grouped = /^-?\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/.test(text);
  if (!grouped && !/^-?\d+$/.test(text)) return undefined;
  const n = parseVnNumber(text.replace(/[.,]/g, ''));
  return n !== undefined && Number.isSafeInteger(n) ? n : undefined;
}

const blank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** An optional amount in đồng: a whole number ≥ 0 (no refunds: a correction edits the row). */
export function amountField(label: string) {
  return z.preprocess(
    (value) => (blank(value) ? undefined : (parseDong(value) ?? value)),
    z
      .number({ error: `${label} phải là số tiền nguyên (đồng), chỉ gồm chữ số và dấu phân cách hàng nghìn, ví dụ 1.500.000` })
      .int(`${label} phải là số tiền nguyên (đồng), ví dụ 1.500.000`)
      .min(0, `${label} không được âm (khoản hoàn trả thì sửa lại dòng đóng góp)`)
      .max(1_000_000_000_000, `${label} quá lớn`)
      .optional(),
  );
}
