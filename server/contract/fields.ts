import { z } from 'zod';
import { DISCIPLINES, type Discipline } from './levels.ts';
import { cleanText, foldDiacritics, isStorableText, parseVnNumber, unstorableMessage } from './text.ts';

/**
 * Field builders shared by every row schema. Sheets give strings where numbers are meant ("85,5") and
 * empty strings for blank cells, so each builder accepts what a cell can hold and says in Vietnamese,
 * naming the field, what is wrong.
 */

const blankToUndefined = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '') ? undefined : value;

export function hasAtMostOneDecimal(value: number): boolean {
  return Math.abs(value * 10 - Math.round(value * 10)) < 1e-7;
}

export function scoreField(label: string, max = 100) {
  // Vietnamese writes a decimal comma: "2,5" (the parts of the general criteria).
  const shown = String(max).replace('.', ',');
  return z.preprocess(
    (value) => {
      const v = blankToUndefined(value);
      if (v === undefined) return undefined;
      const n = parseVnNumber(v);
      return n === undefined ? v : n;
    },
    z
      .number({ error: `${label} phải là số` })
      .min(0, `${label} phải từ 0 đến ${shown}`)
      .max(max, `${label} phải từ 0 đến ${shown}`)
      .refine(hasAtMostOneDecimal, `${label} chỉ được có một chữ số thập phân`)
      .optional(),
  );
}

export function percentField(label: string) {
  return z.preprocess(
    (value) => {
      const v = blankToUndefined(value);
      if (v === undefined) return undefined;
      if (typeof v === 'string') return parseVnNumber(v.replace('%', '')) ?? v;
      return v;
    },
    z
      .number({ error: `${label} phải là số phần trăm` })
      .min(0, `${label} phải từ 0 đến 100`)
      .max(100, `${label} phải từ 0 đến 100`)
      .optional(),
  );
}

const cleanCell = (value: unknown) => {
  const v = blankToUndefined(value);
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' ? cleanText(v) : v;
};

const unstorable = (label: string) => ({ error: (issue: { input?: unknown }) => unstorableMessage(label, issue.input) });

export function textField(label: string, max: number) {
  return z.preprocess(
    cleanCell,
    z
      .string({ error: `${label} phải là chữ` })
      .max(max, `${label} dài quá ${max} ký tự`)
      .refine(isStorableText, unstorable(label))
      .optional(),
  );
}

export function requiredTextField(label: string, max: number) {
  return z.preprocess(
    cleanCell,
    z
      .string({ error: `Thiếu ${label}` })
      .min(1, `Thiếu ${label}`)
      .max(max, `${label} dài quá ${max} ký tự`)
      .refine(isStorableText, unstorable(label)),
  );
}

const YES = new Set(['x', 'co', 'yes', 'true', '1', 'dat', 'v', 'hoan thanh']);
const NO = new Set(['khong', 'no', 'false', '0', 'chua', 'chua dat', 'khong dat']);

export function yesNoField(label: string) {
  return z.preprocess(
    (value) => {
      const v = blankToUndefined(value);
      if (typeof v === 'string') {
        const key = foldDiacritics(v);
        if (YES.has(key)) return true;
        if (NO.has(key)) return false;
      }
      if (v === 1) return true;
      if (v === 0) return false;
      return v;
    },
    z.boolean({ error: `${label} phải là "Có" hoặc "Không"` }).optional(),
  );
}

const DISCIPLINE_KEYS = new Map(DISCIPLINES.map((d) => [foldDiacritics(d), d] as const));
const NO_DISCIPLINE = new Set(['khong', 'khong co', '-', 'k']);

/** Parses a discipline cell; "" or "Không" is no discipline. */
export function parseDiscipline(value: unknown): Discipline | null | undefined {
  const v = blankToUndefined(value);
  if (v === undefined) return null;
  if (typeof v !== 'string') return undefined;
  const key = foldDiacritics(v);
  if (NO_DISCIPLINE.has(key)) return null;
  return DISCIPLINE_KEYS.get(key);
}

export const disciplineField = z.preprocess(
  (value) => {
    const parsed = parseDiscipline(value);
    return parsed === undefined ? value : parsed;
  },
  z
    .enum(DISCIPLINES, {
      error: `Kỷ luật phải là một trong: ${DISCIPLINES.join(', ')} (hoặc để trống)`,
    })
    .nullable()
    .optional(),
);

export const baseVersionField = z.preprocess(
  blankToUndefined,
  z
    .number({ error: 'Phiên bản phải là số nguyên' })
    .int('Phiên bản phải là số nguyên')
    .min(0)
    // The version column is a PostgreSQL int and the store writes baseVersion + 1.
    .max(2_147_483_646, 'Phiên bản không hợp lệ')
    .nullable()
    .optional(),
);

export const refField = z.union([z.string().max(64).refine(isStorableText, unstorable('ref')), z.number()]).optional();

export const dateField = (label: string) =>
  z.preprocess(
    (value) => {
      const v = blankToUndefined(value);
      if (v instanceof Date) return v.toISOString().slice(0, 10);
      if (typeof v === 'string') {
        const t = v.trim();
        const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
        if (vn) return `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}`;
        return t;
      }
      return v;
    },
    z.iso
      .date({ error: `${label} phải là ngày dạng dd/mm/yyyy` })
      // PostgreSQL has no year 0000 and the rules need no date before 1900.
      .refine((d) => d >= '1900-01-01' && d <= '2199-12-31', `${label} phải từ năm 1900 đến 2199`)
      .optional(),
  );
