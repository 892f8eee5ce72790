import { matchKey } from '../../contract/text.ts';

export interface RegistrationKeyRow {
  ref: string | number | undefined;
  holder: 'person' | 'unit';
  code?: string | undefined;
  name?: string | undefined;
  unit: string;
}

/**
 * A holder registers once a year (REG-1): a person by staff code (else name within the unit), a collective by
 * its unit. Returns every group of two or more rows of one holder, each row's ref, in sheet order, so all of
 * them are reported and none is silently preferred (REG-7.9).
 */
export function duplicateRegistrations(rows: readonly RegistrationKeyRow[]): (string | number | undefined)[][] {
  const groups = new Map<string, (string | number | undefined)[]>();
  for (const row of rows) {
    const key =
      row.holder === 'unit'
        ? `u:${matchKey(row.unit)}`
        : row.code
          ? `c:${matchKey(row.code)}`
          : `n:${matchKey(row.name ?? '')}|${matchKey(row.unit)}`;
    groups.set(key, [...(groups.get(key) ?? []), row.ref]);
  }
  return [...groups.values()].filter((refs) => refs.length > 1);
}

export function duplicateMessage(refs: readonly (string | number | undefined)[]): string {
  return `Trùng đăng ký: một người (hoặc tập thể) chỉ đăng ký một dòng mỗi năm (các dòng ${refs.join(', ')})`;
}
